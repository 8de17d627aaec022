#include "searchd/rate_limiter.h"

#include <algorithm>

namespace portal {
namespace {
constexpr size_t kPruneAbove = 10000;
}

RateLimiter::RateLimiter(double per_second, double burst)
    : per_second_(per_second), burst_(std::max(1.0, burst)) {}

double RateLimiter::acquire(const std::string& client) {
  if (per_second_ <= 0) return 0;
  auto now = Clock::now();
  std::lock_guard lock(mutex_);
  if (buckets_.size() > kPruneAbove) prune(now);
  auto [it, inserted] = buckets_.try_emplace(client, Bucket{burst_, now});
  Bucket& b = it->second;
  double elapsed = std::chrono::duration<double>(now - b.updated).count();
  b.tokens = std::min(burst_, b.tokens + elapsed * per_second_);
  b.updated = now;
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return 0;
  }
  return (1 - b.tokens) / per_second_;
}

void RateLimiter::prune(Clock::time_point now) {
  std::erase_if(buckets_, [&](const auto& entry) {
    double elapsed = std::chrono::duration<double>(now - entry.second.updated).count();
    return entry.second.tokens + elapsed * per_second_ >= burst_;
  });
}

}  // namespace portal
