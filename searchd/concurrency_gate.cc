#include "searchd/concurrency_gate.h"

#include <algorithm>

namespace portal {

std::optional<ConcurrencyGate::Pass> ConcurrencyGate::enter(std::chrono::milliseconds max_wait) {
  if (limit_ == 0) return Pass(nullptr);
  std::unique_lock lock(mutex_);
  uint64_t ticket = next_ticket_++;
  queue_.push_back(ticket);
  bool admitted =
      turn_.wait_for(lock, max_wait, [&] { return queue_.front() == ticket && inside_ < limit_; });
  queue_.erase(std::find(queue_.begin(), queue_.end(), ticket));
  if (!admitted) {
    turn_.notify_all();  // the next in line may be the front now
    return std::nullopt;
  }
  ++inside_;
  turn_.notify_all();  // the next in line may enter too, if there is room
  return Pass(this);
}

void ConcurrencyGate::leave() {
  {
    std::lock_guard lock(mutex_);
    --inside_;
  }
  turn_.notify_all();
}

}  // namespace portal
