// A map shared by threads and bounded by emptying it when full, for values
// that are costly to compute and asked for again and again (the stems of
// words, which repeat as Zipf's law says). Readers share a lock; a writer
// takes it alone.
#pragma once

#include <cstddef>
#include <mutex>
#include <shared_mutex>
#include <utility>
#include <vector>

#include <absl/container/flat_hash_map.h>

namespace portal::analysis {

template <typename K, typename V>
class BoundedCache {
 public:
  explicit BoundedCache(size_t max_entries) : max_(max_entries) {}

  // When `key` is cached, calls f(value) under the lock and returns true.
  template <typename F>
  bool find(const K& key, F&& f) const {
    std::shared_lock lock(mutex_);
    auto it = map_.find(key);
    if (it == map_.end()) return false;
    f(it->second);
    return true;
  }
  // Calls f(i, value) for each cached keys[i], under one lock.
  template <typename F>
  void find_each(const std::vector<K>& keys, F&& f) const {
    std::shared_lock lock(mutex_);
    for (size_t i = 0; i < keys.size(); ++i)
      if (auto it = map_.find(keys[i]); it != map_.end()) f(i, it->second);
  }
  void insert(K key, V value) {
    std::unique_lock lock(mutex_);
    if (map_.size() >= max_) map_.clear();
    map_.emplace(std::move(key), std::move(value));
  }
  // Inserts values[i] under keys[i], under one lock.
  void insert_each(const std::vector<K>& keys, std::vector<V>& values) {
    std::unique_lock lock(mutex_);
    if (map_.size() + values.size() > max_) map_.clear();
    for (size_t i = 0; i < values.size(); ++i) map_.emplace(keys[i], std::move(values[i]));
  }

 private:
  const size_t max_;
  mutable std::shared_mutex mutex_;
  absl::flat_hash_map<K, V> map_;
};

}  // namespace portal::analysis
