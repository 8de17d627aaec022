// A date range as a filter over the year and month terms of an index.
//
// A value range over the date slot checks the date of every document the
// rest of the query matches, decoding the whole date value stream on the
// way. The same range is mostly whole years and months, whose filter terms
// (schema::kYearPrefix, kMonthPrefix) list their documents directly; only a
// month cut by a bound needs the value range, and then only over that
// month's documents.
#pragma once

#include <xapian.h>

#include <string>

#include "searchd/index_terms.h"

namespace portal {

// The value range over schema::kDateSlot from `from` to `to` (bounds as
// date_bound() returns them; either may be empty, not both).
Xapian::Query date_values(const std::string& from, const std::string& to);

// The documents of an index that date_values(from, to) matches, as a boolean
// query over its year and month terms (`terms`); never an empty Query (which
// callers take for no range): a range without terms is date_values() itself.
Xapian::Query date_filter(const IndexTerms& terms, const std::string& from, const std::string& to);

}  // namespace portal
