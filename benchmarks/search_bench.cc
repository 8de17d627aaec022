// bench_search: in-process search latency over a query set, our search library
// (top 10 with its facets and snippets, or with --titles-only neither) beside
// plain Xapian (QueryParser + Enquire, top 10, no facets) on an index of the
// same articles, in one run.
// Queries are interleaved between the engines so that both see the same
// machine load. Checks its own work: every engine must return hits for at
// least --min-hits of the queries.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <numeric>

#include "benchmarks/bench_query.h"
#include "benchmarks/latency.h"
#include "benchmarks/plain_xapian.h"
#include "benchmarks/portal_adapter.h"
#include "indexer/facet_config.h"
#include "searchd/searcher.h"

namespace {

using portal::bench::ms_since;
using Clock = std::chrono::steady_clock;

struct Engine {
  std::string name;
  std::vector<double> ms, cpu_ms;
  size_t with_hits = 0, runs = 0;
  void record(double t, double cpu, size_t hits) {
    ms.push_back(t);
    cpu_ms.push_back(cpu);
    ++runs;
    if (hits > 0) ++with_hits;
  }
};

double median(std::vector<double> v) {
  if (v.empty()) return 0.0;
  std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

// --by-kind: for each kind and each language of query, the median over its
// queries of their median CPU ms and of their matches, each engine's. Matches
// are counted after the timing: plain Xapian's whole, ours as a search reports
// them uncollapsed (exact up to --exact-count-limit; a query ours refuses
// counts none).
void print_by_kind(const std::vector<portal::bench::BenchQuery>& queries,
                   const std::vector<std::vector<double>>& per_ours,
                   const std::vector<std::vector<double>>& per_plain, portal::Searcher& ours,
                   portal::bench::PlainSearcher& plain) {
  std::map<std::string, std::vector<size_t>> groups;
  for (size_t i = 0; i < queries.size(); ++i) {
    groups["kind=" + queries[i].kind].push_back(i);
    groups["lang=" + queries[i].lang].push_back(i);
  }
  std::vector<double> ours_matches(queries.size()), plain_matches(queries.size());
  for (size_t i = 0; i < queries.size(); ++i) {
    portal::SearchRequest r =
        portal::bench::to_request(queries[i], {.facets = false, .snippets = false});
    r.collapse = false;
    try {
      ours_matches[i] = static_cast<double>(ours.search(r).total);
    } catch (const portal::InvalidRequest&) {
    }
    plain_matches[i] = plain.count(queries[i]);
  }
  for (const auto& [name, members] : groups) {
    std::vector<double> a, b, c, d;
    for (size_t i : members) {
      a.push_back(median(per_ours[i]));
      b.push_back(median(per_plain[i]));
      c.push_back(ours_matches[i]);
      d.push_back(plain_matches[i]);
    }
    std::printf(
        "by %s queries=%zu portal_cpu_ms=%.3f plain_cpu_ms=%.3f portal_matches=%.0f "
        "plain_matches=%.0f portal_matches_sum=%.0f plain_matches_sum=%.0f\n",
        name.c_str(), members.size(), median(a), median(b), median(c), median(d),
        std::accumulate(c.begin(), c.end(), 0.0), std::accumulate(d.begin(), d.end(), 0.0));
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"bench_search: in-process search latency, ours beside plain Xapian"};
  std::string portal_db, plain_db, queries_path;
  int reps = 5;
  size_t limit = 0;
  double min_hits = 0.5;
  app.add_option("--portal-db", portal_db, "our index (portal-indexer)")->required();
  app.add_option("--plain-db", plain_db, "plain Xapian index (bench_plain_index)")->required();
  app.add_option("--queries", queries_path, "query set (benchmarks/queries/*.jsonl)")->required();
  app.add_option("--reps", reps, "passes over the query set (after one warm-up pass)")
      ->capture_default_str();
  app.add_option("--limit", limit, "use only the first N queries (0: all)");
  app.add_option("--min-hits", min_hits, "least share of queries that must find something")
      ->capture_default_str();
  portal::SearcherOptions options;
  app.add_option("--exact-count-limit", options.exact_count_limit,
                 "matches our library counts one by one (0: all)")
      ->capture_default_str();
  app.add_option("--rescore-window", options.ranking.rescore_window,
                 "matches rescored with the phrase and near boosts (0: every match)")
      ->capture_default_str();
  app.add_option("--title-weight", options.ranking.title_weight,
                 "weight of the title boost (0: none)")
      ->capture_default_str();
  bool titles_only = false, no_facets = false, no_snippets = false;
  app.add_flag(
      "--titles-only", titles_only,
      "ours without facets or snippets (facets=none, snippets=false), as the peers answer");
  app.add_flag("--no-facets", no_facets, "ours without facets (facets=none), with snippets");
  app.add_flag("--no-snippets", no_snippets, "ours without snippets (snippets=false), with facets");
  std::string ui_lang;
  app.add_option("--ui-lang", ui_lang,
                 "the visitor's language, as the search page sends it (ours only; default none)");
  // Field queries (place:, speaker:) as the daemon parses them.
  std::string facets = portal::default_facets_path();
  app.add_option("--facets", facets, "extra facet fields (JSON), as portal-searchd's; empty: none")
      ->capture_default_str();
  size_t slowest = 0;
  app.add_option("--slowest", slowest, "list the N queries slowest for us (median CPU ms)");
  bool by_kind = false;
  app.add_flag("--by-kind", by_kind,
               "medians per kind and per language of query: CPU ms, and matches counted after "
               "the timing (ours uncollapsed)");
  CLI11_PARSE(app, argc, argv);
  const portal::bench::AnswerParts parts{.facets = !titles_only && !no_facets,
                                         .snippets = !titles_only && !no_snippets};
  try {
    if (!facets.empty()) options.extra_fields = portal::load_extra_fields(facets);
    auto queries = portal::bench::load_queries(queries_path, limit);
    portal::Searcher ours(portal_db, options);
    // As portal-searchd does at start: the facet columns are read before the
    // first search (else the first searches count from the value streams).
    ours.load_facet_columns();
    portal::bench::PlainSearcher plain(plain_db);
    Engine e_ours, e_plain;
    // CPU ms of each query, per engine, over the passes (for --slowest).
    std::vector<std::vector<double>> per_ours(queries.size()), per_plain(queries.size());
    size_t refused = 0;
    e_ours.name = "portal";
    e_plain.name = "plain_xapian";
    for (int rep = 0; rep <= reps; ++rep) {
      for (size_t i = 0; i < queries.size(); ++i) {
        const auto& q = queries[i];
        auto run_ours = [&] {
          double c0 = portal::bench::thread_cpu_ms();
          auto t0 = Clock::now();
          portal::SearchResult r;
          try {
            portal::SearchRequest request = portal::bench::to_request(q, parts);
            request.ui_lang = ui_lang;
            r = ours.search(request);
          } catch (const portal::InvalidRequest& e) {
            // Refused queries (e.g. a prefix with too many expansions) are
            // answered errors, counted apart and limited below.
            if (rep == 0) std::fprintf(stderr, "refused %s: %s\n", q.q.c_str(), e.what());
            if (rep > 0) ++refused;
            return;
          }
          double t = ms_since(t0), c = portal::bench::thread_cpu_ms() - c0;
          if (r.hits.size() > 10) throw std::runtime_error("more than 10 hits: " + q.q);
          if (!r.hits.empty() && r.facets.empty() == parts.facets)
            throw std::runtime_error((parts.facets ? "no facets: " : "facets: ") + q.q);
          if (!parts.snippets && !r.hits.empty() && !r.hits[0].snippet_html.empty())
            throw std::runtime_error("a snippet: " + q.q);
          if (rep > 0) e_ours.record(t, c, r.hits.size());
          if (rep > 0) per_ours[i].push_back(c);
        };
        auto run_plain = [&] {
          double c0 = portal::bench::thread_cpu_ms();
          auto t0 = Clock::now();
          auto m = plain.search_page(q);
          double t = ms_since(t0), c = portal::bench::thread_cpu_ms() - c0;
          if (rep > 0) e_plain.record(t, c, m.size());
          if (rep > 0) per_plain[i].push_back(c);
        };
        if ((i + rep) % 2) {
          run_ours();
          run_plain();
        } else {
          run_plain();
          run_ours();
        }
      }
    }
    std::printf("queries=%zu reps=%d documents=%lu\n", queries.size(), reps, ours.document_count());
    bool ok = true;
    for (auto* e : {&e_ours, &e_plain}) {
      double share = e->runs ? static_cast<double>(e->with_hits) / e->runs : 0;
      std::printf(
          "%s\n%s\n  with_hits=%.2f\n",
          portal::bench::format_summary(e->name, portal::bench::summarize(e->ms)).c_str(),
          portal::bench::format_summary(e->name + "_cpu", portal::bench::summarize(e->cpu_ms))
              .c_str(),
          share);
      if (share < min_hits) {
        std::fprintf(stderr, "bench_search: %s found hits for only %.0f%% of the queries\n",
                     e->name.c_str(), 100 * share);
        ok = false;
      }
    }
    for (bool cpu : {false, true}) {
      auto a = portal::bench::summarize(cpu ? e_ours.cpu_ms : e_ours.ms);
      auto b = portal::bench::summarize(cpu ? e_plain.cpu_ms : e_plain.ms);
      std::printf("ratio%s portal/plain_xapian p50=%.2f p95=%.2f p99=%.2f\n", cpu ? "_cpu" : "",
                  a.p50_ms / b.p50_ms, a.p95_ms / b.p95_ms, a.p99_ms / b.p99_ms);
    }
    std::vector<size_t> order(queries.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return median(per_ours[a]) > median(per_ours[b]); });
    for (size_t k = 0; k < std::min(slowest, order.size()); ++k) {
      const auto& q = queries[order[k]];
      std::printf(
          "slow portal_cpu_ms=%.2f plain_cpu_ms=%.2f kind=%s q=\"%s\" lang=%s topic=%s from=%s\n",
          median(per_ours[order[k]]), median(per_plain[order[k]]), q.kind.c_str(), q.q.c_str(),
          q.lang.c_str(), q.topic.c_str(), q.date_from.c_str());
    }
    if (by_kind) print_by_kind(queries, per_ours, per_plain, ours, plain);
    return ok ? 0 : 3;
  } catch (const std::exception& e) {
    std::cerr << "bench_search: " << e.what() << "\n";
    return 1;
  }
}
