#include "searchd/concurrency_gate.h"

namespace portal {

std::optional<ConcurrencyGate::Pass> ConcurrencyGate::enter(std::chrono::milliseconds max_wait) {
  if (limit_ == 0) return Pass(nullptr);
  std::unique_lock lock(mutex_);
  if (queue_.empty() && inside_ < limit_) {
    ++inside_;
    return Pass(this);
  }
  auto me = std::make_shared<Waiter>();
  auto at = queue_.insert(queue_.end(), me);
  if (me->turn.wait_for(lock, max_wait, [&] { return me->admitted; })) return Pass(this);
  queue_.erase(at);  // not admitted: still queued
  return std::nullopt;
}

void ConcurrencyGate::leave() {
  std::shared_ptr<Waiter> next;
  {
    std::lock_guard lock(mutex_);
    if (queue_.empty()) {
      --inside_;
      return;
    }
    // The turn passes straight to the first waiter: it is never free for a
    // newcomer.
    next = std::move(queue_.front());
    queue_.pop_front();
    next->admitted = true;
  }
  // Woken once the lock is free, the waiter does not wake only to wait for
  // it; `next` keeps its Waiter alive, should it have left already.
  next->turn.notify_one();
}

}  // namespace portal
