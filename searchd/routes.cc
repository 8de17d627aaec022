// The route table: every route portal-searchd serves. Adding a route is one
// line here plus a handler function in one of the *_handlers files, and its
// description in openapi.json (a test keeps the two in step).
#include "searchd/analyze_handlers.h"
#include "searchd/document_handlers.h"
#include "searchd/http_route.h"
#include "searchd/ops_handlers.h"
#include "searchd/search_handlers.h"

namespace portal::http {

namespace {

using enum Method;
using enum Access;

constexpr Route kRoutes[] = {
    // Operations
    {kGet, "/healthz", kPublic, handle_healthz},
    {kGet, "/readyz", kPublic, handle_readyz},
    {kGet, "/metrics", kPublic, handle_metrics},
    {kGet, "/api/v1/openapi.json", kPublic, handle_openapi},
    // Search
    {kGet, "/api/v1/search", kRead, handle_search},
    {kGet, "/api/v1/suggest", kRead, handle_suggest},
    {kGet, "/api/v1/documents/{id}", kRead, handle_document},
    {kGet, "/api/v1/documents/{id}/similar", kRead, handle_similar},
    {kGet, "/api/v1/analyze", kRead, handle_analyze},
    // Writes
    {kPost, "/api/v1/documents", kWrite, handle_post_documents},
    {kPut, "/api/v1/documents/{id}", kWrite, handle_put_document},
    {kDelete, "/api/v1/documents/{id}", kWrite, handle_delete_document},
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
