// Facet counting over a whole match set.
//
// A FacetSpy counts the values of one value slot in every document the
// matcher hands it; multi-valued slots (topics, extra fields) are decoded with
// schema::split_values so that each value counts. For exact counts the match
// must look at every document (get_mset with check_at_least = the database
// size).
//
// Thread safety: a spy belongs to one Enquire in one thread.
#pragma once

#include <xapian.h>

#include <map>
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

class FacetSpy : public Xapian::MatchSpy {
 public:
  explicit FacetSpy(FacetField field) : field_(std::move(field)) {}
  void operator()(const Xapian::Document& doc, double weight) override;
  const FacetField& field() const { return field_; }
  // The counted values: histogram facets in value order, others most frequent
  // first (ties by value), at most `limit` of them (0: all).
  Facet result(size_t limit) const;

 private:
  FacetField field_;
  std::map<std::string, unsigned long> counts_;
};

// Counts the matching documents and their translation groups (a document
// without a group is a group of its own): the exact total of a collapsed
// match, which Xapian's own estimate is not when the query has alternatives.
class MatchCounter : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double weight) override;
  Xapian::doccount documents() const { return documents_; }
  Xapian::doccount groups() const {
    return static_cast<Xapian::doccount>(groups_.size()) + loners_;
  }

 private:
  Xapian::doccount documents_ = 0, loners_ = 0;
  std::unordered_set<std::string> groups_;
};

}  // namespace portal
