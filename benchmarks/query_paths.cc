// bench_query_paths: writes a query set as request paths, one per line, for
// the wrk script (wrk_queries.lua): `--style portal` for portal-searchd's
// /api/v1/search, `--style minimal` for bench_minimal_httpd's /search.
#include <CLI/CLI.hpp>

#include <iostream>

#include "benchmarks/bench_query.h"
#include "benchmarks/portal_adapter.h"

int main(int argc, char** argv) {
  CLI::App app{"bench_query_paths: a query set as HTTP request paths"};
  std::string queries, style = "portal";
  app.add_option("--queries", queries, "query set")->required();
  app.add_option("--style", style, "portal or minimal")
      ->check(CLI::IsMember({"portal", "minimal"}))
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  try {
    for (const auto& q : portal::bench::load_queries(queries)) {
      if (style == "portal")
        std::cout << "/api/v1/search?" << portal::bench::to_query_string(q) << "\n";
      else
        std::cout << "/search?" << portal::bench::to_minimal_query_string(q) << "\n";
    }
  } catch (const std::exception& e) {
    std::cerr << "bench_query_paths: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
