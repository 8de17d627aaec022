// Turns an Article into a Xapian document following indexer/schema.h.
#pragma once

#include <xapian.h>

#include <vector>

#include "indexer/article.h"
#include "indexer/schema.h"

namespace portal {

// Builds the document: analysed text terms, boolean filter terms (topic, type,
// lang, year, month, translation group, and one per value of each configured
// extra field), values for sorting and facets (multi-valued ones joined with
// schema::join_values), and the stored display data (the article's JSON).
// Throws ArticleError when a filter value would make a term longer than
// schema::kMaxTermBytes. Thread-safe: may run in several threads at once.
Xapian::Document build_document(const Article& article,
                                const std::vector<schema::ExtraField>& extra_fields = {});

}  // namespace portal
