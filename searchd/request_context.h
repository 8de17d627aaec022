// What the server knows about the request being answered on this thread, for
// the access log and the metrics. Internal to the HTTP layer.
#pragma once

#include <chrono>
#include <string>

namespace portal::http {

struct RequestContext {
  std::chrono::steady_clock::time_point start{};
  std::string route;  // the route's path template, "static" or "unmatched"
  long hits = -1;     // set by search handlers: total hits; -1 when not a search
  bool cors = false;  // the request comes from an allowed origin to a read route
};

// The context of the request this thread is answering. The HTTP library runs
// a request from reading its headers to logging it on one thread.
RequestContext& current_request();

}  // namespace portal::http
