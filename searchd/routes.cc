// The route table: every route portal-searchd serves. Adding a route is one
// line here plus a handler function in one of the *_handlers files.
#include "searchd/http_route.h"
#include "searchd/ops_handlers.h"
#include "searchd/search_handlers.h"

namespace portal::http {

namespace {

using enum Method;
using enum Access;

constexpr Route kRoutes[] = {
    {kGet, "/healthz", kPublic, handle_healthz},
    {kGet, "/api/v1/search", kRead, handle_search},
    {kGet, "/api/v1/suggest", kRead, handle_suggest},
    {kGet, "/api/v1/documents/{id}", kRead, handle_document},
    {kGet, "/api/v1/documents/{id}/similar", kRead, handle_similar},
};

}  // namespace

std::span<const Route> route_table() { return kRoutes; }

std::string_view method_name(Method method) {
  switch (method) {
    case kGet:
      return "GET";
    case kPost:
      return "POST";
    case kPut:
      return "PUT";
    case kDelete:
      return "DELETE";
  }
  return "GET";
}

}  // namespace portal::http
