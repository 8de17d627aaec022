#include "analyzers/analyzer.h"

#include <gtest/gtest.h>

namespace portal::analysis {
namespace {

std::vector<std::string> terms(std::string_view lang, std::string_view text) {
  std::vector<std::string> out;
  for (const auto& t : analyzer_for(lang).analyze(text)) out.push_back(t.term);
  return out;
}

TEST(AnalyzerTest, BreaksWordsAndFoldsCase) {
  EXPECT_EQ(terms("en", "Sanctions, against Russia!"),
            (std::vector<std::string>{"sanctions", "against", "russia"}));
  EXPECT_EQ(terms("uk", "Санкції проти Росії"),
            (std::vector<std::string>{"санкції", "проти", "росії"}));
}

TEST(AnalyzerTest, ReportsByteOffsetsOfWords) {
  std::string text = "Київ — столиця";
  auto tokens = analyzer_for("uk").analyze(text);
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(text.substr(tokens[1].start, tokens[1].end - tokens[1].start), "столиця");
  EXPECT_EQ(tokens[1].position, 1u);
}

TEST(AnalyzerTest, NormalizesLanguageTags) {
  EXPECT_EQ(normalize_language_tag("en-GB"), "en");
  EXPECT_EQ(normalize_language_tag("uk_UA"), "uk");
  EXPECT_EQ(&analyzer_for("fr-CA"), &analyzer_for("fr"));
}

}  // namespace
}  // namespace portal::analysis
