// Latency percentiles over a list of timed operations.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace portal::bench {

struct LatencySummary {
  size_t count = 0;
  double p50_ms = 0, p95_ms = 0, p99_ms = 0, mean_ms = 0;
  double per_second = 0;  // operations per second of summed latency (one at a time)
};

// Percentiles by nearest rank over `samples_ms`.
LatencySummary summarize(std::vector<double> samples_ms);

// A one-line, machine-readable report: `name p50_ms=… p95_ms=… p99_ms=… qps=…`.
std::string format_summary(const std::string& name, const LatencySummary& s);

inline double ms_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

// CPU time of the calling thread in ms: unlike wall time, it does not grow
// when other processes take the cores, so it is the steadier figure on a
// loaded machine.
double thread_cpu_ms();

// Peak resident memory of this process in MB (VmHWM).
double peak_rss_mb();

}  // namespace portal::bench
