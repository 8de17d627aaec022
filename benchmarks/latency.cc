#include "benchmarks/latency.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <numeric>

namespace portal::bench {

LatencySummary summarize(std::vector<double> samples_ms) {
  LatencySummary s;
  s.count = samples_ms.size();
  if (samples_ms.empty()) return s;
  std::sort(samples_ms.begin(), samples_ms.end());
  auto rank = [&](double p) {
    size_t i = static_cast<size_t>(std::ceil(p * static_cast<double>(s.count)));
    return samples_ms[std::clamp<size_t>(i, 1, s.count) - 1];
  };
  s.p50_ms = rank(0.50);
  s.p95_ms = rank(0.95);
  s.p99_ms = rank(0.99);
  double total = std::accumulate(samples_ms.begin(), samples_ms.end(), 0.0);
  s.mean_ms = total / static_cast<double>(s.count);
  s.per_second = total > 0 ? 1000.0 * static_cast<double>(s.count) / total : 0;
  return s;
}

std::string format_summary(const std::string& name, const LatencySummary& s) {
  char buf[256];
  std::snprintf(buf, sizeof buf, "%-16s n=%zu p50_ms=%.3f p95_ms=%.3f p99_ms=%.3f qps=%.0f",
                name.c_str(), s.count, s.p50_ms, s.p95_ms, s.p99_ms, s.per_second);
  return buf;
}

double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double peak_rss_mb() {
  std::ifstream in("/proc/self/status");
  std::string key;
  while (in >> key) {
    if (key == "VmHWM:") {
      double kb = 0;
      in >> kb;
      return kb / 1024.0;
    }
  }
  return 0;
}

}  // namespace portal::bench
