#include "analyzers/synonyms.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <unordered_map>

#include "analyzers/data_dir.h"
#include "analyzers/normalize.h"

namespace portal::analysis {
namespace {

using SynonymMap = std::unordered_map<std::string, std::vector<std::string>>;

std::string trim(std::string_view s) {
  size_t a = s.find_first_not_of(" \t\r");
  if (a == std::string_view::npos) return {};
  size_t b = s.find_last_not_of(" \t\r");
  return std::string(s.substr(a, b - a + 1));
}

void add_group(SynonymMap& map, const std::vector<std::string>& group) {
  for (const auto& word : group) {
    auto& others = map[word];
    for (const auto& other : group)
      if (other != word && std::find(others.begin(), others.end(), other) == others.end())
        others.push_back(other);
  }
}

SynonymMap load() {
  SynonymMap map;
  const std::filesystem::path dir = data_directory() + "/synonyms";
  if (!std::filesystem::is_directory(dir)) return map;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
      if (auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
      std::vector<std::string> group;
      size_t start = 0;
      for (size_t i = 0; i <= line.size(); ++i) {
        if (i < line.size() && line[i] != ',') continue;
        std::string word = trim(std::string_view(line).substr(start, i - start));
        start = i + 1;
        if (word.empty()) continue;
        fold(word);
        group.push_back(std::move(word));
      }
      if (group.size() >= 2) add_group(map, group);
    }
  }
  return map;
}

}  // namespace

const std::vector<std::string>& synonyms_of(std::string_view term) {
  static const SynonymMap map = load();
  static const std::vector<std::string> none;
  auto it = map.find(std::string(term));
  return it == map.end() ? none : it->second;
}

}  // namespace portal::analysis
