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
      {"year", std::string(kYearPrefix), kYearSlot, false, true, 4},
      {"month", std::string(kMonthPrefix), kMonthSlot, false, true, 7},
  };
  for (const auto& f : extra) out.push_back({f.param, f.term_prefix(), f.slot, true, false});
  return out;
}

void SlotCounter::add(std::string_view value) {
  if (value.empty()) return;
  // Neighbouring documents often share a value (language, year).
  if (last_ && last_->first == value) {
    ++last_->second;
    return;
  }
  auto it = counts_.find(value);
  if (it == counts_.end()) it = counts_.emplace(std::string(value), 0).first;
  ++it->second;
  last_ = &*it;  // element pointers survive rehashing
}

void SlotCounter::count(std::string_view value) {
  ++total_;
  if (value.empty()) return;
  if (prefix_) {
    if (value.size() < prefix_) return;
    ++with_value_;
    return add(value.substr(0, prefix_));
  }
  ++with_value_;
  if (!multi_) return add(value);
  // Each distinct value once, and (as in the spread slots) only the first
  // kMaxSpreadValues in sorted order.
  thread_local std::vector<std::string_view> distinct;
  distinct.clear();
  std::string_view rest = value;
  while (true) {
    size_t at = rest.find(schema::kValueSeparator);
    std::string_view v = rest.substr(0, at);
    if (!v.empty() && std::find(distinct.begin(), distinct.end(), v) == distinct.end())
      distinct.push_back(v);
    if (at == std::string_view::npos) break;
    rest.remove_prefix(at + 1);
  }
  if (distinct.size() > schema::kMaxSpreadValues) {
    std::sort(distinct.begin(), distinct.end());
    distinct.resize(schema::kMaxSpreadValues);
  }
  for (auto v : distinct) add(v);
}

void LocalCountSpy::operator()(const Xapian::Document& doc, double) {
  if (streams_) {
    ids_.push_back(doc.get_docid());
    return;
  }
  for (auto* c : counters_) c->count(doc.get_value(c->slot()));
}

void LocalCountSpy::finish(const Xapian::Database& db) {
  if (!streams_) return;
  // One database hands its documents over in docid order; keep it certain.
  if (!std::is_sorted(ids_.begin(), ids_.end())) std::sort(ids_.begin(), ids_.end());
  std::vector<Xapian::valueno> slots;
  for (const auto* c : counters_)
    if (std::find(slots.begin(), slots.end(), c->slot()) == slots.end()) slots.push_back(c->slot());
  std::vector<SlotCounter*> readers;
  std::string value;
  for (Xapian::valueno slot : slots) {
    readers.clear();
    for (auto* c : counters_)
      if (c->slot() == slot) readers.push_back(c);
    Xapian::ValueIterator it = db.valuestream_begin(slot);
    const Xapian::ValueIterator end = db.valuestream_end(slot);
    for (Xapian::docid id : ids_) {
      if (it != end && it.get_docid() < id) it.skip_to(id);
      value.clear();
      if (it != end && it.get_docid() == id) value = *it;
      for (auto* c : readers) c->count(value);
    }
  }
  ids_.clear();
}

void FacetSpy::attach(Xapian::Enquire& enquire, const Xapian::Database& db) {
  spies_.clear();
  if (!portable_) {
    // Year and month come from the date slot: both facets (and a sort by
    // date) then share one value stream.
    if (field_.date_prefix)
      local_ = std::make_unique<SlotCounter>(schema::kDateSlot, false, field_.date_prefix);
    else
      local_ = std::make_unique<SlotCounter>(field_.slot, field_.multi_valued);
    return;
  }
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

Xapian::doccount FacetSpy::seen() const {
  if (local_) return local_->total();
  return spies_.empty() ? 0 : spies_.front()->get_total();
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
  if (local_)
    local_->for_each([&](const std::string& value, Xapian::doccount n) { counts[value] += n; });
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

MatchCounter::MatchCounter(bool portable) {
  if (portable)
    portable_ = std::make_unique<Xapian::ValueCountMatchSpy>(schema::kGroupSlot);
  else
    local_ = std::make_unique<SlotCounter>(schema::kGroupSlot, false);
}

void MatchCounter::attach(Xapian::Enquire& enquire) {
  if (portable_) enquire.add_matchspy(portable_.get());
}

Xapian::doccount MatchCounter::documents() const {
  return portable_ ? portable_->get_total() : local_->total();
}

Xapian::doccount MatchCounter::groups() const {
  // Each distinct group counts once; documents without a group count alone.
  Xapian::doccount groups = 0, grouped = 0;
  if (local_) {
    local_->for_each([&](const std::string&, Xapian::doccount) { ++groups; });
    grouped = local_->with_value();
  } else {
    for (auto it = portable_->values_begin(); it != portable_->values_end(); ++it) {
      ++groups;
      grouped += it.get_termfreq();
    }
  }
  return groups + (documents() - grouped);
}

}  // namespace portal
