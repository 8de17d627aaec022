// The baseline: what plain Xapian does with the same articles and queries,
// with no analysis of our own. Indexing is TermGenerator + the Snowball
// stemmer of the article's language (none for Ukrainian, which Xapian 1.4
// lacks), one thread; search is QueryParser + Enquire, top 10, no facets and
// no snippets.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>

#include "benchmarks/bench_query.h"

namespace portal::bench {

// The Snowball stemmer name for a language tag ("none" if Xapian has none).
std::string snowball_name(const std::string& lang);

// Writes articles (JSON Lines) into a plain Xapian index: free text of title
// (wdf boosted) and body, the id as a unique `Q` term, topics as `XT` terms,
// the date (YYYY-MM-DD) in value slot 0 and the whole line as document data.
class PlainIndexer {
 public:
  explicit PlainIndexer(const std::string& db_path);
  // Indexes one JSON Lines record. Returns false if it is not an article.
  bool add(const std::string& line);
  void commit() { db_.commit(); }
  unsigned long count() const { return db_.get_doccount(); }

 private:
  Xapian::WritableDatabase db_;
  Xapian::TermGenerator tg_;
};

// Runs benchmark queries. Not thread-safe: one per thread.
class PlainSearcher {
 public:
  explicit PlainSearcher(const std::string& db_path);
  // Top 10 for `q`; the mset's size is the number of hits shown.
  Xapian::MSet search(const BenchQuery& q);
  // search(), then each hit's stored data read, as a page of results needs:
  // what the benchmarks time as plain Xapian in-process.
  Xapian::MSet search_page(const BenchQuery& q);
  // Every match of search()'s query, counted whole (not timed).
  Xapian::doccount count(const BenchQuery& q);
  // The id stored in a hit's document data.
  static std::string id_of(const Xapian::Document& doc);

 private:
  Xapian::Query parse(const BenchQuery& q);
  // An Enquire of `q` as search() runs it.
  Xapian::Enquire enquire(const BenchQuery& q);
  Xapian::Database db_;
  Xapian::QueryParser qp_;
};

}  // namespace portal::bench
