// bench_postgres: the PostgreSQL full-text peer, over a connection string to
// a running server (run_peers.sh starts a throwaway cluster). One tsvector per
// article in its language's configuration (english, french, russian; simple
// for Ukrainian, which PostgreSQL 15 lacks), title weighted A, a GIN index,
// ts_rank_cd-ranked top 10; queries use the configuration of their language.
#include <libpq-fe.h>
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>

#include "benchmarks/latency.h"
#include "benchmarks/peer_common.h"

namespace {

using portal::bench::BenchQuery;
using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;

std::string config_for(const std::string& lang) {
  if (lang == "en") return "english";
  if (lang == "fr") return "french";
  if (lang == "ru") return "russian";
  return "simple";
}

Result run(PGconn* c, const std::string& sql, const std::vector<std::string>& params = {}) {
  std::vector<const char*> values;
  for (const auto& p : params) values.push_back(p.c_str());
  Result r(PQexecParams(c, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                        nullptr, nullptr, 0),
           &PQclear);
  auto st = PQresultStatus(r.get());
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
    throw std::runtime_error(sql.substr(0, 60) + ": " + PQerrorMessage(c));
  return r;
}

std::string joined(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"bench_postgres: PostgreSQL full-text peer, same articles and queries"};
  std::string conninfo, queries_path;
  std::vector<std::string> files;
  int reps = 5;
  double min_hits = 0.5;
  app.add_option("--conninfo", conninfo, "libpq connection string")->required();
  app.add_option("--queries", queries_path, "query set")->required();
  app.add_option("--reps", reps, "passes over the query set")->capture_default_str();
  app.add_option("--min-hits", min_hits, "least share of queries that must find something");
  app.add_option("files", files, "JSON Lines files")->required();
  CLI11_PARSE(app, argc, argv);
  std::unique_ptr<PGconn, decltype(&PQfinish)> conn(PQconnectdb(conninfo.c_str()), &PQfinish);
  PGconn* c = conn.get();
  try {
    if (PQstatus(c) != CONNECTION_OK) throw std::runtime_error(PQerrorMessage(c));
    run(c, "SET client_min_messages = warning");
    run(c, "DROP TABLE IF EXISTS docs");
    run(c,
        "CREATE TABLE docs(id text, lang text, title text, date date, topics text[], "
        "tsv tsvector)");
    auto t0 = std::chrono::steady_clock::now();
    unsigned long docs = 0;
    run(c, "BEGIN");
    double bytes = portal::bench::for_each_article(files, [&](const portal::bench::PeerArticle& a) {
      run(c,
          "INSERT INTO docs VALUES($1, $2, $3, NULLIF($4, '')::date, "
          "string_to_array($5, E'\\x1f'), setweight(to_tsvector($6::regconfig, $3), 'A') || "
          "to_tsvector($6::regconfig, $7))",
          {a.id, a.lang, a.title, a.date, joined(a.topics, "\x1f"), config_for(a.lang), a.body});
      ++docs;
    });
    run(c, "COMMIT");
    run(c, "CREATE INDEX docs_tsv ON docs USING gin(tsv)");
    run(c, "CREATE INDEX docs_topics ON docs USING gin(topics)");
    run(c, "CREATE INDEX docs_date ON docs(date)");
    run(c, "VACUUM ANALYZE docs");
    double s = portal::bench::ms_since(t0) / 1000.0;
    auto size = run(c, "SELECT pg_total_relation_size('docs')");
    std::printf("postgres_index docs=%lu seconds=%.2f docs_per_s=%.0f mb_per_s=%.2f size_mb=%.1f\n",
                docs, s, docs / s, bytes / 1e6 / s, std::stod(PQgetvalue(size.get(), 0, 0)) / 1e6);

    auto queries = portal::bench::load_queries(queries_path);
    bool ok =
        portal::bench::run_query_set("postgres", queries, reps, min_hits, [&](const BenchQuery& q) {
          if (q.words.empty())
            return static_cast<size_t>(PQntuples(
                run(c, "SELECT id, title FROM docs ORDER BY date DESC NULLS LAST LIMIT 10").get()));
          std::string fn = "plainto_tsquery($1::regconfig, $2)";
          std::string text = joined(q.words, " ");
          if (q.kind == "phrase") fn = "phraseto_tsquery($1::regconfig, $2)";
          if (q.kind == "prefix") fn = "to_tsquery($1::regconfig, quote_literal($2) || ':*')";
          std::string sql = "SELECT id, title FROM docs, " + fn + " q WHERE tsv @@ q";
          std::vector<std::string> params{config_for(q.lang), text};
          if (!q.topic.empty()) {
            sql += " AND topics @> ARRAY[$3]";
            params.push_back(q.topic);
          } else if (!q.date_from.empty()) {
            sql += " AND date BETWEEN $3 AND $4";
            params.push_back(q.date_from);
            params.push_back(q.date_to);
          }
          sql += " ORDER BY ts_rank_cd(tsv, q) DESC LIMIT 10";
          return static_cast<size_t>(PQntuples(run(c, sql, params).get()));
        });
    return ok ? 0 : 3;
  } catch (const std::exception& e) {
    std::cerr << "bench_postgres: " << e.what() << "\n";
    return 1;
  }
}
