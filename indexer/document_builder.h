// Turns an Article into a Xapian document following indexer/schema.h.
#pragma once

#include <xapian.h>

#include "indexer/article.h"

namespace portal {

// Builds the document: analysed text terms, boolean filter terms, values for
// sorting and facets, and the stored display data (the article's JSON).
// Thread-safe: may run in several threads at once.
Xapian::Document build_document(const Article& article);

}  // namespace portal
