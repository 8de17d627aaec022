#include "searchd/http_util.h"

#include <charconv>
#include <nlohmann/json.hpp>

namespace portal::http {

void send_json(httplib::Response& response, int status, const nlohmann::json& body) {
  send_json_text(response, status,
                 body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void send_json_text(httplib::Response& response, int status, std::string body) {
  response.status = status;
  // As set_content(), without copying the body.
  response.body = std::move(body);
  response.headers.erase("Content-Type");
  response.set_header("Content-Type", "application/json; charset=utf-8");
}

void send_error(httplib::Response& response, int status, const std::string& code,
                const std::string& message) {
  send_json(response, status, {{"error", {{"code", code}, {"message", message}}}});
}

int int_param(const httplib::Request& request, const char* name, int fallback, int min, int max) {
  if (!request.has_param(name)) return fallback;
  std::string v = request.get_param_value(name);
  int out = 0;
  auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || ptr != v.data() + v.size() || out < min || out > max)
    throw InvalidRequest(name, std::string("parameter '") + name + "' must be an integer from " +
                                   std::to_string(min) + " to " + std::to_string(max));
  return out;
}

std::string path_param(const httplib::Request& request, size_t index) {
  if (index >= request.matches.size()) return {};
  return request.matches[index].str();
}

}  // namespace portal::http
