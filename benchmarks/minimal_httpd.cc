// bench_minimal_httpd: the floor an HTTP daemon on our stack can reach. A
// minimal cpp-httplib server (TCP_NODELAY, keep-alive, a fixed thread pool)
// answering GET /search?q=&lang=&topic=&from=&to= with plain Xapian's top 10
// (id, title, score) as JSON; one database handle per worker thread.
#include <httplib.h>
#include <CLI/CLI.hpp>

#include <csignal>
#include <iostream>
#include <nlohmann/json.hpp>

#include "benchmarks/plain_xapian.h"

namespace {

httplib::Server* g_server = nullptr;
void on_signal(int) {
  if (g_server) g_server->stop();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"bench_minimal_httpd: minimal httplib + Xapian search server"};
  std::string db, host = "127.0.0.1";
  int port = 0, threads = 8;
  app.add_option("--db", db, "plain Xapian index (bench_plain_index)")->required();
  app.add_option("--port", port, "port on 127.0.0.1 (0: any free port)");
  app.add_option("--threads", threads, "worker threads")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  try {
    httplib::Server server;
    server.set_tcp_nodelay(true);
    server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    server.Get("/search", [&db](const httplib::Request& req, httplib::Response& res) {
      thread_local std::unique_ptr<portal::bench::PlainSearcher> searcher;
      if (!searcher) searcher = std::make_unique<portal::bench::PlainSearcher>(db);
      portal::bench::BenchQuery q;
      q.q = req.get_param_value("q");
      q.lang = req.get_param_value("lang");
      q.topic = req.get_param_value("topic");
      q.date_from = req.get_param_value("from");
      q.date_to = req.get_param_value("to");
      auto mset = searcher->search(q);
      nlohmann::json hits = nlohmann::json::array();
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        auto stored = nlohmann::json::parse(it.get_document().get_data());
        hits.push_back({{"id", stored.value("id", "")},
                        {"title", stored.value("title", "")},
                        {"score", it.get_weight()}});
      }
      nlohmann::json body = {{"total", mset.get_matches_estimated()}, {"hits", hits}};
      res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                      "application/json");
    });
    port =
        port == 0 ? server.bind_to_any_port(host) : (server.bind_to_port(host, port) ? port : -1);
    if (port < 0) throw std::runtime_error("cannot listen");
    g_server = &server;
    std::signal(SIGTERM, on_signal);
    std::signal(SIGINT, on_signal);
    std::cout << "bench_minimal_httpd listening on http://" << host << ":" << port << "/"
              << std::endl;
    server.listen_after_bind();
  } catch (const std::exception& e) {
    std::cerr << "bench_minimal_httpd: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
