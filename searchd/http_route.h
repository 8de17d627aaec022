// The shape of a route in portal-searchd's route table (see routes.cc) and the
// services its handlers receive. Internal to the HTTP layer.
#pragma once

#include <httplib.h>

#include <span>
#include <string_view>

#include "searchd/services.h"

namespace portal::http {

enum class Method { kGet, kPost, kPut, kDelete };

// Who may call a route. kRead routes need a read (or write) key only when the
// deployment requires read keys; kWrite routes always need a write key.
enum class Access { kPublic, kRead, kWrite };

// A handler parses and validates the request, calls a service and encodes the
// answer. It reports failures by throwing the library's typed errors (or
// BadParameter, see http_util.h); the server maps them to statuses in one place.
using Handler = void (*)(Services& services, const httplib::Request& request,
                         httplib::Response& response);

struct Route {
  Method method;
  // An OpenAPI-style path template: literal segments and `{name}` parameters,
  // each matching one non-empty path segment; read with path_param(request, i).
  std::string_view path;
  Access access;
  Handler handler;
};

// Every route the daemon serves, in one table (routes.cc).
std::span<const Route> route_table();

std::string_view method_name(Method method);

}  // namespace portal::http
