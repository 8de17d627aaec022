// Request counters and a latency histogram, rendered in the Prometheus text
// exposition format. Thread-safe.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

namespace portal {

class Metrics {
 public:
  Metrics();
  // Counts one answered request. `route` is the route's path template (or
  // "static", "unmatched"), never the raw path, to bound the label values.
  void record(const std::string& method, const std::string& route, int status, double seconds);
  // The exposition text; `documents` < 0 leaves the document gauge out (the
  // index could not be read).
  std::string render(long documents, size_t facet_column_bytes = 0) const;

 private:
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, unsigned long> requests_;
  std::vector<double> bounds_;          // upper bounds of the buckets, seconds
  std::vector<unsigned long> buckets_;  // per bound, not cumulative; last: +Inf
  double latency_sum_ = 0;
  unsigned long latency_count_ = 0;
};

}  // namespace portal
