#include "benchmarks/portal_adapter.h"

#include <cstdio>

namespace portal::bench {

SearchRequest to_request(const BenchQuery& q, AnswerParts parts) {
  SearchRequest r;
  r.q = q.q;
  r.per_page = 10;
  if (!parts.facets) r.facets = {std::string(kNoFacets)};
  r.snippets = parts.snippets;
  if (!q.topic.empty()) r.filters["topic"] = {q.topic};
  r.from = q.date_from;
  r.to = q.date_to;
  return r;
}

std::string url_encode(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

std::string to_query_string(const BenchQuery& q) {
  SearchRequest r = to_request(q);
  std::string s = "q=" + url_encode(r.q) + "&per_page=" + std::to_string(r.per_page);
  if (!q.topic.empty()) s += "&topic=" + url_encode(q.topic);
  if (!r.from.empty()) s += "&from=" + r.from + "&to=" + r.to;
  return s;
}

std::string to_minimal_query_string(const BenchQuery& q) {
  std::string s = "q=" + url_encode(q.q) + "&lang=" + url_encode(q.lang);
  if (!q.topic.empty()) s += "&topic=" + url_encode(q.topic);
  if (!q.date_from.empty()) s += "&from=" + q.date_from + "&to=" + q.date_to;
  return s;
}

}  // namespace portal::bench
