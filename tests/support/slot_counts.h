// What a SlotCounter counted, as a map the tests can compare.
#pragma once

#include <map>
#include <string>

#include "searchd/facets.h"

namespace portal::test {

using Counts = std::map<std::string, Xapian::doccount>;

inline Counts counts_of(const SlotCounter& c) {
  Counts out;
  c.for_each([&](const std::string& v, Xapian::doccount n) { out[v] = n; });
  return out;
}

}  // namespace portal::test
