// Facet counting over a whole match set.
//
// A FacetSpy counts the values of one value slot in every document the
// matcher hands it; multi-valued fields (topics, extra fields) are counted
// over their spread slots (schema::spread_slot) so that each value counts. For exact counts the
// match must look at every document (get_mset with check_at_least = the database size); when
// it looks at fewer (SearcherOptions::exact_count_limit), counts are scaled up to estimates.
// A match of every document needs no spy at all: its counts are the term frequencies of the
// facet's filter terms (term_facet).
//
// Thread safety: a spy belongs to one Enquire in one thread.
#pragma once

#include <xapian.h>

#include <map>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "indexer/schema.h"
#include "searchd/searcher.h"

namespace portal {

// Where a facet's values live in the index.
struct FacetField {
  std::string name;         // "topic", "place", ...
  std::string term_prefix;  // boolean filter terms
  Xapian::valueno slot = 0;
  bool multi_valued = false;  // values joined with schema::join_values
  bool histogram = false;     // year/month: ordered by value, not by count
};

// The facet fields of an index: the built-in ones and the configured extras.
std::vector<FacetField> facet_fields(const std::vector<schema::ExtraField>& extra);

// Counts one facet with Xapian's ValueCountMatchSpy (one per slot: the
// field's slot, or the spread slots of a multi-valued field), which also
// works over remote shards.
class FacetSpy {
 public:
  explicit FacetSpy(FacetField field) : field_(std::move(field)) {}
  // Adds the spies to `enquire`; this object must outlive its get_mset().
  void attach(Xapian::Enquire& enquire, const Xapian::Database& db);
  const FacetField& field() const { return field_; }
  // The counted values: histogram facets in value order, others most frequent
  // first (ties by value), at most `limit` of them (0: all). Each count is
  // multiplied by `scale` (rounded; at least 1) when the spy saw a sample.
  Facet result(size_t limit, double scale = 1.0) const;
  // Documents the spy saw.
  Xapian::doccount seen() const { return spies_.empty() ? 0 : spies_.front()->get_total(); }

 private:
  FacetField field_;
  std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies_;
};

// The facet over every document of `db`, read from the term frequencies of
// the field's filter terms: the same counts as a FacetSpy over a match of
// every document, without visiting them.
Facet term_facet(const Xapian::Database& db, const FacetField& field, size_t limit);

// The number of translation groups of `db` (a document without a group counts
// as one), from the term frequencies of the group terms.
Xapian::doccount group_count(const Xapian::Database& db);

// Counts the matching documents and their translation groups (a document
// without a group is a group of its own): the exact total of a collapsed
// match, which Xapian's own estimate is not when the query has alternatives.
class MatchCounter {
 public:
  // Adds the counting spy to `enquire`; this object must outlive its
  // get_mset(). Xapian's ValueCountMatchSpy over the group slot, so that the
  // count also works over remote shards.
  void attach(Xapian::Enquire& enquire) { enquire.add_matchspy(&spy_); }
  Xapian::doccount documents() const { return spy_.get_total(); }
  Xapian::doccount groups() const;

 private:
  Xapian::ValueCountMatchSpy spy_{schema::kGroupSlot};
};

}  // namespace portal
