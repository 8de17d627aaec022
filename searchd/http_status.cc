#include "searchd/http_status.h"

#include <iostream>

#include "indexer/article.h"
#include "searchd/http_util.h"
#include "searchd/searcher.h"

namespace portal::http {
namespace {

struct StatusText {
  int status;
  const char* code;
  const char* message;
};

constexpr StatusText kStatuses[] = {
    {400, "bad_request", "malformed request"},
    {404, "not_found", "no such route or file"},
    {413, "payload_too_large", "the request body is too large"},
    {414, "uri_too_long", "the request URI is too long"},
    {416, "range_not_satisfiable", "the requested range cannot be served"},
    {500, "internal", "internal error"},
};

void log_bug(const httplib::Request& request, const char* what) {
  std::cerr << "portal-searchd: internal error on " << request.method << " " << request.path << ": "
            << what << std::endl;
}

}  // namespace

void map_exception(const httplib::Request& request, httplib::Response& response,
                   std::exception_ptr error) {
  try {
    std::rethrow_exception(error);
  } catch (const InvalidRequest& e) {
    send_error(response, 400, "invalid_" + e.parameter(), e.what());
  } catch (const NotFound& e) {
    send_error(response, 404, "not_found", e.what());
  } catch (const ArticleError& e) {
    send_error(response, 400, "invalid_document", e.what());
  } catch (const IndexUnavailable& e) {
    send_error(response, 503, "index_unavailable", e.what());
  } catch (const std::exception& e) {
    log_bug(request, e.what());
    send_error(response, 500, "internal", "internal error");
  } catch (...) {
    log_bug(request, "unknown exception");
    send_error(response, 500, "internal", "internal error");
  }
}

httplib::Server::HandlerResponse fill_error_body(const httplib::Request&,
                                                 httplib::Response& response) {
  if (!response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
  for (const auto& s : kStatuses) {
    if (s.status == response.status) {
      send_error(response, s.status, s.code, s.message);
      return httplib::Server::HandlerResponse::Handled;
    }
  }
  send_error(response, response.status, "http_" + std::to_string(response.status),
             "HTTP status " + std::to_string(response.status));
  return httplib::Server::HandlerResponse::Handled;
}

}  // namespace portal::http
