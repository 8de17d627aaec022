// The route table and the OpenAPI description stay in step: every route is
// documented, and every documented operation is a route.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "searchd/http_route.h"
#include "searchd/openapi.h"

namespace portal::http {
namespace {

using nlohmann::json;

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

TEST(RoutesOpenApiTest, EveryRouteIsDocumentedAndViceVersa) {
  json spec = json::parse(openapi_json());
  std::set<std::pair<std::string, std::string>> documented, routed;
  for (const auto& [path, item] : spec["paths"].items())
    for (const auto& [method, op] : item.items())
      if (method != "parameters") documented.insert({method, path});
  for (const auto& route : route_table())
    routed.insert({lower(method_name(route.method)), std::string(route.path)});
  for (const auto& r : routed)
    EXPECT_TRUE(documented.count(r)) << r.first << " " << r.second << " is not in openapi.json";
  for (const auto& d : documented)
    EXPECT_TRUE(routed.count(d)) << d.first << " " << d.second << " is not in the route table";
}

TEST(RoutesOpenApiTest, WriteRoutesDeclareBearerSecurity) {
  json spec = json::parse(openapi_json());
  for (const auto& route : route_table()) {
    if (route.access != Access::kWrite) continue;
    const auto& op = spec["paths"][std::string(route.path)][lower(method_name(route.method))];
    EXPECT_EQ(op["security"], json::parse(R"([{"bearerAuth":[]}])")) << route.path;
  }
}

}  // namespace
}  // namespace portal::http
