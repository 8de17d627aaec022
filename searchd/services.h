// The services the HTTP handlers call, passed to them by reference. The
// daemon's main() owns them; tests may build their own.
#pragma once

namespace portal {

class Searcher;

namespace http {

struct Services {
  const Searcher& searcher;
};

}  // namespace http
}  // namespace portal
