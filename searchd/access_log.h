// The access log: one JSON object per answered request, one line each. It
// never contains credentials: no headers are logged, and only the path, not
// the query string. Thread-safe.
#pragma once

#include <cstdio>
#include <mutex>
#include <string>

namespace portal::http {

struct AccessRecord {
  std::string method, route, path, remote;
  int status = 0;
  double latency_ms = 0;
  long hits = -1;  // < 0: not a search, left out
};

class AccessLog {
 public:
  // `target`: "stdout", "stderr", "off" or a file path (appended to). Throws
  // std::runtime_error when the file cannot be opened.
  explicit AccessLog(const std::string& target);
  ~AccessLog();
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  void write(const AccessRecord& record);

 private:
  std::mutex mutex_;
  std::FILE* out_ = nullptr;
  bool owned_ = false;
};

}  // namespace portal::http
