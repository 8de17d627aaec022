// A test collection in a BEIR-like layout, read from one directory:
//   docs.jsonl     articles in portal-indexer's format (README.md)
//   queries.jsonl  one {"id": ..., "text": ...} per line
//   qrels.txt      TREC qrels, "query-id 0 doc-id grade" per line
//                  (or BEIR's qrels/test.tsv: "query-id doc-id grade", header)
#pragma once

#include <string>
#include <vector>

#include "benchmarks/relevance/metrics.h"
#include "indexer/article.h"

namespace portal::eval {

struct Query {
  std::string id;
  std::string text;
};

struct Collection {
  std::string name;  // the directory's last component
  std::vector<Article> docs;
  // "file:line: reason" for each document the indexer would reject (Cranfield
  // has an empty record); they are left out of every system alike.
  std::vector<std::string> skipped;
  std::vector<Query> queries;
  Qrels qrels;
  // The most frequent `lang` of the documents ("en" when none has one): the
  // baselines analyse the whole collection in it.
  std::string language;
};

// Loads the collection in `dir`. Documents the indexer rejects are listed in
// `skipped`; a malformed query or judgment throws std::runtime_error naming
// its file and line.
Collection load_collection(const std::string& dir);

// Parses TREC qrels ("query-id iteration doc-id grade", whitespace-separated).
// Throws std::runtime_error on a malformed line.
Qrels parse_trec_qrels(const std::string& text, const std::string& file_name);

}  // namespace portal::eval
