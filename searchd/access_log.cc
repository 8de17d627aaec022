#include "searchd/access_log.h"

#include <chrono>
#include <stdexcept>

#include "searchd/json_object.h"

namespace portal::http {
namespace {

std::string utc_now() {
  auto now = std::chrono::system_clock::now();
  auto secs = std::chrono::system_clock::to_time_t(now);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()) % 1000;
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(ms.count()));
  return buf;
}

}  // namespace

AccessLog::AccessLog(const std::string& target) {
  if (target == "stdout") {
    out_ = stdout;
  } else if (target == "stderr") {
    out_ = stderr;
  } else if (target != "off" && !target.empty()) {
    out_ = std::fopen(target.c_str(), "a");
    if (!out_) throw std::runtime_error("cannot open access log '" + target + "'");
    owned_ = true;
  }
}

AccessLog::~AccessLog() {
  if (owned_) std::fclose(out_);
}

void AccessLog::write(const AccessRecord& r) {
  if (!out_) return;
  JsonObject line;
  line.add("time", utc_now())
      .add("method", r.method)
      .add("route", r.route)
      .add("path", r.path)
      .add("status", r.status)
      .add("latency_ms", r.latency_ms)
      .add("remote", r.remote);
  if (r.hits >= 0) line.add("hits", r.hits);
  std::string text =
      line.take().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  std::lock_guard lock(mutex_);
  std::fwrite(text.data(), 1, text.size(), out_);
  std::fflush(out_);
}

}  // namespace portal::http
