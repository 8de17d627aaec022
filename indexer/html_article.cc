#include "indexer/html_article.h"

#include <nlohmann/json.hpp>

#include "indexer/html_text.h"
#include "indexer/text_clean.h"

namespace portal {

Article html_article(std::string_view html, const std::string& page_path,
                     const std::vector<schema::ExtraField>& extra_fields) {
  size_t bad = 0;
  if (!is_valid_utf8(html, &bad))
    throw ArticleError("invalid UTF-8 at byte " + std::to_string(bad + 1) +
                       " (pages must be UTF-8)");
  HtmlPage page = parse_html_page(html);
  if (clean_value(page.title).empty()) throw ArticleError("page has no title");
  nlohmann::json obj;
  std::string url = page.url.empty() ? page_path : page.url;
  obj["id"] = url;
  obj["url"] = url;
  obj["title"] = page.title;
  obj["body"] = page.text;
  if (!page.lang.empty()) obj["lang"] = page.lang;
  if (!page.summary.empty()) obj["summary"] = page.summary;
  if (!page.date.empty()) obj["date"] = page.date;
  if (!page.topics.empty()) obj["topics"] = page.topics;
  std::erase(page.translations, url);
  if (!page.translations.empty()) obj["translations"] = page.translations;
  obj["source_file"] = page_path;
  return parse_article(obj.dump(), extra_fields);
}

}  // namespace portal
