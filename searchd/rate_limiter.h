// A per-client token bucket: each client (a remote address) may make `burst`
// requests at once and `per_second` requests a second on average.
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace portal {

class RateLimiter {
 public:
  // per_second <= 0 disables the limit.
  RateLimiter(double per_second, double burst);

  // Takes one token from `client`'s bucket. Returns 0 when the request may
  // proceed, else the seconds until a token is available (the request must be
  // refused). Thread-safe.
  double acquire(const std::string& client);
  bool enabled() const { return per_second_ > 0; }

 private:
  using Clock = std::chrono::steady_clock;
  struct Bucket {
    double tokens;
    Clock::time_point updated;
  };
  // Forgets clients whose bucket has been full for a while, to bound memory.
  void prune(Clock::time_point now);

  double per_second_;
  double burst_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace portal
