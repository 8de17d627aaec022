#include "benchmarks/bench_query.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace portal::bench {

std::vector<BenchQuery> load_queries(const std::string& path) { return load_queries(path, 0); }

std::vector<BenchQuery> load_queries(const std::string& path, size_t limit) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read query set " + path);
  std::vector<BenchQuery> out;
  std::string line;
  while (std::getline(in, line) && (limit == 0 || out.size() < limit)) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line);
    BenchQuery q;
    q.kind = j.value("kind", "words");
    q.lang = j.value("lang", "");
    q.q = j.value("q", "");
    q.words = j.value("words", std::vector<std::string>{});
    q.topic = j.value("topic", "");
    q.date_from = j.value("date_from", "");
    q.date_to = j.value("date_to", "");
    out.push_back(std::move(q));
  }
  if (out.empty()) throw std::runtime_error("no query in " + path);
  return out;
}

}  // namespace portal::bench
