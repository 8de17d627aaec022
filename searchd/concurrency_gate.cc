#include "searchd/concurrency_gate.h"

namespace portal {

std::optional<ConcurrencyGate::Pass> ConcurrencyGate::enter(std::chrono::milliseconds max_wait) {
  if (limit_ == 0) return Pass(nullptr);
  std::unique_lock lock(mutex_);
  if (queue_.empty() && inside_ < limit_) {
    ++inside_;
    return Pass(this);
  }
  Waiter me;
  auto at = queue_.insert(queue_.end(), &me);
  const bool admitted =
      me.turn.wait_for(lock, max_wait, [&] { return queue_.front() == &me && inside_ < limit_; });
  queue_.erase(at);
  if (admitted) ++inside_;
  // The next in line may enter too if there is room, or be first now that
  // this caller gave up.
  wake_front();
  if (!admitted) return std::nullopt;
  return Pass(this);
}

void ConcurrencyGate::leave() {
  std::lock_guard lock(mutex_);
  --inside_;
  wake_front();
}

void ConcurrencyGate::wake_front() {
  if (!queue_.empty() && inside_ < limit_) queue_.front()->turn.notify_one();
}

}  // namespace portal
