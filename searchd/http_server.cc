#include "searchd/http_server.h"

#include <httplib.h>

#include <iostream>
#include <regex>

#include "searchd/http_route.h"
#include "searchd/http_util.h"
#include "searchd/searcher.h"
#include "searchd/services.h"

namespace portal {
namespace {

// "/api/v1/documents/{id}" -> "/api/v1/documents/([^/]+)"
std::string path_regex(std::string_view path) {
  std::string out;
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '{') {
      i = path.find('}', i);
      out += "([^/]+)";
    } else if (std::string_view(".^$|()[]*+?\\").find(path[i]) != std::string_view::npos) {
      out += '\\';
      out += path[i];
    } else {
      out += path[i];
    }
  }
  return out;
}

// Error codes and messages for the statuses the server sets by itself.
std::string status_code(int status) {
  switch (status) {
    case 400:
      return "bad_request";
    case 413:
      return "payload_too_large";
    case 414:
      return "uri_too_long";
    case 416:
      return "range_not_satisfiable";
    default:
      return "http_" + std::to_string(status);
  }
}

std::string status_text(int status) {
  switch (status) {
    case 400:
      return "malformed request";
    case 413:
      return "request body too large";
    case 414:
      return "request URI too long";
    case 416:
      return "requested range not satisfiable";
    default:
      return "HTTP status " + std::to_string(status);
  }
}

}  // namespace

struct HttpServer::Impl {
  http::Services services;
  ServerOptions options;
  httplib::Server server;
  int port = 0;

  Impl(const Searcher& s, ServerOptions o) : services{s}, options(std::move(o)) {}

  void add_route(const http::Route& route) {
    auto handler = [this, &route](const httplib::Request& req, httplib::Response& res) {
      route.handler(services, req, res);
    };
    std::string pattern = path_regex(route.path);
    switch (route.method) {
      case http::Method::kGet:
        server.Get(pattern, handler);
        break;
      case http::Method::kPost:
        server.Post(pattern, handler);
        break;
      case http::Method::kPut:
        server.Put(pattern, handler);
        break;
      case http::Method::kDelete:
        server.Delete(pattern, handler);
        break;
    }
  }

  void routes() {
    for (const auto& route : http::route_table()) add_route(route);
    if (!options.web_dir.empty()) server.set_mount_point("/", options.web_dir);

    // Library errors are mapped to HTTP here, once.
    server.set_exception_handler(
        [](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
          try {
            std::rethrow_exception(ep);
          } catch (const InvalidRequest& e) {
            http::send_error(res, 400, "invalid_" + e.parameter(), e.what());
          } catch (const NotFound& e) {
            http::send_error(res, 404, "not_found", e.what());
          } catch (const IndexUnavailable& e) {
            http::send_error(res, 503, "index_unavailable", e.what());
          } catch (const std::exception& e) {
            std::cerr << "portal-searchd: internal error on " << req.method << " " << req.path
                      << ": " << e.what() << std::endl;
            http::send_error(res, 500, "internal", "internal error");
          } catch (...) {
            std::cerr << "portal-searchd: unknown internal error on " << req.method << " "
                      << req.path << std::endl;
            http::send_error(res, 500, "internal", "internal error");
          }
        });
    // Statuses set by the server itself (no route, body too large, ...) get a
    // JSON body too.
    server.set_error_handler(
        httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
          if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
          if (res.status == 404) {
            http::send_error(res, 404, "not_found", "no such route");
          } else {
            http::send_error(res, res.status, status_code(res.status), status_text(res.status));
          }
          return httplib::Server::HandlerResponse::Handled;
        }));
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
