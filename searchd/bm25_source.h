// A term's BM25 weight, as Xapian's BM25Weight computes it, from document
// lengths held in memory.
//
// Xapian 1.4 weighs a term's match with the document's length, which it
// reads from the postlist table's list of lengths, moving forward through
// it entry by entry: a search pays for decoding the length of every document
// between its matches, in each match it runs (a third of the instructions of
// a one-word search on Reuters-21578). This source walks the term's posting
// list and reads the length from FacetColumns::lengths() instead: the same
// weight, for a lookup in an array.
//
// Same weight: BM25Weight(k1, 0, 1, b, min_normlen) for a term queried once
// (a term queried twice is weighed as two terms queried once, where Xapian
// would raise its weight by a third: the only difference). Scaled by
// OP_SCALE_WEIGHT as a term is; weightless under BoolWeight. Local databases
// only: a remote shard cannot run it (xapian-tcpsrv does not know it).
//
// Thread safety: one per query; Xapian clones it for each match.
#pragma once

#include <xapian.h>

#include <functional>
#include <memory>
#include <string>

#include "searchd/facet_columns.h"

namespace portal {

// BM25Weight's k1, b and min_normlen (RankingOptions holds the first two).
struct Bm25Params {
  double k1;
  double b;
  double min_normlen;
};

class Bm25TermSource final : public Xapian::PostingSource {
 public:
  // `columns`: those of the revision the source will be matched against.
  Bm25TermSource(std::string term, std::shared_ptr<const FacetColumns> columns,
                 const Bm25Params& params);

  void init(const Xapian::Database& db) override;
  Xapian::doccount get_termfreq_min() const override { return termfreq_; }
  Xapian::doccount get_termfreq_est() const override { return termfreq_; }
  Xapian::doccount get_termfreq_max() const override { return termfreq_; }
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool at_end() const override { return it_ == end_; }
  Xapian::docid get_docid() const override { return *it_; }
  double get_weight() const override;
  Bm25TermSource* clone() const override;
  // Serialisable, so that a query holding it can be compared by its
  // serialisation; never unserialised (not registered: local only).
  std::string name() const override { return "portal.Bm25TermSource"; }
  std::string serialise() const override;
  std::string get_description() const override;

 private:
  std::string term_;
  std::shared_ptr<const FacetColumns> columns_;
  Bm25Params params_;
  Xapian::PostingIterator it_, end_;
  bool started_ = false;
  Xapian::doccount termfreq_ = 0;
  double termweight_ = 0;  // as BM25Weight's, times k1 + 1
  double len_factor_ = 0;  // 1 / the average length
};

// Query leaves for terms weighed by Bm25TermSource, for a query of
// `columns`' revision of one local database.
std::function<Xapian::Query(const std::string&)> bm25_leaves(
    std::shared_ptr<const FacetColumns> columns, const Bm25Params& params);

}  // namespace portal
