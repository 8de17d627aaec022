// A FIFO gate that lets at most N callers through at once.
//
// The daemon's HTTP layer holds one thread per open connection, so under a
// burst many threads would search at the same time and share the cores: every
// search would take as long as all of them together, and the slowest ones
// seconds. Behind the gate, searches run a few at a time at full speed and
// the others wait their turn in arrival order, which keeps the tail short.
//
// Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <optional>

namespace portal {

class ConcurrencyGate {
 public:
  // `limit` 0: no limit (enter() returns at once).
  explicit ConcurrencyGate(unsigned limit) : limit_(limit) {}

  // Held while inside; leaving (destruction) lets the next caller in.
  class Pass {
   public:
    explicit Pass(ConcurrencyGate* gate) : gate_(gate) {}
    Pass(Pass&& other) noexcept : gate_(other.gate_) { other.gate_ = nullptr; }
    Pass(const Pass&) = delete;
    Pass& operator=(const Pass&) = delete;
    Pass& operator=(Pass&&) = delete;
    ~Pass() {
      if (gate_) gate_->leave();
    }

   private:
    ConcurrencyGate* gate_;
  };

  // Waits for a turn, at most `max_wait`; nothing when the wait ran out (the
  // caller has then left the queue).
  std::optional<Pass> enter(std::chrono::milliseconds max_wait);

  unsigned limit() const { return limit_; }
  // Callers waiting for a turn now.
  size_t waiting() const {
    std::lock_guard lock(mutex_);
    return queue_.size();
  }

 private:
  // One per waiting caller: a caller leaving hands its turn to the first
  // waiter and wakes that thread alone, after releasing the lock (shared:
  // the waiter may return before it is notified).
  struct Waiter {
    std::condition_variable turn;
    bool admitted = false;  // guarded by mutex_
  };
  void leave();

  const unsigned limit_;
  mutable std::mutex mutex_;
  unsigned inside_ = 0;                       // guarded by mutex_
  std::list<std::shared_ptr<Waiter>> queue_;  // oldest first; guarded by mutex_
};

}  // namespace portal
