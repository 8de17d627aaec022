#include "benchmarks/peer_common.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "benchmarks/latency.h"

namespace portal::bench {

double for_each_article(const std::vector<std::string>& files,
                        const std::function<void(const PeerArticle&)>& add) {
  double bytes = 0;
  for (const auto& file : files) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error("cannot read " + file);
    std::string line;
    while (std::getline(in, line)) {
      bytes += static_cast<double>(line.size() + 1);
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (!j.is_object() || !j["id"].is_string()) continue;
      auto text = [&](const char* key) {
        return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
      };
      PeerArticle a{text("id"), text("lang"), text("title"), text("body"), text("date"), {}};
      if (a.date.size() > 10) a.date.resize(10);
      if (j.contains("topics") && j["topics"].is_array())
        for (const auto& t : j["topics"])
          if (t.is_string()) a.topics.push_back(t.get<std::string>());
      add(a);
    }
  }
  return bytes;
}

bool run_query_set(const std::string& name, const std::vector<BenchQuery>& queries, int reps,
                   double min_hits, const std::function<size_t(const BenchQuery&)>& search) {
  std::vector<double> ms;
  size_t with_hits = 0;
  for (int rep = 0; rep <= reps; ++rep) {
    for (const auto& q : queries) {
      auto t0 = std::chrono::steady_clock::now();
      size_t hits = search(q);
      double t = ms_since(t0);
      if (hits > 10) throw std::runtime_error(name + ": more than 10 hits for " + q.q);
      if (rep == 0) continue;
      ms.push_back(t);
      if (hits > 0) ++with_hits;
    }
  }
  double share = ms.empty() ? 0 : static_cast<double>(with_hits) / static_cast<double>(ms.size());
  std::printf("%s\n  with_hits=%.2f\n", format_summary(name, summarize(ms)).c_str(), share);
  if (share < min_hits) {
    std::fprintf(stderr, "%s found hits for only %.0f%% of the queries\n", name.c_str(),
                 100 * share);
    return false;
  }
  return true;
}

double disk_mb(const std::string& path) {
  namespace fs = std::filesystem;
  double bytes = 0;
  if (fs::is_regular_file(path)) return static_cast<double>(fs::file_size(path)) / 1e6;
  for (const auto& e : fs::recursive_directory_iterator(path))
    if (e.is_regular_file()) bytes += static_cast<double>(e.file_size());
  return bytes / 1e6;
}

}  // namespace portal::bench
