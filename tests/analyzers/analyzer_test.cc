#include "analyzers/analyzer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "tests/analyzers/analysis_helpers.h"

namespace portal::analysis {
namespace {

using testing::ExpectTokens;

TEST(AnalyzerTest, BreaksWordsAndFoldsCase) {
  ExpectTokens("en", "Sanctions, against Russia!", {"sanctions", "against", "russia"});
  ExpectTokens("uk", "Санкції проти Росії", {"санкції", "проти", "росії"});
}

TEST(AnalyzerTest, ReportsByteOffsetsOfWords) {
  std::string text = "Київ — столиця";
  auto tokens = analyzer_for("uk").analyze(text);
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(text.substr(tokens[1].start, tokens[1].end - tokens[1].start), "столиця");
  EXPECT_EQ(tokens[1].position, 1u);
}

TEST(AnalyzerTest, OffsetsPointIntoTheOriginalTextAfterFolding) {
  // Accents, stress marks and case are folded in terms, not in the text.
  std::string text = "La Défense d’Ukraine, Украї́на";
  for (const char* lang : {"fr", "uk", "en"}) {
    for (const auto& t : analyzer_for(lang).analyze(text)) {
      ASSERT_LE(t.start, t.end);
      ASSERT_LE(t.end, text.size());
      std::string slice = text.substr(t.start, t.end - t.start);
      EXPECT_FALSE(slice.empty()) << lang << " " << t.term;
    }
  }
  auto fr = analyzer_for("fr").analyze(text);
  ASSERT_EQ(fr.size(), 4u);
  EXPECT_EQ(text.substr(fr[1].start, fr[1].end - fr[1].start), "Défense");
  EXPECT_EQ(text.substr(fr[2].start, fr[2].end - fr[2].start), "Ukraine");
  EXPECT_EQ(text.substr(fr[3].start, fr[3].end - fr[3].start), "Украї́на");
}

TEST(AnalyzerTest, TokenizeThenNormalizeIsAnalyze) {
  // Snippets normalise each distinct word alone: the two halves, applied word
  // by word, must give what analyze() gives for the whole text, but for the
  // cross-script keys of names, which no match of a word needs.
  std::string text =
      "L'OTAN et l’Ukraine: north-atlantic N.A.T.O. talks, Зеленський і Макрон "
      "обговорили санкції; Путин заявил о переговорах. ́\u0301 3.5 example.com";
  for (const char* lang : {"en", "fr", "ru", "uk", "de", ""}) {
    SCOPED_TRACE(lang);
    const Analyzer& a = analyzer_for(lang);
    auto whole = a.analyze(text);
    std::vector<Token> raw;
    a.tokenize(text, raw);
    std::vector<Token> apart;
    for (const auto& t : raw) {
      std::vector<Token> one{t};
      a.normalize(text, one);
      if (!one[0].term.empty()) apart.push_back(one[0]);
    }
    ASSERT_EQ(apart.size(), whole.size());
    EXPECT_TRUE(
        std::any_of(whole.begin(), whole.end(), [](const auto& t) { return !t.key.empty(); }));
    for (size_t i = 0; i < whole.size(); ++i) {
      EXPECT_EQ(apart[i].term, whole[i].term) << i;
      EXPECT_EQ(apart[i].stems, whole[i].stems) << whole[i].term;
      EXPECT_EQ(apart[i].key, "") << whole[i].term;
      EXPECT_EQ(apart[i].stop, whole[i].stop) << whole[i].term;
      EXPECT_EQ(apart[i].start, whole[i].start) << whole[i].term;
      EXPECT_EQ(apart[i].end, whole[i].end) << whole[i].term;
      EXPECT_EQ(apart[i].position, whole[i].position) << whole[i].term;
    }
  }
}

TEST(AnalyzerTest, PositionsStartWhereAsked) {
  std::vector<Token> out;
  analyzer_for("en").analyze("one two", out, 10);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].position, 10u);
  EXPECT_EQ(out[1].position, 11u);
}

TEST(AnalyzerTest, NormalizesLanguageTags) {
  EXPECT_EQ(normalize_language_tag("en-GB"), "en");
  EXPECT_EQ(normalize_language_tag("uk_UA"), "uk");
  EXPECT_EQ(&analyzer_for("fr-CA"), &analyzer_for("fr"));
  EXPECT_EQ(analyzer_for("uk-UA").language(), "uk");
}

TEST(AnalyzerTest, OtherLanguagesGetTheDefaultChainWithTheirSnowballStemmer) {
  EXPECT_EQ(analyzer_for("de").language(), "de");
  EXPECT_EQ(testing::Stems("de", "Verhandlungen"), std::vector<std::string>{"verhandl"});
  // No Snowball stemmer for Polish: words are still broken and folded.
  EXPECT_EQ(analyzer_for("pl").language(), "pl");
  ExpectTokens("pl", "Łódź i Kraków", {"lodz", "i", "krakow"});
}

TEST(AnalyzerTest, SurvivesRandomInput) {
  // Random bytes (invalid UTF-8 included), random code points of several
  // scripts: no crash, offsets inside the text, terms never empty.
  std::mt19937 rng(42);
  const std::vector<std::string> pieces = {"a",    "Б",    "ї",  "'",      "’",  "-",
                                           ".",    " ",    "é",  "\u0301", "中", "1",
                                           "\xff", "\xd0", "N.", "l'",     "ʼ"};
  for (int round = 0; round < 300; ++round) {
    std::string text;
    int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
    for (const char* lang : {"en", "fr", "ru", "uk", "zh"}) {
      for (const auto& t : analyzer_for(lang).analyze(text)) {
        EXPECT_FALSE(t.term.empty()) << lang << " " << text;
        EXPECT_LE(t.end, text.size()) << lang << " " << text;
        EXPECT_LE(t.start, t.end) << lang << " " << text;
      }
    }
  }
}

}  // namespace
}  // namespace portal::analysis
