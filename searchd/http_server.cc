#include "searchd/http_server.h"

#include <cmath>
#include <iostream>
#include <regex>

#include "searchd/access_log.h"
#include "searchd/api_keys.h"
#include "searchd/connection_guard.h"
#include "searchd/http_route.h"
#include "searchd/http_status.h"
#include "searchd/http_util.h"
#include "searchd/metrics.h"
#include "searchd/rate_limiter.h"
#include "searchd/request_context.h"
#include "searchd/searcher.h"
#include "searchd/services.h"

namespace portal {
namespace http {

RequestContext& current_request() {
  thread_local RequestContext context;
  return context;
}

}  // namespace http

namespace {

using httplib::Request;
using httplib::Response;
using Outcome = httplib::Server::HandlerResponse;

// Connections the kernel may hold for accept(): above the keep-alive
// connections a proxy or load balancer opens (GuardedServer::set_listen_backlog).
constexpr int kListenBacklog = 1024;

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

std::string bearer_token(const Request& req) {
  std::string value = req.get_header_value("Authorization");
  constexpr std::string_view kScheme = "Bearer ";
  if (value.size() <= kScheme.size()) return {};
  if (!std::equal(kScheme.begin(), kScheme.end(), value.begin(),
                  [](char a, char b) { return std::tolower(a) == std::tolower(b); }))
    return {};
  return value.substr(kScheme.size());
}

}  // namespace

struct HttpServer::Impl {
  ServerOptions options;
  const ApiKeys& keys;
  Metrics metrics;
  http::Services services;
  RateLimiter limiter;
  http::AccessLog access_log;
  http::GuardedServer server;
  std::vector<std::pair<std::regex, const http::Route*>> routes;
  int port = 0;

  Impl(const Searcher& searcher, IndexUpdater& updates, const ApiKeys& k, ServerOptions o)
      : options(std::move(o)),
        keys(k),
        services{searcher, updates, metrics, options},
        limiter(options.rate_limit, options.rate_burst),
        access_log(options.access_log),
        server(std::chrono::milliseconds(options.request_timeout_ms),
               std::chrono::milliseconds(options.keep_alive_timeout_ms)) {}

  bool cors_allowed(const std::string& origin) const {
    for (const auto& o : options.cors_origins)
      if (o == "*" || o == origin) return true;
    return false;
  }

  void register_route(const http::Route& route) {
    routes.emplace_back(std::regex(path_regex(route.path)), &route);
    auto handler = [this, &route](const Request& req, Response& res) {
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

  // Everything decided before the body is read and a handler runs: limits,
  // rate limit, method, credentials, CORS preflight.
  Outcome before_routing(const Request& req, Response& res) {
    auto& ctx = http::current_request();
    ctx.start = std::chrono::steady_clock::now();
    ctx.hits = -1;
    ctx.cors = false;
    std::vector<const http::Route*> matched;
    for (const auto& [re, route] : routes)
      if (std::regex_match(req.path, re)) matched.push_back(route);
    bool is_get = req.method == "GET" || req.method == "HEAD";
    ctx.route = !matched.empty()                     ? std::string(matched.front()->path)
                : is_get && !options.web_dir.empty() ? "static"
                                                     : "unmatched";
    // CORS is offered for the read API and the page, never for writes.
    bool origin_ok = req.has_header("Origin") && cors_allowed(req.get_header_value("Origin"));
    ctx.cors = origin_ok && matched.empty();

    if (req.target.size() > options.max_url_bytes) {
      http::send_error(
          res, 414, "uri_too_long",
          "the request URI is longer than " + std::to_string(options.max_url_bytes) + " bytes");
      return Outcome::Handled;
    }
    size_t header_bytes = 0;
    for (const auto& [name, value] : req.headers) header_bytes += name.size() + value.size() + 4;
    if (header_bytes > options.max_header_bytes) {
      http::send_error(res, 431, "headers_too_large",
                       "the request headers are larger than " +
                           std::to_string(options.max_header_bytes) + " bytes");
      return Outcome::Handled;
    }
    bool exempt = !matched.empty() && matched.front()->access == http::Access::kPublic;
    if (!exempt) {
      double wait = limiter.acquire(req.remote_addr);
      if (wait > 0) {
        res.set_header("Retry-After", std::to_string(static_cast<long>(std::ceil(wait))));
        http::send_error(res, 429, "rate_limited", "too many requests from this client");
        return Outcome::Handled;
      }
    }
    if (matched.empty()) return Outcome::Unhandled;  // static file, or 404

    std::string allow, read_methods;
    const http::Route* route = nullptr;
    std::string wanted = req.method == "HEAD" ? std::string("GET") : req.method;
    std::string preflight_method = req.get_header_value("Access-Control-Request-Method");
    bool preflight_ok = false;
    for (const auto* r : matched) {
      std::string name(http::method_name(r->method));
      std::string names = name + (r->method == http::Method::kGet ? ", HEAD, " : ", ");
      allow += names;
      if (r->access != http::Access::kWrite) {
        read_methods += names;
        preflight_ok = preflight_ok || preflight_method == name ||
                       (preflight_method == "HEAD" && r->method == http::Method::kGet);
      }
      if (name == wanted) route = r;
    }
    allow += "OPTIONS";
    if (req.method == "OPTIONS") {
      res.status = 204;
      res.set_header("Allow", allow);
      ctx.cors = origin_ok && preflight_ok;
      if (ctx.cors) {
        res.set_header("Access-Control-Allow-Methods", read_methods + "OPTIONS");
        res.set_header("Access-Control-Allow-Headers", "Authorization, Content-Type");
        res.set_header("Access-Control-Max-Age", "600");
      }
      return Outcome::Handled;
    }
    if (!route) {
      res.set_header("Allow", allow);
      http::send_error(res, 405, "method_not_allowed",
                       req.method + " is not allowed on " + req.path + " (allowed: " + allow + ")");
      return Outcome::Handled;
    }
    ctx.route = route->path;
    ctx.cors = origin_ok && route->access != http::Access::kWrite;
    bool needs_key = route->access == http::Access::kWrite ||
                     (route->access == http::Access::kRead && options.require_read_key);
    if (needs_key) {
      std::string token = bearer_token(req);
      KeyRole role = token.empty() ? KeyRole::kNone : keys.role_of(token);
      if (role == KeyRole::kNone) {
        res.set_header("WWW-Authenticate", "Bearer");
        http::send_error(res, 401, "unauthorized",
                         token.empty() ? "this route needs an API key (Authorization: Bearer KEY)"
                                       : "unknown API key");
        return Outcome::Handled;
      }
      if (route->access == http::Access::kWrite && role != KeyRole::kWrite) {
        http::send_error(res, 403, "forbidden", "this API key may not write");
        return Outcome::Handled;
      }
    }
    if (req.has_param("q") && req.get_param_value("q").size() > options.max_query_bytes) {
      http::send_error(
          res, 400, "invalid_q",
          "parameter 'q' is longer than " + std::to_string(options.max_query_bytes) + " bytes");
      return Outcome::Handled;
    }
    return Outcome::Unhandled;
  }

  void after_routing(const Request& req, Response& res) {
    // A body left unread (the request was refused first) would be parsed as
    // the next request: close the connection instead.
    bool body_unread = req.body.empty() && (req.get_header_value<uint64_t>("Content-Length") > 0 ||
                                            req.has_header("Transfer-Encoding"));
    if (body_unread) {
      res.set_header("Connection", "close");
      http::close_connection_after_response();
    }
    const auto& ctx = http::current_request();
    if (options.cors_origins.empty()) return;
    res.set_header("Vary", "Origin");
    if (ctx.cors) res.set_header("Access-Control-Allow-Origin", req.get_header_value("Origin"));
  }

  void log(const Request& req, const Response& res) {
    auto& ctx = http::current_request();
    // A request the HTTP library refused before routing (malformed, header
    // line too long, URI too long) may have left bytes that would be read as
    // another request: close the connection.
    if (ctx.start == std::chrono::steady_clock::time_point{})
      http::close_connection_after_response();
    double ms = 0;
    if (ctx.start != std::chrono::steady_clock::time_point{})
      ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - ctx.start)
               .count();
    std::string route = ctx.route.empty() ? "unmatched" : ctx.route;
    if (route == "static" && res.status == 404) route = "unmatched";
    metrics.record(req.method, route, res.status, ms / 1000);
    access_log.write({req.method, route, req.path, req.remote_addr, res.status, ms, ctx.hits});
    ctx = {};
  }

  void setup() {
    for (const auto& route : http::route_table()) register_route(route);
    if (!options.web_dir.empty()) server.set_mount_point("/", options.web_dir);
    server.set_pre_routing_handler(
        [this](const Request& req, Response& res) { return before_routing(req, res); });
    server.set_post_routing_handler(
        [this](const Request& req, Response& res) { after_routing(req, res); });
    server.set_logger([this](const Request& req, const Response& res) { log(req, res); });
    server.set_exception_handler(http::map_exception);
    server.set_error_handler(httplib::Server::HandlerWithResponse(http::fill_error_body));

    server.set_tcp_nodelay(true);
    int threads = options.threads;
    server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    server.set_payload_max_length(options.max_body_bytes);
    server.set_read_timeout(std::chrono::milliseconds(options.read_timeout_ms));
    server.set_write_timeout(std::chrono::milliseconds(options.write_timeout_ms));
    server.set_keep_alive_timeout(std::max(1, (options.keep_alive_timeout_ms + 999) / 1000));
    server.set_keep_alive_max_count(options.keep_alive_max_requests);
  }
};

HttpServer::HttpServer(const Searcher& searcher, IndexUpdater& updates, const ApiKeys& keys,
                       ServerOptions options)
    : impl_(std::make_unique<Impl>(searcher, updates, keys, std::move(options))) {
  impl_->setup();
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
  if (!impl_->server.set_listen_backlog(kListenBacklog)) {
    error = "cannot listen on " + o.host + ":" + std::to_string(impl_->port) + " with a backlog";
    return false;
  }
  return true;
}

int HttpServer::port() const { return impl_->port; }
void HttpServer::serve() { impl_->server.listen_after_bind(); }
void HttpServer::stop() { impl_->server.stop(); }

}  // namespace portal
