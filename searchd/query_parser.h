// The query language of the search box, parsed by recursive descent into
// Xapian queries built with searchd/query_terms.h (the analysis of words is
// never redone here).
//
//   query    := or_expr
//   or_expr  := and_expr ("OR" and_expr)*
//   and_expr := unary (["AND"] unary)*        words are required by default
//   unary    := ("NOT" | "-") unary | "+" unary | primary
//   primary  := "(" or_expr ")" | "\"phrase\"" | field ":" value | word | prefix "*"
//
// Fields: title: (words or "phrase" in titles), topic:, type:, lang:, the
// configured extra fields (place:, speaker:; quote values with spaces) and
// date:FROM..TO (YYYY, YYYY-MM or YYYY-MM-DD, either end may be left open).
// Operators are upper case; lower-case and/or/not are words. Mistakes a
// visitor makes by accident (a stray operator, a lone "-") are ignored;
// structural mistakes (unbalanced quotes or parentheses, an empty field
// value, a bad date, too many terms) are InvalidRequest("q") naming the
// problem.
//
// Given the index it will run on, a query is parsed into that index's own
// terms where they exist: a date: range becomes the same documents as year
// and month terms (date_filter), faster to match than the value range over
// the date slot it is without; a field value typed loosely (topic:санкції,
// speaker:Zelensky) becomes the indexed values it names (field_values.h),
// where without the index it names one value exactly.
//
// Thread-safe: a pure function of its arguments.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/schema.h"
#include "searchd/index_terms.h"
#include "searchd/query_terms.h"
#include "searchd/ranking_options.h"

namespace portal {

struct QueryContext {
  std::vector<schema::ExtraField> extra_fields;
  unsigned max_terms = 64;
  unsigned max_wildcard_expansion = 500;
  // Weights of the boosts (ParsedQuery::boosts).
  RankingOptions ranking;
};

struct ParsedQuery {
  // Every word required unless ORed. Empty words-only query: MatchAll.
  Xapian::Query strict;
  // Words that were required only by default are ORed instead; empty when
  // that would not differ from `strict`.
  Xapian::Query relaxed;
  // Boosts for documents where the free words appear in the title, as a
  // phrase or near each other; none when there is nothing to boost. Kept
  // apart from the words: put under an OP_AND_MAYBE with them, a phrase or
  // proximity boost may be counted by Xapian 1.4 for a document whose words
  // are not near each other, so the searcher matches them on their own
  // (RankingOptions::rescore_window).
  std::vector<Xapian::Query> boosts;
  // True when the query has words that score (relevance order is meaningful).
  bool has_text = false;
  // The words and phrases to highlight, and prefixes of `prefix*` terms.
  std::vector<std::string> highlight_words;
  std::vector<std::string> highlight_prefixes;
  // The free words with their byte offsets in the query (spelling correction
  // rewrites them in place).
  struct Word {
    size_t start = 0, end = 0;
    std::string text;
  };
  std::vector<Word> words;
  // True when the query has a date: range or a field value, which parsing
  // with the index changes.
  bool index_terms = false;
  // The analyses of the query's words made in parsing it, for highlighting
  // to take from (one request's: QueryAnalyses is not thread-safe).
  std::shared_ptr<QueryAnalyses> analyses;
};

// `index`: the terms of the index the query will run on, if known;
// `leaves`: how the words' terms become query leaves (QueryAnalyses).
ParsedQuery parse_query(std::string_view q, const QueryContext& context,
                        const IndexTerms* index = nullptr, QueryAnalyses::Leaves leaves = {});

// Validates a date bound ("YYYY", "YYYY-MM" or "YYYY-MM-DD") and returns the
// string to compare with the date value slot: `upper` bounds are extended so
// that "2022-03" includes the whole month. Throws InvalidRequest(parameter).
std::string date_bound(std::string_view text, bool upper, const std::string& parameter);

}  // namespace portal
