// The HTTP server of portal-searchd: serves the route table (routes.cc) and
// the search page, enforces the limits, keys, rate limit and CORS policy,
// maps the library's errors to statuses, writes the access log and counts
// metrics.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace portal {

class ApiKeys;
class IndexUpdater;
class Searcher;

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;      // 0: any free port (see HttpServer::port())
  std::string web_dir;  // static search page; empty: not served
  // Worker threads; also the cap on connections served at once (the HTTP
  // library holds one worker per open keep-alive connection, and a connection
  // beyond the cap waits until one closes). Idle workers cost only their
  // stack; searches beyond the cores just share them.
  int threads = 128;

  // Limits on every input.
  size_t max_url_bytes = 4096;        // request target, 414 beyond
  size_t max_header_bytes = 16384;    // all header lines together, 431 beyond
  size_t max_body_bytes = 8u << 20;   // 413 beyond
  size_t max_query_bytes = 1024;      // the `q` parameter, 400 beyond
  int read_timeout_ms = 5000;         // one read from a client
  int write_timeout_ms = 5000;        // one write to a client
  int keep_alive_timeout_ms = 5000;   // idle time between two requests
  int keep_alive_max_requests = 100;  // requests on one connection
  int request_timeout_ms = 15000;     // a whole request, first byte to answer

  // Rate limit per client address: requests per second (0: off) and burst.
  double rate_limit = 0;
  double rate_burst = 20;

  // Origins allowed to call the read API from a browser (CORS); "*" allows any.
  std::vector<std::string> cors_origins;
  // Whether the read API needs a key too (writes always do).
  bool require_read_key = false;
  // Where the access log goes: "stdout", "stderr", "off" or a file path.
  std::string access_log = "stdout";
};

class HttpServer {
 public:
  // The services must outlive the server. Throws std::runtime_error when the
  // access log file cannot be opened.
  HttpServer(const Searcher& searcher, IndexUpdater& updates, const ApiKeys& keys,
             ServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the socket. Returns false (and sets `error`) when it cannot.
  bool bind(std::string& error);
  // The bound port (after bind()).
  int port() const;
  // Serves until stop() is called from another thread; then finishes the
  // requests in flight and returns.
  void serve();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace portal
