// The HTTP layer of portal-searchd: one route table, thin handlers that parse
// and validate, call the search library and encode JSON.
#pragma once

#include <memory>
#include <string>

namespace portal {

class Searcher;

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;      // 0: any free port (see HttpServer::port())
  std::string web_dir;  // static search page; empty: not served
  int threads = 8;
};

class HttpServer {
 public:
  // `searcher` must outlive the server.
  HttpServer(const Searcher& searcher, ServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the socket. Returns false (and sets `error`) when it cannot.
  bool bind(std::string& error);
  // The bound port (after bind()).
  int port() const;
  // Serves until stop() is called from another thread or a signal handler.
  void serve();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace portal
