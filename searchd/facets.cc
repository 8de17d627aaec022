#include "searchd/facets.h"

#include <algorithm>
#include <cmath>

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

void FacetSpy::attach(Xapian::Enquire& enquire, const Xapian::Database& db) {
  spies_.clear();
  if (!field_.multi_valued) {
    spies_.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(field_.slot));
  } else {
    // Spread slots fill from the first: stop at the first one no document uses.
    for (unsigned i = 0; i < schema::kMaxSpreadValues; ++i) {
      Xapian::valueno slot = schema::spread_slot(field_.slot, i);
      if (db.get_value_freq(slot) == 0) break;
      spies_.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(slot));
    }
  }
  for (auto& spy : spies_) enquire.add_matchspy(spy.get());
}

namespace {

// Orders and trims counted values (FacetSpy::result).
Facet finish(const FacetField& field, std::map<std::string, unsigned long> counts, size_t limit) {
  Facet f;
  f.name = field.name;
  for (auto& [value, count] : counts) f.values.push_back({value, count});
  if (!field.histogram)
    std::stable_sort(f.values.begin(), f.values.end(),
                     [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
  if (limit && f.values.size() > limit) f.values.resize(limit);
  return f;
}

}  // namespace

Facet FacetSpy::result(size_t limit, double scale) const {
  std::map<std::string, unsigned long> counts;
  for (const auto& spy : spies_)
    for (auto it = spy->values_begin(); it != spy->values_end(); ++it)
      counts[*it] += it.get_termfreq();
  if (scale != 1.0)
    for (auto& [value, count] : counts)
      count = std::max(1UL, static_cast<unsigned long>(std::lround(count * scale)));
  return finish(field_, std::move(counts), limit);
}

Facet term_facet(const Xapian::Database& db, const FacetField& field, size_t limit) {
  std::map<std::string, unsigned long> counts;
  const std::string& prefix = field.term_prefix;
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it)
    if (it.get_termfreq() > 0) counts[(*it).substr(prefix.size())] = it.get_termfreq();
  return finish(field, std::move(counts), limit);
}

Xapian::doccount group_count(const Xapian::Database& db) {
  const std::string prefix(schema::kGroupPrefix);
  Xapian::doccount groups = 0, grouped = 0;
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    if (it.get_termfreq() == 0) continue;
    ++groups;
    grouped += it.get_termfreq();
  }
  return groups + (db.get_doccount() - std::min(grouped, db.get_doccount()));
}

Xapian::doccount MatchCounter::groups() const {
  // Each distinct group counts once; documents without a group count alone.
  Xapian::doccount groups = 0, grouped = 0;
  for (auto it = spy_.values_begin(); it != spy_.values_end(); ++it) {
    ++groups;
    grouped += it.get_termfreq();
  }
  return groups + (documents() - grouped);
}

}  // namespace portal
