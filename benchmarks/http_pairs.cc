// bench_http_pairs: what HTTP on loopback adds to a search, query by query in
// one run. Each query of the set is asked of portal-searchd over one
// keep-alive connection and of our search library in this process, on the
// same index, one right after the other; and of the minimal httplib + Xapian
// server and plain Xapian in this process (the floor an HTTP daemon on this
// stack reaches); and portal-searchd's /healthz, a request that does no work,
// what loopback and HTTP alone cost here. The five take turns in a rotating
// order, so that each pair sees the same machine load: on a shared machine,
// figures from runs minutes apart differ by more than what HTTP adds.
//
// Reports the wall-clock percentiles of each and, per pair, the difference of
// their p50 and the median of the per-query differences.
// Checks its own work: the daemon must answer as many hits as the library.
#include <httplib.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "benchmarks/bench_query.h"
#include "benchmarks/latency.h"
#include "benchmarks/plain_xapian.h"
#include "benchmarks/portal_adapter.h"
#include "indexer/facet_config.h"
#include "searchd/searcher.h"

namespace {

using portal::bench::ms_since;
using Clock = std::chrono::steady_clock;

// One keep-alive connection to a server on 127.0.0.1.
class Connection {
 public:
  explicit Connection(int port) : client_("127.0.0.1", port), port_(port) {
    client_.set_keep_alive(true);
    client_.set_tcp_nodelay(true);
  }
  // GETs `path`; returns the status, the body in `body`.
  int get(const std::string& path, std::string& body) {
    auto res = client_.Get(path);
    if (!res)
      throw std::runtime_error("GET 127.0.0.1:" + std::to_string(port_) + path + ": " +
                               httplib::to_string(res.error()));
    body = std::move(res->body);
    return res->status;
  }

 private:
  httplib::Client client_;
  int port_;
};

// The timings of one pair: over HTTP and in-process, query by query.
struct Pair {
  Pair(std::string http, std::string local)
      : http_name(std::move(http)), local_name(std::move(local)) {}
  std::string http_name, local_name;
  std::vector<double> http_ms, local_ms, delta_ms;
  void record(double http, double local) {
    http_ms.push_back(http);
    local_ms.push_back(local);
    delta_ms.push_back(http - local);
  }
  void print() const {
    auto h = portal::bench::summarize(http_ms), l = portal::bench::summarize(local_ms);
    std::printf("%s\n%s\n", portal::bench::format_summary(http_name, h).c_str(),
                portal::bench::format_summary(local_name, l).c_str());
    std::printf("delta %s-%s p50_diff_ms=%.3f paired_median_ms=%.3f\n", http_name.c_str(),
                local_name.c_str(), h.p50_ms - l.p50_ms, portal::bench::summarize(delta_ms).p50_ms);
  }
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"bench_http_pairs: each query over HTTP and in-process, in turns"};
  std::string portal_db, plain_db, queries_path;
  int portal_port = 0, minimal_port = 0, reps = 3;
  size_t limit = 0;
  app.add_option("--portal-db", portal_db, "our index, as portal-searchd serves it")->required();
  app.add_option("--plain-db", plain_db, "plain Xapian index, as the minimal server serves it")
      ->required();
  app.add_option("--queries", queries_path, "query set (benchmarks/queries/*.jsonl)")->required();
  app.add_option("--portal-port", portal_port, "portal-searchd's port on 127.0.0.1")->required();
  app.add_option("--minimal-port", minimal_port, "bench_minimal_httpd's port on 127.0.0.1")
      ->required();
  app.add_option("--reps", reps, "passes over the query set (after one warm-up pass)")
      ->capture_default_str();
  app.add_option("--limit", limit, "use only the first N queries (0: all)");
  // As portal-searchd parses field queries (place:, speaker:).
  std::string facets = portal::default_facets_path();
  app.add_option("--facets", facets, "extra facet fields (JSON), as portal-searchd's; empty: none")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  try {
    portal::SearcherOptions options;
    if (!facets.empty()) options.extra_fields = portal::load_extra_fields(facets);
    auto queries = portal::bench::load_queries(queries_path, limit);
    portal::Searcher ours(portal_db, options);
    ours.load_facet_columns();  // as portal-searchd does before it listens
    portal::bench::PlainSearcher plain(plain_db);
    Connection portal_http(portal_port), minimal_http(minimal_port);
    Pair portal("portal_http", "portal_inprocess"), minimal("minimal_http", "plain_inprocess");
    std::vector<double> round_trip;  // /healthz
    size_t mismatches = 0, refused = 0;
    for (int rep = 0; rep <= reps; ++rep) {
      for (size_t i = 0; i < queries.size(); ++i) {
        const auto& q = queries[i];
        const std::string portal_path = "/api/v1/search?" + portal::bench::to_query_string(q);
        const std::string minimal_path = "/search?" + portal::bench::to_minimal_query_string(q);
        double t[5] = {0, 0, 0, 0, 0};
        long hits_http = -1, hits_local = -1;
        int status = 0;
        auto run = [&](int which) {
          std::string body;
          auto t0 = Clock::now();
          switch (which) {
            case 0:
              status = portal_http.get(portal_path, body);
              t[0] = ms_since(t0);
              if (status == 200)
                hits_http = static_cast<long>(nlohmann::json::parse(body).at("hits").size());
              break;
            case 1:
              try {
                hits_local =
                    static_cast<long>(ours.search(portal::bench::to_request(q)).hits.size());
              } catch (const portal::InvalidRequest&) {
                hits_local = -1;  // refused, as the daemon answers 400
              }
              t[1] = ms_since(t0);
              break;
            case 2:
              if (minimal_http.get(minimal_path, body) != 200)
                throw std::runtime_error("the minimal server refused " + minimal_path);
              t[2] = ms_since(t0);
              break;
            case 3:
              plain.search_page(q);
              t[3] = ms_since(t0);
              break;
            case 4:
              if (portal_http.get("/healthz", body) != 200)
                throw std::runtime_error("portal-searchd's /healthz did not answer 200");
              t[4] = ms_since(t0);
              break;
          }
        };
        // Each takes each place in the order in turn.
        for (int k = 0; k < 5; ++k) run(static_cast<int>((k + i + static_cast<size_t>(rep)) % 5));
        if (status != 200 && status != 400)
          throw std::runtime_error("portal-searchd answered " + std::to_string(status) + " to " +
                                   portal_path);
        if (hits_http != hits_local) ++mismatches;
        if (rep == 0) continue;
        if (status == 400) {
          ++refused;
          continue;
        }
        portal.record(t[0], t[1]);
        minimal.record(t[2], t[3]);
        round_trip.push_back(t[4]);
      }
    }
    std::printf("queries=%zu reps=%d refused=%zu\n", queries.size(), reps, refused);
    portal.print();
    minimal.print();
    std::printf("%s\n",
                portal::bench::format_summary("healthz_http", portal::bench::summarize(round_trip))
                    .c_str());
    if (mismatches > 0) {
      std::fprintf(stderr,
                   "bench_http_pairs: the daemon and the library gave different numbers of hits "
                   "for %zu of the queries: not the same index?\n",
                   mismatches);
      return 3;
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "bench_http_pairs: " << e.what() << "\n";
    return 1;
  }
}
