// portal-searchd: the search daemon.
#include <CLI/CLI.hpp>
#include <algorithm>

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "analyzers/analyzer.h"
#include "analyzers/data_dir.h"
#include "searchd/api_keys.h"
#include "searchd/http_server.h"
#include "searchd/index_updates.h"
#include "searchd/searcher.h"

namespace {

bool split_listen(const std::string& listen, std::string& host, int& port) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos) return false;
  host = listen.substr(0, colon);
  try {
    port = std::stoi(listen.substr(colon + 1));
  } catch (const std::exception&) {
    return false;
  }
  return port >= 0 && port < 65536 && !host.empty();
}

// Blocks SIGTERM and SIGINT in every thread (call before starting any), so
// that wait_for_signal() is the only place they are received.
sigset_t block_stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  return set;
}

void add_options(CLI::App& app, std::vector<std::string>& shards, portal::IndexSetOptions& index,
                 std::string& listen, std::string& keys_file, std::string& facets,
                 portal::ServerOptions& o, portal::SearcherOptions& search) {
  app.add_option("--db,--shard", shards,
                 "index to search: a directory or stub file, or tcp:HOST:PORT for a shard "
                 "served by xapian-tcpsrv; repeat to search several shards as one index")
      ->required()
      ->envname("PORTAL_DB")
      ->delimiter(',');
  app.add_flag("--allow-partial", index.allow_partial,
               "when some shards are down, answer from the others (\"partial\": true) instead "
               "of 503")
      ->envname("PORTAL_ALLOW_PARTIAL");
  app.add_option("--remote-timeout-ms", index.remote_timeout_ms,
                 "longest a remote shard may take per operation before it counts as down")
      ->envname("PORTAL_REMOTE_TIMEOUT_MS")
      ->check(CLI::Range(1, 3600000))
      ->capture_default_str();
  app.add_option("--connect-timeout-ms", index.connect_timeout_ms,
                 "longest a connection to a remote shard may take")
      ->envname("PORTAL_CONNECT_TIMEOUT_MS")
      ->check(CLI::Range(1, 3600000))
      ->capture_default_str();
  app.add_option("--shard-retry-ms", index.retry_after_ms,
                 "a shard that failed is not tried again for this long")
      ->envname("PORTAL_SHARD_RETRY_MS")
      ->check(CLI::Range(1, 3600000))
      ->capture_default_str();
  app.add_option("--remote-refresh-ms", index.remote_refresh_ms,
                 "reconnect to remote shards this often, so that a rebuilt index is served "
                 "(0: never)")
      ->envname("PORTAL_REMOTE_REFRESH_MS")
      ->check(CLI::Range(0, 86400000))
      ->capture_default_str();
  app.add_option("--listen", listen, "address:port to listen on (port 0: any free port)")
      ->envname("PORTAL_LISTEN")
      ->capture_default_str();
  app.add_option("--web", o.web_dir, "directory of the search page (empty: none)")
      ->envname("PORTAL_WEB_DIR")
      ->capture_default_str();
  app.add_option("--threads", o.threads, "worker threads, also the cap on open connections")
      ->envname("PORTAL_THREADS")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  app.add_option("--search-concurrency", search.max_concurrent_searches,
                 "searches run at once; more wait their turn in arrival order (0: no limit)")
      ->envname("PORTAL_SEARCH_CONCURRENCY")
      ->check(CLI::Range(0, 1024))
      ->capture_default_str();
  app.add_option("--search-queue-ms", search.queue_wait_ms,
                 "longest wait for a turn to search before answering 503")
      ->envname("PORTAL_SEARCH_QUEUE_MS")
      ->check(CLI::Range(1, 600000))
      ->capture_default_str();
  app.add_option("--exact-count-limit", search.exact_count_limit,
                 "matches counted one by one for the total and facets; beyond, both are "
                 "estimates (0: count every match)")
      ->envname("PORTAL_EXACT_COUNT_LIMIT")
      ->capture_default_str();
  app.add_flag_function(
         "--no-facet-columns", [&search](std::int64_t count) { search.facet_columns = count <= 0; },
         "count facets from the index instead of from values held in memory")
      ->envname("PORTAL_NO_FACET_COLUMNS");
  app.add_option_function<size_t>(
         "--held-values-mb", [&search](size_t mb) { search.held_values_bytes = mb << 20; },
         "hold what a search reads for its hits (the stored articles, the translation links) in "
         "memory, with the facet values, when they add up to at most this many MB (0: never)")
      ->envname("PORTAL_HELD_VALUES_MB")
      ->default_str(std::to_string(search.held_values_bytes >> 20));
  app.add_option("--facets", facets, "extra facet fields (JSON); empty: none")
      ->envname("PORTAL_FACETS")
      ->capture_default_str();
  app.add_option("--api-keys-file", keys_file,
                 "file of API keys, one a line: write:KEY or read:KEY (keys may also come from "
                 "the PORTAL_API_KEYS environment variable, comma-separated; never the command "
                 "line)")
      ->envname("PORTAL_API_KEYS_FILE");
  app.add_flag("--require-read-key", o.require_read_key,
               "the search API needs a read or write key too")
      ->envname("PORTAL_REQUIRE_READ_KEY");
  app.add_option("--cors-origin", o.cors_origins,
                 "origin allowed to call the read API from a browser (repeatable; '*': any)")
      ->envname("PORTAL_CORS_ORIGINS")
      ->delimiter(',');
  app.add_option("--rate-limit", o.rate_limit, "requests per second per client address (0: off)")
      ->envname("PORTAL_RATE_LIMIT")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  app.add_option("--rate-burst", o.rate_burst, "requests a client may make at once")
      ->envname("PORTAL_RATE_BURST")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--max-url-bytes", o.max_url_bytes, "longest request URI (414 beyond; <= 8192)")
      ->envname("PORTAL_MAX_URL_BYTES")
      ->check(CLI::Range(64, 8192))
      ->capture_default_str();
  app.add_option("--max-header-bytes", o.max_header_bytes, "largest header block (431 beyond)")
      ->envname("PORTAL_MAX_HEADER_BYTES")
      ->check(CLI::Range(512, 1 << 20))
      ->capture_default_str();
  app.add_option("--max-body-bytes", o.max_body_bytes, "largest request body (413 beyond)")
      ->envname("PORTAL_MAX_BODY_BYTES")
      ->check(CLI::Range(1, 1 << 30))
      ->capture_default_str();
  app.add_option("--max-query-bytes", o.max_query_bytes, "longest query `q` (400 beyond)")
      ->envname("PORTAL_MAX_QUERY_BYTES")
      ->check(CLI::Range(1, 8192))
      ->capture_default_str();
  app.add_option("--read-timeout-ms", o.read_timeout_ms, "longest wait for one read from a client")
      ->envname("PORTAL_READ_TIMEOUT_MS")
      ->check(CLI::Range(1, 3600000))
      ->capture_default_str();
  app.add_option("--write-timeout-ms", o.write_timeout_ms, "longest wait for one write to a client")
      ->envname("PORTAL_WRITE_TIMEOUT_MS")
      ->check(CLI::Range(1, 3600000))
      ->capture_default_str();
  app.add_option("--keep-alive-timeout-ms", o.keep_alive_timeout_ms,
                 "idle time allowed between two requests on a connection")
      ->envname("PORTAL_KEEP_ALIVE_TIMEOUT_MS")
      ->check(CLI::Range(1, 3600000))
      ->capture_default_str();
  app.add_option("--keep-alive-max-requests", o.keep_alive_max_requests,
                 "requests served on one connection before it is closed")
      ->envname("PORTAL_KEEP_ALIVE_MAX_REQUESTS")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  app.add_option("--request-timeout-ms", o.request_timeout_ms,
                 "longest time a request may take from its first byte to its answer (slow "
                 "clients are disconnected)")
      ->envname("PORTAL_REQUEST_TIMEOUT_MS")
      ->check(CLI::Range(1, 3600000))
      ->capture_default_str();
  app.add_option("--access-log", o.access_log, "access log: stdout, stderr, off or a file path")
      ->envname("PORTAL_ACCESS_LOG")
      ->capture_default_str();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"portal-searchd: serves portalsearch's search API, write API and search page"};
  std::vector<std::string> shards;
  portal::IndexSetOptions index;
  std::string listen = "127.0.0.1:8080";
  std::string keys_file;
  std::string facets = portal::analysis::data_directory() + "/facets.json";
  portal::ServerOptions options;
  options.web_dir = portal::analysis::web_directory();
  portal::SearcherOptions search_options;
  // Searches are CPU-bound: twice the cores keeps them busy, also while some
  // wait on remote shards.
  search_options.max_concurrent_searches = std::max(2u, 2 * std::thread::hardware_concurrency());
  add_options(app, shards, index, listen, keys_file, facets, options, search_options);
  CLI11_PARSE(app, argc, argv);
  if (!split_listen(listen, options.host, options.port)) {
    std::cerr << "portal-searchd: --listen must be HOST:PORT, got '" << listen << "'\n";
    return 2;
  }
  portal::ApiKeys keys;
  try {
    if (!keys_file.empty()) keys.add_file(keys_file);
    if (const char* env = std::getenv("PORTAL_API_KEYS")) keys.add(env);
  } catch (const std::exception& e) {
    std::cerr << "portal-searchd: " << e.what() << "\n";
    return 2;
  }
  sigset_t stop_signals = block_stop_signals();
  try {
    if (!facets.empty()) search_options.extra_fields = portal::load_extra_fields(facets);
    portal::analysis::preload_analyzers();
    for (const auto& s : shards) index.shards.push_back(portal::parse_shard_spec(s));
    // The write API writes into one local index directory (sharded or not);
    // over several shards or a remote one, writes go through portal-indexer.
    std::string writable;
    if (index.shards.size() == 1 && !index.shards[0].remote()) writable = index.shards[0].path;
    portal::Searcher searcher(index, search_options);
    searcher.load_facet_columns();
    portal::IndexUpdater updates(writable);
    portal::HttpServer server(searcher, updates, keys, options);
    std::string error;
    if (!server.bind(error)) {
      std::cerr << "portal-searchd: " << error << "\n";
      return 1;
    }
    std::thread stopper([&server, stop_signals] {
      int signal = 0;
      sigwait(&stop_signals, &signal);
      server.stop();
    });
    std::string documents;
    try {
      documents = std::to_string(searcher.document_count()) + " documents";
    } catch (const portal::IndexUnavailable& e) {
      documents = std::string("index unavailable: ") + e.what();
    }
    std::cout << "portal-searchd listening on http://" << options.host << ":" << server.port()
              << "/ (" << documents << ", " << keys.size() << " API keys)" << std::endl;
    server.serve();
    // serve() returns once stopped by a signal (the stopper has then run).
    stopper.join();
  } catch (const std::exception& e) {
    std::cerr << "portal-searchd: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
