// bench_sphinx: the Sphinx 2.2 peer's two ends (run_sphinx.sh drives them).
//   bench_sphinx tsv FILES...        writes the articles for `tsvpipe_command`:
//                                     id, title, body, date (YYYYMMDD), topics
//   bench_sphinx query --port N ...  runs the query set over SphinxQL: words
//                                     ANDed, "phrases", prefix*, topic and date
//                                     filters, the empty query as the newest 10
// Topics are stored as a multi-valued attribute of 31-bit FNV-1a hashes.
#include <mysql.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

#include "benchmarks/peer_common.h"

namespace {

using portal::bench::BenchQuery;

unsigned topic_id(const std::string& topic) {
  unsigned h = 2166136261u;
  for (unsigned char c : topic) h = (h ^ c) * 16777619u;
  return (h & 0x7fffffffu) | 1u;
}

std::string tsv_clean(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

std::string date_number(const std::string& date) {
  if (date.size() < 10) return "0";
  return date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2);
}

int write_tsv(const std::vector<std::string>& files) {
  unsigned long row = 0;
  portal::bench::for_each_article(files, [&](const portal::bench::PeerArticle& a) {
    std::string topics;
    for (const auto& t : a.topics)
      topics += (topics.empty() ? "" : ",") + std::to_string(topic_id(t));
    std::printf("%lu\t%s\t%s\t%s\t%s\n", ++row, tsv_clean(a.title).c_str(),
                tsv_clean(a.body).c_str(), date_number(a.date).c_str(), topics.c_str());
  });
  return 0;
}

std::string match_expr(const BenchQuery& q) {
  std::string out;
  for (const auto& w : q.words) out += (out.empty() ? "" : " ") + w;
  if (q.kind == "phrase") return "\"" + out + "\"";
  if (q.kind == "prefix") out += "*";
  return out;
}

int run_queries(int port, const std::string& queries_path, int reps, double min_hits) {
  MYSQL* db = mysql_init(nullptr);
  if (!mysql_real_connect(db, "127.0.0.1", "", "", "", port, nullptr, 0))
    throw std::runtime_error(std::string("connect: ") + mysql_error(db));
  auto queries = portal::bench::load_queries(queries_path);
  bool ok =
      portal::bench::run_query_set("sphinx", queries, reps, min_hits, [&](const BenchQuery& q) {
        std::string sql = "SELECT id FROM portal";
        if (q.words.empty()) {
          sql += " ORDER BY date DESC";
        } else {
          sql += " WHERE MATCH('" + match_expr(q) + "')";
          if (!q.topic.empty()) sql += " AND topics = " + std::to_string(topic_id(q.topic));
          if (!q.date_from.empty())
            sql +=
                " AND date BETWEEN " + date_number(q.date_from) + " AND " + date_number(q.date_to);
        }
        sql += " LIMIT 10";
        if (mysql_real_query(db, sql.data(), sql.size()))
          throw std::runtime_error(sql + ": " + mysql_error(db));
        MYSQL_RES* res = mysql_store_result(db);
        size_t hits = res ? mysql_num_rows(res) : 0;
        mysql_free_result(res);
        return hits;
      });
  mysql_close(db);
  return ok ? 0 : 3;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"bench_sphinx: Sphinx 2.2 peer, same articles and queries"};
  app.require_subcommand(1);
  std::vector<std::string> files;
  auto* tsv = app.add_subcommand("tsv", "articles as tsvpipe input");
  tsv->add_option("files", files, "JSON Lines files")->required();
  int port = 0, reps = 5;
  double min_hits = 0.5;
  std::string queries;
  auto* query = app.add_subcommand("query", "run the query set over SphinxQL");
  query->add_option("--port", port, "SphinxQL port on 127.0.0.1")->required();
  query->add_option("--queries", queries, "query set")->required();
  query->add_option("--reps", reps, "passes over the query set")->capture_default_str();
  query->add_option("--min-hits", min_hits, "least share of queries that must find something");
  CLI11_PARSE(app, argc, argv);
  try {
    if (*tsv) return write_tsv(files);
    return run_queries(port, queries, reps, min_hits);
  } catch (const std::exception& e) {
    std::cerr << "bench_sphinx: " << e.what() << "\n";
    return 1;
  }
}
