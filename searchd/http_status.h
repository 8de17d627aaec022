// The one place where errors become HTTP statuses. Internal to the HTTP layer.
#pragma once

#include <httplib.h>

#include <exception>

namespace portal::http {

// The exception handler: maps the library's typed errors (InvalidRequest ->
// 400, NotFound -> 404, IndexUnavailable -> 503, ArticleError -> 400) to JSON
// errors; anything else is a bug, logged to stderr and answered 500.
void map_exception(const httplib::Request& request, httplib::Response& response,
                   std::exception_ptr error);

// The error handler: gives a JSON error body to the statuses the HTTP library
// sets itself (no route: 404, body too large: 413, malformed: 400, ...).
httplib::Server::HandlerResponse fill_error_body(const httplib::Request& request,
                                                 httplib::Response& response);

}  // namespace portal::http
