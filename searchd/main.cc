// portal-searchd: the search daemon.
#include <CLI/CLI.hpp>

#include <csignal>
#include <iostream>
#include <thread>

#include "searchd/http_server.h"
#include "searchd/searcher.h"

namespace {

portal::HttpServer* g_server = nullptr;

void on_signal(int) {
  if (g_server) g_server->stop();
}

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

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"portal-searchd: serves portalsearch's search API and search page"};
  std::string db;
  std::string listen = "127.0.0.1:8080";
  portal::ServerOptions options;
  options.web_dir = PORTAL_SOURCE_WEB_DIR;
  app.add_option("--db", db, "index directory")->required()->envname("PORTAL_DB");
  app.add_option("--listen", listen, "address:port to listen on (port 0: any free port)")
      ->envname("PORTAL_LISTEN")
      ->capture_default_str();
  app.add_option("--web", options.web_dir, "directory of the search page")
      ->envname("PORTAL_WEB_DIR")
      ->capture_default_str();
  app.add_option("--threads", options.threads, "worker threads")
      ->envname("PORTAL_THREADS")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  std::string facets = std::string(PORTAL_SOURCE_DATA_DIR) + "/facets.json";
  app.add_option("--facets", facets, "extra facet fields (JSON); empty: none")
      ->envname("PORTAL_FACETS")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  if (!split_listen(listen, options.host, options.port)) {
    std::cerr << "portal-searchd: --listen must be HOST:PORT, got '" << listen << "'\n";
    return 2;
  }
  try {
    portal::SearcherOptions search_options;
    if (!facets.empty()) search_options.extra_fields = portal::load_extra_fields(facets);
    portal::Searcher searcher(db, search_options);
    portal::HttpServer server(searcher, options);
    std::string error;
    if (!server.bind(error)) {
      std::cerr << "portal-searchd: " << error << "\n";
      return 1;
    }
    g_server = &server;
    std::signal(SIGTERM, on_signal);
    std::signal(SIGINT, on_signal);
    std::cout << "portal-searchd listening on http://" << options.host << ":" << server.port()
              << "/ (" << searcher.document_count() << " documents)" << std::endl;
    server.serve();
    g_server = nullptr;
  } catch (const std::exception& e) {
    std::cerr << "portal-searchd: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
