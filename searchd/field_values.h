// The values of a filter field as someone types them in the query language.
//
// A filter parameter names a value exactly as the index holds it
// ("Міжнародні санкції"), as a value picked from a facet list is. Typed after
// a field name (topic:санкції, speaker:Zelensky, type:Speech) a value is
// matched loosely, its words compared as normalised words (case, accents,
// apostrophes) or by cross-script key, so that Zelensky meets "Володимир
// Зеленський": the indexed values that are those words, in order, when there
// are some (topic:triathlon is "Triathlon"); else every value that holds
// each of them ("Triathlon d'hiver", "Xterra Triathlon" too). The words of
// each indexed value are worked out once per process.
//
// Thread-safe.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

#include "searchd/index_terms.h"

namespace portal {

// The terms under `prefix` (of `terms`) that `typed` names, as above, and
// the term of `typed` itself (which may not exist), as a boolean query. More
// than `max_values` values holding its words is InvalidRequest("q").
Xapian::Query field_values(const IndexTerms& terms, const std::string& prefix,
                           std::string_view typed, unsigned max_values);

}  // namespace portal
