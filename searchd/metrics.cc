#include "searchd/metrics.h"

#include <sstream>

namespace portal {
namespace {

// Label values are route templates and methods, but escape anyway.
std::string label(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

Metrics::Metrics()
    : bounds_{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10},
      buckets_(bounds_.size() + 1, 0) {}

void Metrics::record(const std::string& method, const std::string& route, int status,
                     double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{method, route, status}];
  size_t i = 0;
  while (i < bounds_.size() && seconds > bounds_[i]) ++i;
  ++buckets_[i];
  latency_sum_ += seconds;
  ++latency_count_;
}

std::string Metrics::render(long documents, size_t facet_column_bytes) const {
  std::ostringstream out;
  std::lock_guard lock(mutex_);
  out << "# HELP portal_http_requests_total HTTP requests answered, by method, route and "
         "status.\n"
         "# TYPE portal_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    const auto& [method, route, status] = key;
    out << "portal_http_requests_total{method=\"" << label(method) << "\",route=\"" << label(route)
        << "\",status=\"" << status << "\"} " << count << "\n";
  }
  out << "# HELP portal_http_request_duration_seconds Time from reading a request's headers to "
         "answering it.\n"
         "# TYPE portal_http_request_duration_seconds histogram\n";
  unsigned long cumulative = 0;
  for (size_t i = 0; i < bounds_.size(); ++i) {
    cumulative += buckets_[i];
    out << "portal_http_request_duration_seconds_bucket{le=\"" << bounds_[i] << "\"} " << cumulative
        << "\n";
  }
  cumulative += buckets_.back();
  out << "portal_http_request_duration_seconds_bucket{le=\"+Inf\"} " << cumulative << "\n"
      << "portal_http_request_duration_seconds_sum " << latency_sum_ << "\n"
      << "portal_http_request_duration_seconds_count " << latency_count_ << "\n";
  if (documents >= 0) {
    out << "# HELP portal_index_documents Documents in the index.\n"
           "# TYPE portal_index_documents gauge\n"
        << "portal_index_documents " << documents << "\n";
  }
  out << "# HELP portal_facet_columns_bytes Memory held by facet values kept in memory.\n"
         "# TYPE portal_facet_columns_bytes gauge\n"
      << "portal_facet_columns_bytes " << facet_column_bytes << "\n";
  return out.str();
}

}  // namespace portal
