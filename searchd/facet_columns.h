// Facet values held in memory, document by document, as Lucene's doc values:
// counting a match then reads arrays instead of the index.
//
// FacetColumns are built from the value streams of one revision of one
// database, and hold one column per SlotCounter::Spec, and the length of
// every document (Lucene's norms), which ranking reads (bm25_source.h). A FacetColumnCache
// keeps the columns of the latest revision and builds those of a new one in
// the background; until they are ready, counting reads the value streams
// (LocalCountSpy::finish). Memory: 8 bytes per document and column, plus 4
// per extra value of a multi-valued field and the distinct values, and 4 per
// document for the lengths.
//
// They may also hold the values of some slots whole (HeldValues), when those
// add up to at most a budget: the stored articles and the translation links'
// values, which a search reads for its hits from scattered documents, a block
// read (pread) or two a value from the index.
//
// Thread safety: FacetColumns are immutable once built and shared between
// threads; FacetColumnCache is thread-safe.
#pragma once

#include <xapian.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "searchd/facets.h"
#include "searchd/held_values.h"

namespace portal {

// The values of one SlotCounter::Spec in every document: document d counts
// for values[ords[k]] for k in [first[d], first[d + 1]). When no document
// has more than one value, first and ords are empty, and document d counts
// for values[single[d] - 1] (none for 0): one array read per document.
struct FacetColumn {
  SlotCounter::Spec spec;
  std::vector<std::string> values;
  std::vector<uint32_t> first;  // one more than the highest docid + 1
  std::vector<uint32_t> ords;
  std::vector<uint32_t> single;  // by docid, up to the highest
  // A column built with its documents listed (FacetColumns' `listed`, where
  // no document has more than one value): the documents of value v, in docid
  // order, are listed[listed_first[v]] .. listed[listed_first[v + 1] - 1].
  std::vector<uint32_t> listed_first;
  std::vector<uint32_t> listed;
};

// Whether no document of `column` has more than one value (single_value()
// then reads it).
inline bool single_valued(const FacetColumn& column) {
  return column.values.empty() || !column.single.empty();
}

// The value of document `did` in a column where no document has more than
// one (`single` filled, or no values at all); null for none.
inline const std::string* single_value(const FacetColumn& column, Xapian::docid did) {
  const uint32_t v = did < column.single.size() ? column.single[did] : 0;
  return v == 0 ? nullptr : &column.values[v - 1];
}

// The documents whose value is that of `did` (`did` among them), in docid
// order, from a column built with its documents listed; empty when `did` has
// no value.
inline std::span<const uint32_t> same_value(const FacetColumn& column, Xapian::docid did) {
  const uint32_t v = did < column.single.size() ? column.single[did] : 0;
  if (v == 0 || v >= column.listed_first.size()) return {};
  return std::span<const uint32_t>(column.listed)
      .subspan(column.listed_first[v - 1], column.listed_first[v] - column.listed_first[v - 1]);
}

class FacetColumns {
 public:
  // Reads `db`'s value streams, one pass per slot. `db` must be one local
  // database (revision_of() not empty). The columns of `listed` that have at
  // most one value a document also list the documents of each value.
  // The values of the groups of slots `held` are held too, in that order,
  // each group whole or not at all, as long as they add up to at most
  // `held_budget` bytes.
  FacetColumns(const Xapian::Database& db, const std::vector<SlotCounter::Spec>& specs,
               const std::vector<SlotCounter::Spec>& listed = {},
               const std::vector<std::vector<Xapian::valueno>>& held = {}, size_t held_budget = 0);
  // What identifies a database's contents: its UUID and revision; empty for
  // shards joined in one Database, whose revision Xapian does not tell, and
  // for a database that cannot tell it.
  static std::string revision_of(const Xapian::Database& db);
  const std::string& revision() const { return revision_; }
  const FacetColumn* find(const SlotCounter::Spec& spec) const;
  // Document lengths by docid (0 for none), up to the highest.
  const std::vector<uint32_t>& lengths() const { return lengths_; }
  // The values of `slot`, when they are held; else null.
  const HeldValues* held(Xapian::valueno slot) const;
  size_t bytes() const;

 private:
  // Fills `column`'s listed_first and listed from its `single`.
  static void list_documents(FacetColumn& column);
  std::string revision_;
  std::vector<FacetColumn> columns_;
  std::vector<uint32_t> lengths_;
  std::vector<HeldValues> held_;
};

// Sorts a match of one local database by a column's values, as
// Enquire::set_sort_by_value() sorts by the slot the column was read from:
// the same keys, so the same order (ties by docid). The matcher then reads an
// array instead of seeking in the value stream for each document, which costs
// a block's search where a match's documents are scattered over the index (a
// month's articles, indexed in any order).
class ColumnKey final : public Xapian::KeyMaker {
 public:
  // `column` is one of `columns`, which keeps it alive; at most one value a
  // document (its `single` filled, or no values at all).
  ColumnKey(std::shared_ptr<const FacetColumns> columns, const FacetColumn& column)
      : columns_(std::move(columns)), column_(column) {}
  std::string operator()(const Xapian::Document& doc) const override;

 private:
  std::shared_ptr<const FacetColumns> columns_;
  const FacetColumn& column_;
};

class FacetColumnCache {
 public:
  // `build` returns the columns of the index as it is when called, or null
  // when it has none (several shards); it runs on a thread of its own.
  using Build = std::function<std::shared_ptr<const FacetColumns>()>;
  explicit FacetColumnCache(Build build) : build_(std::move(build)) {}
  ~FacetColumnCache();
  // The columns of `db`'s revision, or null when they are not built yet (a
  // build then starts, unless one is running or the last one ended lately:
  // an index that commits often is not rebuilt more than a quarter of the
  // time).
  std::shared_ptr<const FacetColumns> get(const Xapian::Database& db);
  // Waits for a running build to end.
  void wait();
  // Memory held by the current columns (FacetColumns::bytes), 0 for none.
  size_t bytes();

 private:
  Build build_;
  std::mutex mutex_;
  std::shared_ptr<const FacetColumns> current_;  // guarded by mutex_
  bool running_ = false;                         // guarded by mutex_
  std::chrono::steady_clock::time_point next_;   // guarded by mutex_
  std::thread thread_;
};

}  // namespace portal
