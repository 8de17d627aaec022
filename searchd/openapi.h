// The OpenAPI 3 description of the HTTP API: searchd/openapi.json, compiled in.
#pragma once

#include <string_view>

namespace portal::http {

std::string_view openapi_json();

}  // namespace portal::http
