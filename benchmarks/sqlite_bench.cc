// bench_sqlite_fts5: the SQLite FTS5 peer. Loads the articles into an FTS5
// table (unicode61, remove_diacritics 2; title and body), with ids, dates and
// topics in plain tables beside it, then runs the query set: bm25()-ranked
// top 10, words ANDed, "phrases", prefix*, topic and date filters, and the
// empty query as the 10 newest articles.
#include <sqlite3.h>
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "benchmarks/latency.h"
#include "benchmarks/peer_common.h"

namespace {

using portal::bench::BenchQuery;

void check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
}

void exec(sqlite3* db, const char* sql) {
  check(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), db, sql);
}

struct Stmt {
  sqlite3_stmt* s = nullptr;
  Stmt(sqlite3* db, const std::string& sql) {
    check(sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr), db, sql.c_str());
  }
  ~Stmt() { sqlite3_finalize(s); }
  void text(int i, const std::string& v) {
    sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
};

// FTS5 query syntax: every token a quoted string; a phrase is one string.
std::string match_expr(const BenchQuery& q) {
  auto quote = [](const std::string& w) {
    std::string out = "\"";
    for (char c : w) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
  };
  std::string out;
  if (q.kind == "phrase") {
    std::string joined;
    for (const auto& w : q.words) joined += (joined.empty() ? "" : " ") + w;
    return quote(joined);
  }
  for (const auto& w : q.words) out += (out.empty() ? "" : " ") + quote(w);
  if (q.kind == "prefix") out += "*";
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"bench_sqlite_fts5: SQLite FTS5 peer, same articles and queries"};
  std::string path, queries_path;
  std::vector<std::string> files;
  int reps = 5;
  double min_hits = 0.5;
  app.add_option("--db", path, "database file (overwritten)")->required();
  app.add_option("--queries", queries_path, "query set")->required();
  app.add_option("--reps", reps, "passes over the query set")->capture_default_str();
  app.add_option("--min-hits", min_hits, "least share of queries that must find something");
  app.add_option("files", files, "JSON Lines files")->required();
  CLI11_PARSE(app, argc, argv);
  sqlite3* db = nullptr;
  try {
    std::filesystem::remove(path);
    check(sqlite3_open(path.c_str(), &db), db, "open");
    exec(db,
         "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
         "CREATE TABLE docs(rowid INTEGER PRIMARY KEY, id TEXT, title TEXT, date TEXT);"
         "CREATE TABLE topics(topic TEXT, doc INTEGER);"
         "CREATE VIRTUAL TABLE fts USING fts5(title, body, "
         "tokenize='unicode61 remove_diacritics 2');");
    auto t0 = std::chrono::steady_clock::now();
    unsigned long docs = 0;
    double bytes = 0;
    {
      exec(db, "BEGIN");
      Stmt ins_doc(db, "INSERT INTO docs VALUES(?,?,?,?)");
      Stmt ins_fts(db, "INSERT INTO fts(rowid, title, body) VALUES(?,?,?)");
      Stmt ins_topic(db, "INSERT INTO topics VALUES(?,?)");
      bytes = portal::bench::for_each_article(files, [&](const portal::bench::PeerArticle& a) {
        auto row = static_cast<sqlite3_int64>(++docs);
        sqlite3_bind_int64(ins_doc.s, 1, row);
        ins_doc.text(2, a.id);
        ins_doc.text(3, a.title);
        ins_doc.text(4, a.date);
        check(sqlite3_step(ins_doc.s), db, "insert doc");
        sqlite3_reset(ins_doc.s);
        sqlite3_bind_int64(ins_fts.s, 1, row);
        ins_fts.text(2, a.title);
        ins_fts.text(3, a.body);
        check(sqlite3_step(ins_fts.s), db, "insert fts");
        sqlite3_reset(ins_fts.s);
        for (const auto& t : a.topics) {
          ins_topic.text(1, t);
          sqlite3_bind_int64(ins_topic.s, 2, row);
          check(sqlite3_step(ins_topic.s), db, "insert topic");
          sqlite3_reset(ins_topic.s);
        }
      });
      exec(db,
           "CREATE INDEX topics_by_topic ON topics(topic, doc);"
           "CREATE INDEX docs_by_date ON docs(date);"
           "INSERT INTO fts(fts) VALUES('optimize'); COMMIT;");
    }
    double s = portal::bench::ms_since(t0) / 1000.0;
    std::printf(
        "sqlite_fts5_index docs=%lu seconds=%.2f docs_per_s=%.0f mb_per_s=%.2f "
        "size_mb=%.1f peak_rss_mb=%.0f\n",
        docs, s, docs / s, bytes / 1e6 / s, portal::bench::disk_mb(path),
        portal::bench::peak_rss_mb());

    const std::string base =
        "SELECT d.id, d.title FROM fts JOIN docs d ON d.rowid = fts.rowid WHERE fts MATCH ?1";
    Stmt plain(db, base + " ORDER BY bm25(fts) LIMIT 10");
    Stmt topic(db, base +
                       " AND fts.rowid IN (SELECT doc FROM topics WHERE topic = ?2)"
                       " ORDER BY bm25(fts) LIMIT 10");
    Stmt date(db, base + " AND d.date BETWEEN ?2 AND ?3 ORDER BY bm25(fts) LIMIT 10");
    Stmt newest(db, "SELECT id, title FROM docs ORDER BY date DESC LIMIT 10");
    auto queries = portal::bench::load_queries(queries_path);
    bool ok = portal::bench::run_query_set("sqlite_fts5", queries, reps, min_hits,
                                           [&](const BenchQuery& q) {
                                             Stmt* st = &plain;
                                             if (q.words.empty()) {
                                               st = &newest;
                                             } else if (!q.topic.empty()) {
                                               st = &topic;
                                               st->text(2, q.topic);
                                             } else if (!q.date_from.empty()) {
                                               st = &date;
                                               st->text(2, q.date_from);
                                               st->text(3, q.date_to);
                                             }
                                             if (!q.words.empty()) st->text(1, match_expr(q));
                                             size_t hits = 0;
                                             int rc;
                                             while ((rc = sqlite3_step(st->s)) == SQLITE_ROW) {
                                               sqlite3_column_text(st->s, 1);
                                               ++hits;
                                             }
                                             check(rc, db, "query");
                                             sqlite3_reset(st->s);
                                             return hits;
                                           });
    sqlite3_close(db);
    return ok ? 0 : 3;
  } catch (const std::exception& e) {
    std::cerr << "bench_sqlite_fts5: " << e.what() << "\n";
    sqlite3_close(db);
    return 1;
  }
}
