// Facet counting over a whole match set.
//
// A FacetSpy counts the values of one value slot in every document the
// matcher hands it. On a local index the documents are counted after the
// match (LocalCountSpy), from facet columns held in memory when there are
// some (facet_columns.h); remote shards run Xapian's ValueCountMatchSpy over
// the spread slots of multi-valued fields (schema::spread_slot), so that
// each value counts (there, only a document's first kMaxSpreadValues values
// of a field, in sorted order; every value on a local index). For exact
// counts the match must look at every document (get_mset with check_at_least
// = the database size); when it looks at fewer
// (SearcherOptions::exact_count_limit), the match is counted again in a
// sample of the index, and counts are scaled up to estimates. A match of
// every document needs no spy at all: its counts are the term frequencies of
// the facet's filter terms (term_facet).
//
// Thread safety: a spy belongs to one Enquire in one thread.
#pragma once

#include <xapian.h>

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "indexer/schema.h"
#include "searchd/index_terms.h"
#include "searchd/searcher.h"

namespace portal {

// Where a facet's values live in the index.
struct FacetField {
  std::string name;         // "topic", "place", ...
  std::string term_prefix;  // boolean filter terms
  Xapian::valueno slot = 0;
  bool multi_valued = false;  // values joined with schema::join_values
  bool histogram = false;     // year/month: ordered by value, not by count
  // Year and month are also the first 4 or 7 bytes of the date slot, which
  // the local spy reads instead (0: not a date part).
  size_t date_prefix = 0;
};

// The facet fields of an index: the built-in ones and the configured extras.
std::vector<FacetField> facet_fields(const std::vector<schema::ExtraField>& extra);

struct FacetColumn;
class FacetColumns;
class TopMatches;

// Counts the values of one value slot, splitting joined values
// (schema::join_values) when `multi_valued`: no allocation for a value
// already counted.
class SlotCounter {
 public:
  // What is counted: a slot, split or not, or the first `prefix` bytes of
  // its values (year and month of the date).
  struct Spec {
    Xapian::valueno slot = 0;
    bool multi = false;
    size_t prefix = 0;
    bool operator==(const Spec&) const = default;
  };
  explicit SlotCounter(Spec spec) : spec_(spec) {}
  const Spec& spec() const { return spec_; }
  Xapian::valueno slot() const { return spec_.slot; }
  // The values a document whose value is `value` counts for: each distinct
  // one once. Views into `value`.
  static void values_of(const Spec& spec, std::string_view value,
                        std::vector<std::string_view>& out);
  // Counts one document whose value is `value` (empty: none).
  void count(std::string_view value);
  // Counts the documents `ids` from a column of this counter's spec. With
  // `owner` (which keeps `column` alive), the counts are kept by the
  // column's ordinals, and each value is named only when they are read.
  void count(const FacetColumn& column, const std::vector<Xapian::docid>& ids,
             std::shared_ptr<const void> owner = nullptr);
  Xapian::doccount total() const { return total_; }
  // Documents per value, and the documents that had a value.
  template <typename F>
  void for_each(F&& f) const {
    if (tally_column_ && !counts_.empty()) {
      // Counted both ways (not done by the searcher): merged.
      std::map<std::string_view, Xapian::doccount> all;
      for (const auto& [value, count] : counts_) all[value] += count;
      for (size_t o = 0; o < tally_.size(); ++o)
        if (tally_[o]) all[tally_value(o)] += tally_[o];
      for (const auto& [value, count] : all) f(std::string(value), count);
      return;
    }
    for (const auto& [value, count] : counts_) f(value, count);
    if (tally_column_)
      for (size_t o = 0; o < tally_.size(); ++o)
        if (tally_[o]) f(tally_value(o), tally_[o]);
  }
  Xapian::doccount with_value() const { return with_value_; }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  void add(std::string_view value, Xapian::doccount n = 1);
  // The value of ordinal `o` of the tallied column.
  const std::string& tally_value(size_t o) const;
  Spec spec_;
  Xapian::doccount total_ = 0, with_value_ = 0;
  std::unordered_map<std::string, Xapian::doccount, Hash, std::equal_to<>> counts_;
  std::pair<const std::string, Xapian::doccount>* last_ = nullptr;
  // Documents per ordinal of the values of one column (count() with an
  // owner), which `tally_owner_` keeps alive.
  const FacetColumn* tally_column_ = nullptr;
  std::shared_ptr<const void> tally_owner_;
  std::vector<Xapian::doccount> tally_;
};

// What a local count of `field` reads: year and month come from the date
// slot, so that both facets (and a sort by date) share one value stream.
SlotCounter::Spec counter_spec(const FacetField& field);
// ... and of the translation groups (MatchCounter).
SlotCounter::Spec group_counter_spec();
// The whole date of each document, for sorting by date (ColumnKey).
SlotCounter::Spec date_column_spec();

// Feeds local SlotCounters the documents the matcher hands it. On one
// database it records their docids and counts them afterwards (finish()),
// from facet columns when there are some for the database's revision, else
// reading each slot as a value stream: in docid order that walks the slot's
// chunks once, where reading several slots per document hops between them.
// Shards joined in one Database hand over documents by their docid within
// the shard, so there each document's values are read as it comes. A spy of
// our own, so it cannot run inside a remote shard (xapian-tcpsrv knows only
// Xapian's).
class LocalCountSpy final : public Xapian::MatchSpy {
 public:
  explicit LocalCountSpy(const Xapian::Database& db) : streams_(db.size() == 1) {}
  // Counts for `counter` too (nothing when null).
  void add(SlotCounter* counter) {
    if (counter) counters_.push_back(counter);
  }
  // Hands `top` every match and its weight too (none when null).
  void rank(TopMatches* top) { top_ = top; }
  // Thrown by operator() at the match past the cap, out of Xapian's matcher:
  // nothing is counted then, and `top` holds the best of the first `cap`.
  struct CapReached {};
  // Stops the match at the match past `cap` (CapReached).
  void cap(Xapian::doccount cap) { cap_ = cap; }
  void operator()(const Xapian::Document& doc, double wt) override;
  // False when there is nothing to count (the spy need not be added).
  bool counting() const { return !counters_.empty(); }
  // After get_mset(): counts what was recorded, from `columns` when they
  // hold every counter's column (and are of `db`'s revision).
  void finish(const Xapian::Database& db, std::shared_ptr<const FacetColumns> columns = nullptr);

 private:
  std::vector<SlotCounter*> counters_;
  TopMatches* top_ = nullptr;
  Xapian::doccount cap_ = static_cast<Xapian::doccount>(-1);
  Xapian::doccount seen_ = 0;
  bool streams_;
  std::vector<Xapian::docid> ids_;
};

// Hands a LocalCountSpy the documents of a match that is only counted, as a
// match decider that turns each of them down: Xapian 1.4's matcher then
// keeps no match set item for them, and a count costs a fraction of what a
// spy does beside an unweighted match that keeps one (get_mset(0, 1, check)):
// on the 100k corpus, the 7,712 matches of a four-term OR in 0.25 against
// 0.71 ms, of one term in 0.09 against 0.52 ms. After `cap` documents, or
// once `deadline` has passed (checked every kClockEvery documents), it
// accepts the next one: a match asked for one item without check_at_least
// (run()) then stops. Local databases only (a remote shard cannot run it).
class CountingDecider final : public Xapian::MatchDecider {
 public:
  using Clock = std::chrono::steady_clock;
  CountingDecider(LocalCountSpy& spy, Xapian::doccount cap,
                  std::optional<Clock::time_point> deadline = std::nullopt)
      : spy_(spy), cap_(cap), deadline_(deadline) {}
  bool operator()(const Xapian::Document& doc) const override;
  // Runs `enquire` (unweighted here) for the count; returns whether every
  // match was counted (false: stopped at the cap or the deadline).
  bool run(Xapian::Enquire& enquire);
  // Whether the deadline stopped it.
  bool timed_out() const { return timed_out_; }

 private:
  static constexpr Xapian::doccount kClockEvery = 256;
  LocalCountSpy& spy_;
  Xapian::doccount cap_;
  std::optional<Clock::time_point> deadline_;
  mutable Xapian::doccount seen_ = 0;
  mutable bool stopped_ = false, timed_out_ = false;
};

// Counts one facet. On local databases with a SlotCounter over the field's
// slot, fed by a LocalCountSpy (local()); with `portable`, with Xapian's
// ValueCountMatchSpy (one per slot: the field's slot, or the spread slots of
// a multi-valued field), which also runs inside remote shards. Both count the
// same, but for documents with more than kMaxSpreadValues values of a field,
// whose values past that only the local counter counts.
class FacetSpy {
 public:
  FacetSpy(FacetField field, bool portable) : field_(std::move(field)), portable_(portable) {}
  // Starts counting afresh, and adds the portable spies to `enquire`; this
  // object must outlive its get_mset(). Local counting has nothing to attach.
  void attach(Xapian::Enquire& enquire, const Xapian::Database& db);
  // The counter for a LocalCountSpy, or null.
  SlotCounter* local() const { return local_.get(); }
  const FacetField& field() const { return field_; }
  // The counted values: histogram facets in value order, others most frequent
  // first (ties by value), cut as ordered_facet() says. Each count is
  // multiplied by `scale` (rounded; at least 1) when the spy saw a sample.
  Facet result(double scale = 1.0, size_t limit = 0,
               const std::vector<std::string>* selected = nullptr) const;
  // Documents the spy saw.
  Xapian::doccount seen() const;

 private:
  FacetField field_;
  bool portable_;
  std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies_;
  std::unique_ptr<SlotCounter> local_;
};

// The facet over every document of `db`, read from the term frequencies of
// the field's filter terms: the same counts as a FacetSpy over a match of
// every document, without visiting them.
Facet term_facet(const Xapian::Database& db, const FacetField& field);

// A facet's values in the order a result gives them: histograms by value,
// all of them; other facets most frequent first (ties by value), the first
// `limit` (0: all) and after them any of `selected`, however rare: a value a
// visitor ticked keeps its count. Only what is kept is fully sorted.
Facet ordered_facet(const FacetField& field, std::vector<FacetValue> values, size_t limit = 0,
                    const std::vector<std::string>* selected = nullptr);

// The number of translation groups of `db` (a document without a group counts
// as one), from the term frequencies of the group terms.
Xapian::doccount group_count(const Xapian::Database& db);

// term_facet(), group_count() and prefix_terms() of the latest revision of an
// index (DbPool::Lease::revision), kept until the index changes: listing
// everything asks for the same counts every time, and reading the frequency
// of thousands of terms (places, people) reads as many B-tree blocks, and
// from remote shards asks each of them. Without a revision they are counted
// each time. Thread-safe.
class TermCountCache {
 public:
  Facet facet(const Xapian::Database& db, const std::string& revision, const FacetField& field);
  Xapian::doccount groups(const Xapian::Database& db, const std::string& revision);
  std::shared_ptr<const TermFreqs> terms(const Xapian::Database& db, const std::string& revision,
                                         const std::string& prefix);

 private:
  // table[key] for `revision`, from compute() the first time. Entries of
  // another revision are dropped.
  template <typename T, typename F>
  T kept(const std::string& revision, std::map<std::string, T> TermCountCache::*table,
         const std::string& key, F compute);

  std::mutex mu_;
  std::string revision_;
  std::map<std::string, Facet> facets_;                            // by field name
  std::map<std::string, Xapian::doccount> groups_;                 // key ""
  std::map<std::string, std::shared_ptr<const TermFreqs>> terms_;  // by prefix
};

// Counts the matching documents and their translation groups (a document
// without a group is a group of its own): the exact total of a collapsed
// match, which Xapian's own estimate is not when the query has alternatives.
class MatchCounter {
 public:
  // `portable`: with Xapian's ValueCountMatchSpy over the group slot, which
  // also runs inside remote shards; else with a SlotCounter.
  explicit MatchCounter(bool portable);
  // Starts counting afresh, and adds the portable spy to `enquire`; this
  // object must outlive its get_mset().
  void attach(Xapian::Enquire& enquire);
  // The counter for a LocalCountSpy, or null.
  SlotCounter* local() const { return local_.get(); }
  Xapian::doccount documents() const;
  Xapian::doccount groups() const;

 private:
  std::unique_ptr<Xapian::ValueCountMatchSpy> portable_;
  std::unique_ptr<SlotCounter> local_;
};

}  // namespace portal
