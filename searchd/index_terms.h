// The terms of an index under a prefix: what facets over every document,
// listings newest first, date ranges and typed field values read of it.
//
// Reading them walks the index's posting lists table from the prefix, past
// every chunk of every term's list: on a large index, the year or topic terms
// take milliseconds, and from remote shards a round trip to each. The
// searcher keeps them per revision (TermCountCache, DbPool::Lease::revision).
#pragma once

#include <xapian.h>

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace portal {

// The terms of `db` that start with `prefix` (prefix included), in term
// order, with the number of documents of each (none left out at 0).
using TermFreqs = std::vector<std::pair<std::string, Xapian::doccount>>;
TermFreqs prefix_terms(const Xapian::Database& db, const std::string& prefix);

// prefix_terms() of one index, however they are kept.
using IndexTerms = std::function<std::shared_ptr<const TermFreqs>(const std::string& prefix)>;

// prefix_terms() of `db`, read every time; `db` must outlive it.
IndexTerms terms_of(const Xapian::Database& db);

}  // namespace portal
