// The services the HTTP handlers call, passed to them by reference. The
// daemon's main() owns the library services; the server owns the metrics.
#pragma once

namespace portal {

class IndexUpdater;
class Metrics;
class Searcher;
struct ServerOptions;

namespace http {

struct Services {
  const Searcher& searcher;
  IndexUpdater& updates;
  const Metrics& metrics;
  const ServerOptions& options;  // limits the handlers check
};

}  // namespace http
}  // namespace portal
