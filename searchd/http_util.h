// Helpers shared by the HTTP handlers: JSON responses and parameter parsing.
// Internal to the HTTP layer.
#pragma once

#include <httplib.h>

#include <nlohmann/json_fwd.hpp>
#include <string>

#include "searchd/searcher.h"

namespace portal::http {

// Writes `body` as the JSON response with `status`.
void send_json(httplib::Response& response, int status, const nlohmann::json& body);

// Writes `body`, a JSON text, as the response with `status`.
void send_json_text(httplib::Response& response, int status, std::string body);

// Writes {"error":{"code":code,"message":message}} with `status`.
void send_error(httplib::Response& response, int status, const std::string& code,
                const std::string& message);

// The integer query parameter `name`, or `fallback` when absent. Throws
// InvalidRequest(name) when it is not an integer within [min, max].
int int_param(const httplib::Request& request, const char* name, int fallback, int min, int max);

// The `index`-th (from 1) `{parameter}` of the matched route's path (already
// percent-decoded by the server).
std::string path_param(const httplib::Request& request, size_t index);

}  // namespace portal::http
