// Terms' BM25 weights, as Xapian's BM25Weight computes them, from document
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
// Several terms at once (the forms, stems, keys and synonyms of one word,
// each with its factor): the source matches a document holding any of them
// and weighs it with the sum of their weights, each scaled by its factor, as
// Xapian's OR of the terms scaled by OP_SCALE_WEIGHT does, for one read of
// the document's length and one leaf where Xapian's OR would walk a tree of
// one leaf per term.
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

#include <memory>
#include <string>
#include <vector>

#include "searchd/facet_columns.h"
#include "searchd/query_terms.h"

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
  Bm25TermSource(std::vector<WeightedTerm> terms, std::shared_ptr<const FacetColumns> columns,
                 const Bm25Params& params);

  void init(const Xapian::Database& db) override;
  Xapian::doccount get_termfreq_min() const override { return termfreq_min_; }
  Xapian::doccount get_termfreq_est() const override { return termfreq_est_; }
  Xapian::doccount get_termfreq_max() const override { return termfreq_max_; }
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool at_end() const override { return current_ == kEnded; }
  Xapian::docid get_docid() const override { return current_; }
  double get_weight() const override;
  Bm25TermSource* clone() const override;
  // Serialisable, so that a query holding it can be compared by its
  // serialisation; never unserialised (not registered: local only).
  std::string name() const override { return "portal.Bm25TermSource"; }
  std::string serialise() const override;
  std::string get_description() const override;

 private:
  static constexpr Xapian::docid kEnded = static_cast<Xapian::docid>(-1);
  struct Part {
    Xapian::PostingIterator it, end;
    Xapian::docid did = 0;  // where `it` is; kEnded past its end
    double termweight = 0;  // as BM25Weight's, times k1 + 1 and the factor
    // Targets nearer than this are stepped to (bm25_source.cc); 0 for a
    // dense list.
    double step_gap = 0;
    void read() { did = it == end ? kEnded : *it; }
    // Moves to the first document at or after `target` (past `did`).
    void skip_to(Xapian::docid target) {
      if (target - did < step_gap && step_to(target)) return;
      it.skip_to(target);
      read();
    }
    // Steps towards `target` a few documents at most; whether it got there.
    bool step_to(Xapian::docid target);
  };
  // Every part started (on its first document), once.
  void start();
  // current_ set to the least document of the parts.
  void settle();

  std::vector<WeightedTerm> terms_;
  std::shared_ptr<const FacetColumns> columns_;
  Bm25Params params_;
  std::vector<Part> parts_;
  bool started_ = false;
  Xapian::docid current_ = 0;
  Xapian::doccount termfreq_min_ = 0, termfreq_est_ = 0, termfreq_max_ = 0;
  double len_factor_ = 0;  // 1 / the average length
};

// Query leaves of terms weighed by Bm25TermSource, for a query of
// `columns`' revision of one local database.
QueryAnalyses::Leaves bm25_leaves(std::shared_ptr<const FacetColumns> columns,
                                  const Bm25Params& params);

}  // namespace portal
