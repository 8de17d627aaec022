// The test corpus read straight from its JSON Lines file, so that expected
// results (counts, ids, dates) are computed independently of the index.
#pragma once

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "tests/support/test_env.h"

namespace portal::test {

inline std::string zelensky_jsonl() { return source_dir() + "/data/zelensky-addresses/docs.jsonl"; }

struct Corpus {
  std::vector<nlohmann::json> docs;

  explicit Corpus(const std::string& path) {
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line))
      if (!line.empty()) docs.push_back(nlohmann::json::parse(line));
  }

  static std::string str(const nlohmann::json& d, const char* key) {
    return d.contains(key) && d[key].is_string() ? d[key].get<std::string>() : "";
  }
  static std::vector<std::string> list(const nlohmann::json& d, const char* key) {
    std::vector<std::string> out;
    if (d.contains(key) && d[key].is_array())
      for (const auto& v : d[key]) out.push_back(v.get<std::string>());
    return out;
  }
  // The collapse key: the translation group, or the id when there is none.
  static std::string group(const nlohmann::json& d) {
    std::string g = str(d, "translation_group");
    return g.empty() ? "id:" + str(d, "id") : g;
  }

  template <typename Pred>
  std::vector<const nlohmann::json*> where(Pred pred) const {
    std::vector<const nlohmann::json*> out;
    for (const auto& d : docs)
      if (pred(d)) out.push_back(&d);
    return out;
  }

  // Counts of the values of `key` (a string or an array of strings), each
  // document counted once per distinct value.
  static std::map<std::string, unsigned long> count(const std::vector<const nlohmann::json*>& ds,
                                                    const std::string& key) {
    std::map<std::string, unsigned long> out;
    for (const auto* d : ds) {
      std::set<std::string> values;
      if (key == "year" || key == "month") {
        std::string date = str(*d, "date");
        if (date.size() >= 10) values.insert(date.substr(0, key == "year" ? 4 : 7));
      } else if ((*d)[key].is_array()) {
        for (const auto& v : (*d)[key]) values.insert(v.get<std::string>());
      } else if ((*d)[key].is_string() && !(*d)[key].get<std::string>().empty()) {
        values.insert((*d)[key].get<std::string>());
      }
      for (const auto& v : values) ++out[v];
    }
    return out;
  }

  static size_t groups(const std::vector<const nlohmann::json*>& ds) {
    std::set<std::string> g;
    for (const auto* d : ds) g.insert(group(*d));
    return g.size();
  }
};

}  // namespace portal::test
