// An article from an HTML page (see html_text.h for what is extracted).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "indexer/article.h"
#include "indexer/schema.h"

namespace portal {

// The article of a page: id and url from <link rel=canonical> (or og:url),
// else `page_path`; title, lang, date, summary, topics, translations and body
// as parse_html_page() finds them. The result is validated and cleaned exactly
// like a JSON line (parse_article). Throws ArticleError for a page that is not
// UTF-8, has no title, or has an unparseable date.
Article html_article(std::string_view html, const std::string& page_path,
                     const std::vector<schema::ExtraField>& extra_fields = {});

}  // namespace portal
