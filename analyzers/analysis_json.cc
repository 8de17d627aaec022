#include "analyzers/analysis_json.h"

#include <nlohmann/json.hpp>

#include "analyzers/analyzer.h"
#include "analyzers/language_detector.h"

namespace portal::analysis {

std::string analysis_json(std::string_view text, std::string_view lang, int indent) {
  std::string tag = normalize_language_tag(lang);
  const bool detected = tag.empty();
  if (detected) tag = detect_language(text);
  const Analyzer& analyzer = analyzer_for(tag);
  nlohmann::json tokens = nlohmann::json::array();
  for (const auto& t : analyzer.analyze(text)) {
    tokens.push_back({{"term", t.term},
                      {"stems", t.stems},
                      {"key", t.key},
                      {"position", t.position},
                      {"start", t.start},
                      {"end", t.end},
                      {"text", std::string(text.substr(t.start, t.end - t.start))},
                      {"stop", t.stop},
                      {"compound", t.compound}});
  }
  nlohmann::json out = {{"lang", std::string(analyzer.language())},
                        {"detected", detected},
                        {"tokens", std::move(tokens)}};
  return out.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace portal::analysis
