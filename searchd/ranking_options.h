// The knobs of free-text ranking. Defaults are the best values measured
// (benchmarks/relevance/README.md records each measurement); the same
// defaults serve every language.
#pragma once

namespace portal {

struct RankingOptions {
  // BM25 term-frequency saturation and document-length normalisation
  // (Xapian's BM25Weight; its other parameters stay at Xapian's defaults).
  double bm25_k1 = 1.2;
  double bm25_b = 0.75;

  // A query of at most this many free words requires all of them — what a
  // visitor typing a few words expects — and is relaxed to any word only when
  // nothing matches. A longer query (a sentence, a pasted paragraph) would
  // rarely match in full, so it matches any of its words from the start,
  // ranked by BM25 and the boosts below.
  unsigned max_all_words = 4;

  // Boosts for documents where the free words appear in the title, as the
  // whole query phrase, or all near each other; each a multiple of the
  // matching terms' BM25 weight, 0 turns it off. The phrase and near boosts
  // apply to queries of at most max_all_words words only. Title words are
  // already counted three times in the document text (schema.h), so the
  // title boost is a half.
  double title_weight = 0.5;
  double phrase_weight = 2.0;
  double near_weight = 1.0;

  // Boosts that check word positions (phrase, near) are computed, with the
  // title boost of the same query, on the page asked for and this many
  // matches after it, ranked without the boosts (as Elasticsearch's rescore
  // window), rather than on every match: a broad query of common words then
  // checks word positions in a window of documents, not in thousands. The
  // boosts are matched on their own there, their weights added to the words':
  // under an OP_AND_MAYBE with the words, Xapian 1.4 may count a phrase or
  // proximity boost without checking positions. 0: on every match, in one
  // query (each boost ANDed-maybe in turn), exposed to that.
  unsigned rescore_window = 100;
};

}  // namespace portal
