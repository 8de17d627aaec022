// Helpers for analyzer tests: the terms or stems an analyzer gives, and
// ExpectTokens(lang, input, expected terms) with the input in the message.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/analyzer.h"

namespace portal::analysis::testing {

inline std::vector<std::string> Terms(std::string_view lang, std::string_view text) {
  std::vector<std::string> out;
  for (const auto& t : analyzer_for(lang).analyze(text)) out.push_back(t.term);
  return out;
}

// The stems of a one-word text.
inline std::vector<std::string> Stems(std::string_view lang, std::string_view word) {
  auto tokens = analyzer_for(lang).analyze(word);
  EXPECT_EQ(tokens.size(), 1u) << word;
  return tokens.empty() ? std::vector<std::string>{} : tokens[0].stems;
}

// True when two words have a stem in common.
inline bool ShareStem(std::string_view lang, std::string_view a, std::string_view b) {
  auto sa = Stems(lang, a), sb = Stems(lang, b);
  return std::any_of(sa.begin(), sa.end(),
                     [&](const auto& s) { return std::find(sb.begin(), sb.end(), s) != sb.end(); });
}

inline void ExpectTokens(std::string_view lang, std::string_view input,
                         const std::vector<std::string>& expected) {
  EXPECT_EQ(Terms(lang, input), expected) << "lang " << lang << ", input: " << input;
}

}  // namespace portal::analysis::testing
