// Related articles: query expansion from one document (Xapian relevance set
// and expand set), excluding the document itself and its translations.
//
// Thread safety: reads `db`, which belongs to the caller's thread.
#pragma once

#include <xapian.h>

#include <utility>
#include <vector>

#include "searchd/searcher.h"

namespace portal {

// Best first: (docid, score), one per translation group.
std::vector<std::pair<Xapian::docid, double>> similar_documents(Xapian::Database& db,
                                                                const Xapian::Document& doc,
                                                                const SimilarRequest& request);

}  // namespace portal
