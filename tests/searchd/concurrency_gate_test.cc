#include "searchd/concurrency_gate.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

namespace portal {
namespace {

using std::chrono::milliseconds;

TEST(ConcurrencyGateTest, NeverLetsMoreThanTheLimitInside) {
  ConcurrencyGate gate(2);
  std::atomic<int> inside{0}, most{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 16; ++i)
    threads.emplace_back([&] {
      for (int round = 0; round < 20; ++round) {
        auto pass = gate.enter(milliseconds(10000));
        ASSERT_TRUE(pass);
        int now = ++inside;
        int seen = most.load();
        while (now > seen && !most.compare_exchange_weak(seen, now)) {
        }
        std::this_thread::sleep_for(std::chrono::microseconds(200));
        --inside;
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(most.load(), 2);
}

TEST(ConcurrencyGateTest, AdmitsWaitersInArrivalOrder) {
  ConcurrencyGate gate(1);
  auto first = gate.enter(milliseconds(1000));
  ASSERT_TRUE(first);
  std::mutex m;
  std::vector<int> order;
  std::vector<std::thread> threads;
  for (int i = 0; i < 5; ++i) {
    threads.emplace_back([&, i] {
      auto pass = gate.enter(milliseconds(10000));
      ASSERT_TRUE(pass);
      std::lock_guard lock(m);
      order.push_back(i);
    });
    // Thread i is in the queue before thread i + 1 arrives.
    while (gate.waiting() < static_cast<size_t>(i + 1)) std::this_thread::yield();
  }
  first.reset();
  for (auto& t : threads) t.join();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4}));
}

TEST(ConcurrencyGateTest, GivesUpAfterTheLongestWaitAndKeepsTheQueueMoving) {
  ConcurrencyGate gate(1);
  auto holder = gate.enter(milliseconds(1000));
  ASSERT_TRUE(holder);
  EXPECT_FALSE(gate.enter(milliseconds(30)));
  holder.reset();
  // The caller that gave up is not in the way of the next one.
  EXPECT_TRUE(gate.enter(milliseconds(1000)));
}

TEST(ConcurrencyGateTest, ANewcomerQueuesBehindWaitersEvenWhenATurnIsFree) {
  ConcurrencyGate gate(1);
  auto holder = gate.enter(milliseconds(1000));
  ASSERT_TRUE(holder);
  std::atomic<bool> admitted{false}, release{false};
  std::thread waiter([&] {
    auto pass = gate.enter(milliseconds(10000));
    ASSERT_TRUE(pass);
    admitted = true;
    while (!release) std::this_thread::yield();
  });
  while (gate.waiting() < 1) std::this_thread::yield();
  // The turn is free from here until the waiter takes it: it is the waiter's.
  holder.reset();
  EXPECT_FALSE(gate.enter(milliseconds(50)));
  while (!admitted) std::this_thread::yield();
  release = true;
  waiter.join();
  EXPECT_TRUE(gate.enter(milliseconds(1000)));
}

TEST(ConcurrencyGateTest, ALeavingCallerHandsItsTurnToTheFirstWaiter) {
  // A turn is not left free until the waiter's thread runs again (which
  // takes milliseconds on busy cores): it is the waiter's from the moment the
  // caller before it leaves.
  ConcurrencyGate gate(1);
  auto holder = gate.enter(milliseconds(1000));
  ASSERT_TRUE(holder);
  std::atomic<bool> release{false};
  std::thread waiter([&] {
    auto pass = gate.enter(milliseconds(10000));
    ASSERT_TRUE(pass);
    while (!release) std::this_thread::yield();
  });
  while (gate.waiting() < 1) std::this_thread::yield();
  holder.reset();
  EXPECT_EQ(gate.waiting(), 0u);
  release = true;
  waiter.join();
}

TEST(ConcurrencyGateTest, ZeroMeansNoLimit) {
  ConcurrencyGate gate(0);
  auto a = gate.enter(milliseconds(1));
  auto b = gate.enter(milliseconds(1));
  EXPECT_TRUE(a && b);
}

}  // namespace
}  // namespace portal
