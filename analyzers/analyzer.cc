#include "analyzers/analyzer.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <shared_mutex>

#include "analyzers/languages.h"
#include "analyzers/synonyms.h"

namespace portal::analysis {
namespace {

using Registry = std::map<std::string, std::unique_ptr<Analyzer>, std::less<>>;

Registry built_in() {
  Registry r;
  r.emplace("en", make_english_analyzer());
  r.emplace("fr", make_french_analyzer());
  r.emplace("ru", make_russian_analyzer());
  r.emplace("uk", make_ukrainian_analyzer());
  return r;
}

}  // namespace

std::string normalize_language_tag(std::string_view lang) {
  std::string out;
  for (char c : lang) {
    if (c == '-' || c == '_') break;
    out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  }
  return out;
}

const Analyzer& analyzer_for(std::string_view lang) {
  static std::shared_mutex mutex;
  // Never destroyed: analyzers serve until the process ends, and freeing
  // their caches and the Ukrainian dictionary at exit takes a fifth of a
  // second.
  static Registry& analyzers = *new Registry(built_in());
  std::string tag = normalize_language_tag(lang);
  // Only two- or three-letter tags get an analyzer of their own: a tag from a
  // request must not grow the registry without bound.
  if (tag.size() < 2 || tag.size() > 3 ||
      !std::all_of(tag.begin(), tag.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
    tag.clear();
  {
    std::shared_lock lock(mutex);
    if (auto it = analyzers.find(tag); it != analyzers.end()) return *it->second;
  }
  std::unique_lock lock(mutex);
  auto it = analyzers.find(tag);
  if (it == analyzers.end()) it = analyzers.emplace(tag, make_default_analyzer(tag)).first;
  return *it->second;
}

void preload_analyzers() {
  for (const char* lang : {"en", "fr", "ru", "uk"}) analyzer_for(lang).analyze("Київ Kyiv");
  synonyms_of("");
}

}  // namespace portal::analysis
