#include "searchd/http_server.h"

#include <httplib.h>

#include <charconv>
#include <nlohmann/json.hpp>

#include "searchd/searcher.h"

namespace portal {
namespace {

using nlohmann::json;

void send_json(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace),
                  "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, int status, const std::string& code,
                const std::string& message) {
  send_json(res, status, {{"error", {{"code", code}, {"message", message}}}});
}

int int_param(const httplib::Request& req, const char* name, int fallback) {
  if (!req.has_param(name)) return fallback;
  std::string v = req.get_param_value(name);
  int out = 0;
  auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || ptr != v.data() + v.size())
    throw InvalidRequest(name, std::string("parameter '") + name + "' must be an integer");
  return out;
}

json to_json(const SearchResult& r) {
  json hits = json::array();
  for (const auto& h : r.hits) {
    hits.push_back({{"id", h.id},
                    {"title", h.title},
                    {"url", h.url},
                    {"lang", h.lang},
                    {"date", h.date},
                    {"score", h.score},
                    {"snippet", h.snippet}});
  }
  return {{"total", r.total}, {"hits", hits}};
}

}  // namespace

struct HttpServer::Impl {
  const Searcher& searcher;
  ServerOptions options;
  httplib::Server server;
  int port = 0;

  Impl(const Searcher& s, ServerOptions o) : searcher(s), options(std::move(o)) {}

  void routes() {
    server.Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
      send_json(res, 200, {{"status", "ok"}});
    });
    server.Get("/api/v1/search", [this](const httplib::Request& req, httplib::Response& res) {
      SearchRequest request;
      request.q = req.get_param_value("q");
      request.page = int_param(req, "page", 1);
      request.per_page = int_param(req, "per_page", 10);
      send_json(res, 200, to_json(searcher.search(request)));
    });
    if (!options.web_dir.empty()) server.set_mount_point("/", options.web_dir);

    // Errors are mapped to HTTP here, once.
    server.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
          try {
            std::rethrow_exception(ep);
          } catch (const InvalidRequest& e) {
            send_error(res, 400, "invalid_" + e.parameter(), e.what());
          } catch (const IndexUnavailable& e) {
            send_error(res, 503, "index_unavailable", e.what());
          } catch (const std::exception& e) {
            send_error(res, 500, "internal", e.what());
          }
        });
  }
};

HttpServer::HttpServer(const Searcher& searcher, ServerOptions options)
    : impl_(std::make_unique<Impl>(searcher, std::move(options))) {
  impl_->server.set_tcp_nodelay(true);
  int threads = impl_->options.threads;
  impl_->server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  impl_->routes();
}

HttpServer::~HttpServer() = default;

bool HttpServer::bind(std::string& error) {
  auto& o = impl_->options;
  if (o.port == 0) {
    impl_->port = impl_->server.bind_to_any_port(o.host);
  } else {
    impl_->port = impl_->server.bind_to_port(o.host, o.port) ? o.port : -1;
  }
  if (impl_->port < 0) {
    error = "cannot listen on " + o.host + ":" + std::to_string(o.port);
    return false;
  }
  return true;
}

int HttpServer::port() const { return impl_->port; }
void HttpServer::serve() { impl_->server.listen_after_bind(); }
void HttpServer::stop() { impl_->server.stop(); }

}  // namespace portal
