// The values of a filter field as someone types them in the query language.
//
// A filter parameter names a value exactly as the index holds it
// ("Міжнародні санкції"), as a value picked from a facet list is. Typed after
// a field name (topic:санкції, speaker:Zelensky, type:Speech) a value is
// matched loosely: an indexed value matches when each word typed is one of
// its words, compared as normalised words (case, accents, apostrophes) or by
// cross-script key, so that Zelensky meets "Володимир Зеленський". The
// words of each indexed value are worked out once per process.
//
// Thread-safe.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

namespace portal {

// The terms of `db` under `prefix` whose value holds every word of `typed`,
// and the term of `typed` itself (which may not exist), as a boolean query.
// More than `max_values` values matching is InvalidRequest("q").
Xapian::Query field_values(const Xapian::Database& db, const std::string& prefix,
                           std::string_view typed, unsigned max_values);

}  // namespace portal
