// Tokenisation: ICU word boundaries and the phenomena handled on top of them.
#include <gtest/gtest.h>

#include "analyzers/analyzer.h"
#include "tests/analyzers/analysis_helpers.h"

namespace portal::analysis {
namespace {

using testing::ExpectTokens;

TEST(WordBreakTest, SplitsOnWordBoundariesNotWhitespace) {
  ExpectTokens("en", "peace,security;(defense)—now", {"peace", "security", "defense", "now"});
  // CJK has no spaces: ICU's dictionary finds the words.
  ExpectTokens("zh", "北大西洋公约组织", {"北大西洋", "公约", "组织"});
  ExpectTokens("ja", "東京都に住む", {"東京", "都", "に", "住む"});
}

TEST(WordBreakTest, StripsFrenchElision) {
  ExpectTokens("fr", "l'OTAN", {"otan"});
  ExpectTokens("fr", "d’Ukraine", {"ukraine"});
  ExpectTokens("fr", "qu’il parle", {"il", "parle"});
  ExpectTokens("fr", "jusqu'à l'intégration de l'Ukraine à l'OTAN",
               {"a", "integration", "de", "ukraine", "a", "otan"});
  // Not an elision: the apostrophe stays.
  ExpectTokens("fr", "aujourd'hui", {"aujourd'hui"});
}

TEST(WordBreakTest, ElisionMovesTheStartOffsetPastTheApostrophe) {
  std::string text = "d’Ukraine";
  auto tokens = analyzer_for("fr").analyze(text);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(text.substr(tokens[0].start, tokens[0].end - tokens[0].start), "Ukraine");
}

TEST(WordBreakTest, KeepsUkrainianApostrophesInsideWordsInEveryForm) {
  // ASCII apostrophe, right single quotation mark, modifier letter apostrophe.
  for (const char* form : {"м'ясо", "м’ясо", "мʼясо"}) ExpectTokens("uk", form, {"м'ясо"});
  for (const char* form : {"об'єкт", "об’єкт", "обʼєкт"}) ExpectTokens("uk", form, {"об'єкт"});
  for (const char* form : {"сім'я", "сім’я", "сімʼя"}) ExpectTokens("uk", form, {"сім'я"});
  // From the corpus: "Моя сім’я – не зрадники".
  ExpectTokens("uk", "Моя сім’я – не зрадники", {"моя", "сім'я", "не", "зрадники"});
}

TEST(WordBreakTest, HyphenatedCompoundsGiveTheWholeAndTheParts) {
  auto tokens = analyzer_for("en").analyze("the North-Atlantic alliance");
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(tokens[1].term, "northatlantic");
  EXPECT_TRUE(tokens[1].compound);
  EXPECT_EQ(tokens[2].term, "north");
  EXPECT_EQ(tokens[3].term, "atlantic");
  // The whole shares the first part's position; parts are consecutive.
  EXPECT_EQ(tokens[1].position, 1u);
  EXPECT_EQ(tokens[2].position, 1u);
  EXPECT_EQ(tokens[3].position, 2u);
  EXPECT_EQ(tokens[4].position, 3u);

  ExpectTokens("uk", "північно-атлантичний", {"північноатлантичний", "північно", "атлантичний"});
  // From the corpus: "пліч-о-пліч" (three parts).
  ExpectTokens("uk", "пліч-о-пліч", {"плічопліч", "пліч", "о", "пліч"});
}

TEST(WordBreakTest, SpacedDashesDoNotMakeCompounds) {
  ExpectTokens("en", "Kyiv - Kharkiv", {"kyiv", "kharkiv"});
  ExpectTokens("en", "Kyiv – Kharkiv", {"kyiv", "kharkiv"});
}

TEST(WordBreakTest, AcronymsLoseTheirDots) {
  ExpectTokens("en", "N.A.T.O.", {"nato"});
  ExpectTokens("en", "the U.S. and N.A.T.O", {"the", "us", "and", "nato"});
  ExpectTokens("ru", "С.Ш.А.", {"сша"});
  // Not acronyms: numbers and host names keep their dots.
  ExpectTokens("en", "3.5 example.com", {"3.5", "example.com"});
}

TEST(WordBreakTest, NumbersAndDatesStaySearchable) {
  ExpectTokens("en", "On 24 February 2024, the 75th summit",
               {"on", "24", "february", "2024", "the", "75th", "summit"});
  ExpectTokens("uk", "24 лютого 2022 року", {"24", "лютого", "2022", "року"});
}

TEST(WordBreakTest, DropsOverlongWords) {
  std::string long_word(100, 'x');
  ExpectTokens("en", "short " + long_word + " end", {"short", "end"});
}

// Snippets find words with words() and make the raw token of the few they
// have not met with raw_token() (tokenize() is the two together).
TEST(WordBreakTest, RawTokensOfWordSpans) {
  const std::string long_word(100, 'x');
  const std::string long_compound = std::string(40, 'a') + "-" + std::string(40, 'b');
  const std::string text = "N.A.T.O-led North\u2011Atlantic пліч-о-пліч 3.5 м’ясо " + long_word +
                           " U.S. " + long_compound + " end";
  const auto& analyzer = analyzer_for("en");
  std::vector<WordSpan> words;
  analyzer.words(text, words, 7);
  std::vector<std::string> terms, written;
  std::vector<uint32_t> positions;
  for (const auto& w : words) {
    Token t = analyzer.raw_token(text, w);
    EXPECT_EQ(t.compound, w.compound);
    terms.push_back(t.term);
    written.push_back(text.substr(t.start, t.end - t.start));
    positions.push_back(t.position);
  }
  // The whole of a compound first, then its parts; overlong words dropped
  // (a compound by its joined term, its parts each on its own).
  EXPECT_EQ(terms,
            (std::vector<std::string>{"NATOled", "NATO", "led", "NorthAtlantic", "North",
                                      "Atlantic", "плічопліч", "пліч", "о", "пліч", "3.5", "м’ясо",
                                      "US", std::string(40, 'a'), std::string(40, 'b'), "end"}));
  EXPECT_EQ(written[0], "N.A.T.O-led");
  EXPECT_EQ(written[3], "North\u2011Atlantic");
  EXPECT_EQ(written[12], "U.S");
  EXPECT_EQ(positions,
            (std::vector<uint32_t>{7, 7, 8, 9, 9, 10, 11, 11, 12, 13, 14, 15, 16, 17, 18, 19}));
}

}  // namespace
}  // namespace portal::analysis
