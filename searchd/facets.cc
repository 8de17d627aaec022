#include "searchd/facets.h"

#include "searchd/facet_columns.h"
#include "searchd/top_matches.h"

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

void SlotCounter::add(std::string_view value, Xapian::doccount n) {
  // Neighbouring documents often share a value (language, year).
  if (last_ && last_->first == value) {
    last_->second += n;
    return;
  }
  auto it = counts_.find(value);
  if (it == counts_.end()) it = counts_.emplace(std::string(value), 0).first;
  it->second += n;
  last_ = &*it;  // element pointers survive rehashing
}

void SlotCounter::values_of(const Spec& spec, std::string_view value,
                            std::vector<std::string_view>& out) {
  out.clear();
  if (value.empty()) return;
  if (spec.prefix) {
    if (value.size() >= spec.prefix) out.push_back(value.substr(0, spec.prefix));
    return;
  }
  if (!spec.multi) {
    out.push_back(value);
    return;
  }
  while (true) {
    size_t at = value.find(schema::kValueSeparator);
    std::string_view v = value.substr(0, at);
    if (!v.empty() && std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
    if (at == std::string_view::npos) break;
    value.remove_prefix(at + 1);
  }
}

void SlotCounter::count(std::string_view value) {
  ++total_;
  thread_local std::vector<std::string_view> values;
  values_of(spec_, value, values);
  if (values.empty()) return;
  ++with_value_;
  for (auto v : values) add(v);
}

const std::string& SlotCounter::tally_value(size_t o) const { return tally_column_->values[o]; }

void SlotCounter::count(const FacetColumn& column, const std::vector<Xapian::docid>& ids,
                        std::shared_ptr<const void> owner) {
  total_ += static_cast<Xapian::doccount>(ids.size());
  if (column.values.empty()) return;  // no document has a value (an index without groups)
  // Calls `f` with the ordinal of each value of each document of `ids`.
  auto each_ordinal = [&](auto&& f) {
    if (!column.single.empty()) {
      for (Xapian::docid id : ids) {
        if (id >= column.single.size() || column.single[id] == 0) continue;
        ++with_value_;
        f(column.single[id] - 1);
      }
      return;
    }
    const size_t documents = column.first.size() - 1;
    for (Xapian::docid id : ids) {
      if (id >= documents) continue;
      uint32_t from = column.first[id], to = column.first[id + 1];
      if (from == to) continue;
      ++with_value_;
      for (uint32_t i = from; i < to; ++i) f(column.ords[i]);
    }
  };
  // Few distinct values for the documents (languages, years) are tallied in
  // place; many (translation groups) are gathered, sorted and counted in
  // runs.
  if (column.values.size() <= 4 * ids.size() + 1024) {
    if (owner && (!tally_column_ || tally_column_ == &column)) {
      // Kept by ordinal: the values are named when the counts are read.
      if (!tally_column_) tally_.assign(column.values.size(), 0);
      tally_column_ = &column;
      tally_owner_ = std::move(owner);
      each_ordinal([&](uint32_t o) { ++tally_[o]; });
      return;
    }
    thread_local std::vector<Xapian::doccount> tally;
    tally.assign(column.values.size(), 0);
    each_ordinal([&](uint32_t o) { ++tally[o]; });
    for (size_t o = 0; o < tally.size(); ++o)
      if (tally[o]) add(column.values[o], tally[o]);
    return;
  }
  thread_local std::vector<uint32_t> seen;
  seen.clear();
  each_ordinal([&](uint32_t o) { seen.push_back(o); });
  std::sort(seen.begin(), seen.end());
  for (size_t i = 0; i < seen.size();) {
    size_t j = i;
    while (j < seen.size() && seen[j] == seen[i]) ++j;
    add(column.values[seen[i]], static_cast<Xapian::doccount>(j - i));
    i = j;
  }
}

SlotCounter::Spec counter_spec(const FacetField& field) {
  if (field.date_prefix) return {schema::kDateSlot, false, field.date_prefix};
  return {field.slot, field.multi_valued, 0};
}

SlotCounter::Spec group_counter_spec() { return {schema::kGroupSlot, false, 0}; }

SlotCounter::Spec date_column_spec() { return {schema::kDateSlot, false, 0}; }

void LocalCountSpy::operator()(const Xapian::Document& doc, double wt) {
  if (++seen_ > cap_) throw CapReached{};
  if (top_) top_->add(doc.get_docid(), wt);
  if (streams_) {
    ids_.push_back(doc.get_docid());
    return;
  }
  for (auto* c : counters_) c->count(doc.get_value(c->slot()));
}

bool CountingDecider::operator()(const Xapian::Document& doc) const {
  if (stopped_) return true;
  if (seen_ >= cap_ ||
      (deadline_ && seen_ % kClockEvery == kClockEvery - 1 && Clock::now() >= *deadline_)) {
    timed_out_ = seen_ < cap_;
    stopped_ = true;
    return true;
  }
  ++seen_;
  spy_(doc, 0);
  return false;
}

bool CountingDecider::run(Xapian::Enquire& enquire) {
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.get_mset(0, 1, 0, nullptr, this);
  return !stopped_;
}

void LocalCountSpy::finish(const Xapian::Database& db,
                           std::shared_ptr<const FacetColumns> columns) {
  if (!streams_) return;
  if (columns && std::all_of(counters_.begin(), counters_.end(),
                             [&](const SlotCounter* c) { return columns->find(c->spec()); })) {
    for (auto* c : counters_) c->count(*columns->find(c->spec()), ids_, columns);
    ids_.clear();
    return;
  }
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
    local_ = std::make_unique<SlotCounter>(counter_spec(field_));
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

Facet ordered_facet(const FacetField& field, std::vector<FacetValue> values, size_t limit,
                    const std::vector<std::string>* selected) {
  if (field.histogram) {
    auto by_value = [](const FacetValue& a, const FacetValue& b) { return a.value < b.value; };
    if (!std::is_sorted(values.begin(), values.end(), by_value))
      std::sort(values.begin(), values.end(), by_value);
    return {field.name, std::move(values)};
  }
  auto first = [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  };
  if (limit == 0 || values.size() <= limit) {
    std::sort(values.begin(), values.end(), first);
    return {field.name, std::move(values)};
  }
  const auto cut = values.begin() + static_cast<std::ptrdiff_t>(limit);
  std::nth_element(values.begin(), cut, values.end(), first);
  std::sort(values.begin(), cut, first);
  auto kept = cut;
  if (selected) {
    kept = std::partition(cut, values.end(), [&](const FacetValue& v) {
      return std::find(selected->begin(), selected->end(), v.value) != selected->end();
    });
    std::sort(cut, kept, first);
  }
  values.erase(kept, values.end());
  return {field.name, std::move(values)};
}

Facet FacetSpy::result(double scale, size_t limit, const std::vector<std::string>* selected) const {
  std::vector<FacetValue> values;
  if (spies_.empty()) {
    // One local counter: each value once.
    if (local_)
      local_->for_each([&](const std::string& value, Xapian::doccount n) {
        values.push_back({value, n});
      });
  } else {
    std::map<std::string, unsigned long> counts;
    if (local_)
      local_->for_each([&](const std::string& value, Xapian::doccount n) { counts[value] += n; });
    for (const auto& spy : spies_)
      for (auto it = spy->values_begin(); it != spy->values_end(); ++it)
        counts[*it] += it.get_termfreq();
    for (auto& [value, count] : counts) values.push_back({value, count});
  }
  if (scale != 1.0)
    for (auto& v : values)
      v.count = std::max(1UL, static_cast<unsigned long>(std::lround(v.count * scale)));
  return ordered_facet(field_, std::move(values), limit, selected);
}

Facet term_facet(const Xapian::Database& db, const FacetField& field) {
  std::vector<FacetValue> values;
  for (const auto& [term, freq] : prefix_terms(db, field.term_prefix))
    values.push_back({term.substr(field.term_prefix.size()), freq});
  return ordered_facet(field, std::move(values));
}

Xapian::doccount group_count(const Xapian::Database& db) {
  Xapian::doccount groups = 0, grouped = 0;
  for (const auto& [term, freq] : prefix_terms(db, std::string(schema::kGroupPrefix))) {
    ++groups;
    grouped += freq;
  }
  return groups + (db.get_doccount() - std::min(grouped, db.get_doccount()));
}

template <typename T, typename F>
T TermCountCache::kept(const std::string& revision, std::map<std::string, T> TermCountCache::*table,
                       const std::string& key, F compute) {
  if (revision.empty()) return compute();
  auto fresh = [&] {
    if (revision == revision_) return;
    revision_ = revision;
    facets_.clear();
    groups_.clear();
    terms_.clear();
  };
  {
    std::lock_guard lock(mu_);
    fresh();
    if (auto it = (this->*table).find(key); it != (this->*table).end()) return it->second;
  }
  T counted = compute();  // outside the lock: it reads the index
  std::lock_guard lock(mu_);
  fresh();
  (this->*table).emplace(key, counted);
  return counted;
}

Facet TermCountCache::facet(const Xapian::Database& db, const std::string& revision,
                            const FacetField& field) {
  return kept(revision, &TermCountCache::facets_, field.name,
              [&] { return term_facet(db, field); });
}

Xapian::doccount TermCountCache::groups(const Xapian::Database& db, const std::string& revision) {
  return kept(revision, &TermCountCache::groups_, "", [&] { return group_count(db); });
}

std::shared_ptr<const TermFreqs> TermCountCache::terms(const Xapian::Database& db,
                                                       const std::string& revision,
                                                       const std::string& prefix) {
  return kept(revision, &TermCountCache::terms_, prefix,
              [&] { return std::make_shared<const TermFreqs>(prefix_terms(db, prefix)); });
}

MatchCounter::MatchCounter(bool portable) {
  if (portable)
    portable_ = std::make_unique<Xapian::ValueCountMatchSpy>(schema::kGroupSlot);
  else
    local_ = std::make_unique<SlotCounter>(group_counter_spec());
}

void MatchCounter::attach(Xapian::Enquire& enquire) {
  if (!portable_) {
    local_ = std::make_unique<SlotCounter>(group_counter_spec());
    return;
  }
  portable_ = std::make_unique<Xapian::ValueCountMatchSpy>(schema::kGroupSlot);
  enquire.add_matchspy(portable_.get());
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
