#include "searchd/date_filter.h"

#include <vector>

#include "indexer/schema.h"

namespace portal {
namespace {

// The date values a year or month term stands for lie in [first, last].
struct Span {
  std::string first, last;
};

Span span_of(const std::string& period) {
  if (period.size() == 4) return {period + "-01-01", period + "-12-31\xff"};
  return {period + "-01", period + "-31\xff"};
}

}  // namespace

Xapian::Query date_values(const std::string& from, const std::string& to) {
  if (from.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kDateSlot, to);
  if (to.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, from);
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, from, to);
}

Xapian::Query date_filter(const IndexTerms& terms, const std::string& from, const std::string& to) {
  auto inside = [&](const Span& s) {
    return (from.empty() || from <= s.first) && (to.empty() || s.last <= to);
  };
  auto outside = [&](const Span& s) {
    return (!from.empty() && s.last < from) || (!to.empty() && to < s.first);
  };
  const std::string year_prefix(schema::kYearPrefix), month_prefix(schema::kMonthPrefix);
  std::vector<Xapian::Query> parts;
  std::vector<std::string> cut_years;
  const auto years = terms(year_prefix);
  for (const auto& [term, freq] : *years) {
    const std::string year = term.substr(year_prefix.size());
    Span s = span_of(year);
    if (year.size() != 4 || outside(s)) continue;
    if (inside(s))
      parts.emplace_back(term);
    else
      cut_years.push_back(year);
  }
  for (const auto& year : cut_years) {
    const auto months = terms(month_prefix + year + "-");
    for (const auto& [term, freq] : *months) {
      Span s = span_of(term.substr(month_prefix.size()));
      if (outside(s)) continue;
      if (inside(s)) {
        parts.emplace_back(term);
        continue;
      }
      // Cut by a bound: the month's documents, checked by date.
      parts.emplace_back(Xapian::Query::OP_FILTER, Xapian::Query(term), date_values(from, to));
    }
  }
  // No term in the range: the value range itself, which matches nothing
  // there is (an empty Query would stand for no range at all).
  if (parts.empty()) return date_values(from, to);
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                       Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()), 0.0);
}

}  // namespace portal
