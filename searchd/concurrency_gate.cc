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
  if (me.turn.wait_for(lock, max_wait, [&] { return me.admitted; })) return Pass(this);
  queue_.erase(at);  // not admitted: still queued
  return std::nullopt;
}

void ConcurrencyGate::leave() {
  std::lock_guard lock(mutex_);
  if (queue_.empty()) {
    --inside_;
    return;
  }
  // The turn passes straight to the first waiter: the slot is never free
  // for a newcomer, and waking it is all that is left to do.
  Waiter* next = queue_.front();
  queue_.pop_front();
  next->admitted = true;
  next->turn.notify_one();
}

}  // namespace portal
