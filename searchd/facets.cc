#include "searchd/facets.h"

#include <algorithm>

namespace portal {

std::vector<FacetField> facet_fields(const std::vector<schema::ExtraField>& extra) {
  using namespace schema;
  std::vector<FacetField> out = {
      {"topic", std::string(kTopicPrefix), kTopicsSlot, true, false},
      {"type", std::string(kTypePrefix), kTypeSlot, false, false},
      {"lang", std::string(kLangPrefix), kLangSlot, false, false},
      {"year", std::string(kYearPrefix), kYearSlot, false, true},
      {"month", std::string(kMonthPrefix), kMonthSlot, false, true},
  };
  for (const auto& f : extra) out.push_back({f.param, f.term_prefix(), f.slot, true, false});
  return out;
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  std::string v = doc.get_value(field_.slot);
  if (v.empty()) return;
  if (!field_.multi_valued) {
    ++counts_[v];
    return;
  }
  auto values = schema::split_values(v);
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  for (const auto& value : values)
    if (!value.empty()) ++counts_[value];
}

Facet FacetSpy::result(size_t limit) const {
  Facet f;
  f.name = field_.name;
  for (const auto& [value, count] : counts_) f.values.push_back({value, count});
  if (!field_.histogram)
    std::stable_sort(f.values.begin(), f.values.end(),
                     [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
  if (limit && f.values.size() > limit) f.values.resize(limit);
  return f;
}

void MatchCounter::operator()(const Xapian::Document& doc, double) {
  ++documents_;
  std::string group = doc.get_value(schema::kGroupSlot);
  if (group.empty())
    ++loners_;
  else
    groups_.insert(std::move(group));
}

}  // namespace portal
