// Stemming per language: a word in one inflected form meets its other forms.
// Word forms come from sentences of the sample corpus (data/).
#include <gtest/gtest.h>
#include <hunspell/hunspell.hxx>

#include <algorithm>

#include "analyzers/normalize.h"
#include "analyzers/script.h"
#include "analyzers/uk_suffix_stemmer.h"
#include "tests/analyzers/analysis_helpers.h"

namespace portal::analysis {
namespace {

using testing::ShareStem;
using testing::Stems;

struct InflectionCase {
  const char* lang;
  const char* a;
  const char* b;
};

class InflectionTest : public ::testing::TestWithParam<InflectionCase> {};

TEST_P(InflectionTest, FormsShareAStem) {
  const auto& c = GetParam();
  EXPECT_TRUE(ShareStem(c.lang, c.a, c.b))
      << c.lang << ": " << c.a << " " << ::testing::PrintToString(Stems(c.lang, c.a)) << " vs "
      << c.b << " " << ::testing::PrintToString(Stems(c.lang, c.b));
}

INSTANTIATE_TEST_SUITE_P(
    Corpus, InflectionTest,
    ::testing::Values(
        // "новими санкціями проти Росії", "великого пакету санкцій"
        InflectionCase{"uk", "санкції", "санкцій"}, InflectionCase{"uk", "санкції", "санкціями"},
        InflectionCase{"uk", "Санкції", "санкціях"}, InflectionCase{"uk", "України", "Україною"},
        InflectionCase{"uk", "країнах", "країна"}, InflectionCase{"uk", "зустрілися", "зустрітися"},
        InflectionCase{"uk", "об'єкти", "об’єктів"}, InflectionCase{"uk", "сім’ям", "сім'я"},
        InflectionCase{"uk", "Києва", "Київ"},
        // "вести переговоры", "в этих переговорах"
        InflectionCase{"ru", "переговоры", "переговорах"},
        InflectionCase{"ru", "президента", "президент"},
        InflectionCase{"ru", "санкций", "санкциями"},
        // "au moment des négociations"
        InflectionCase{"fr", "négociations", "négociation"},
        InflectionCase{"fr", "militaires", "militaire"}, InflectionCase{"fr", "blessés", "blessé"},
        // "stopped the enemy's attacks", "Russia attacked"
        InflectionCase{"en", "attacks", "attacked"}, InflectionCase{"en", "sanctions", "sanction"},
        InflectionCase{"en", "negotiations", "negotiating"}));

TEST(StemmingTest, StopWordsHaveNoStems) {
  auto tokens = analyzer_for("en").analyze("the sanctions");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_TRUE(tokens[0].stop);
  EXPECT_TRUE(tokens[0].stems.empty());
  EXPECT_FALSE(tokens[1].stop);
  EXPECT_FALSE(tokens[1].stems.empty());
}

TEST(StemmingTest, StopWordsPerLanguage) {
  for (auto [lang, word] : {std::pair{"en", "the"},
                            {"fr", "les"},
                            {"fr", "été"},
                            {"ru", "и"},
                            {"ru", "её"},
                            {"uk", "що"},
                            {"uk", "від"}}) {
    auto tokens = analyzer_for(lang).analyze(word);
    ASSERT_EQ(tokens.size(), 1u);
    EXPECT_TRUE(tokens[0].stop) << lang << " " << word;
  }
  EXPECT_FALSE(analyzer_for("en").analyze("sanctions")[0].stop);
  EXPECT_FALSE(analyzer_for("uk").analyze("санкції")[0].stop);
}

TEST(StemmingTest, UkrainianLemmasComeFromTheDictionary) {
  EXPECT_EQ(Stems("uk", "санкціями"), std::vector<std::string>{"санкція"});
  EXPECT_EQ(Stems("uk", "Альянсу"), std::vector<std::string>{"альянс"});
  // Capitalisation decides: the city, not a form of кий (a cue).
  auto kyiv = Stems("uk", "Київ");
  EXPECT_NE(std::find(kyiv.begin(), kyiv.end(), "київ"), kyiv.end());
  // A lower-case query word also meets the capitalised lemma.
  auto typed = Stems("uk", "київ");
  EXPECT_NE(std::find(typed.begin(), typed.end(), "київ"), typed.end());
}

// Whichever way a word is written, it gets the dictionary's readings of both
// spellings (a word in lower case may be a proper noun's form, a capitalised
// one a common word starting a sentence): the readings hunspell gives the
// word in lower case and capitalised, or the suffix stem when it has none.
TEST(StemmingTest, UkrainianLemmasAreTheReadingsOfBothSpellings) {
  Hunspell dictionary("/usr/share/hunspell/uk_UA.aff", "/usr/share/hunspell/uk_UA.dic");
  auto readings = [&](const std::string& word) {
    std::vector<std::string> out;
    for (const std::string& spelling : {word, capitalize(word)}) {
      for (std::string lemma : dictionary.stem(spelling)) {
        fold_case(lemma);
        if (std::find(out.begin(), out.end(), lemma) == out.end()) out.push_back(lemma);
      }
    }
    if (out.empty()) out.push_back(ukrainian_suffix_stem(word));
    std::sort(out.begin(), out.end());
    return out;
  };
  auto sorted = [](std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
  };
  // From the sample's addresses: place names, their homographs, common words
  // and names the dictionary does not know.
  for (const std::string word :
       {"києві", "київ", "харкові", "львова", "одесі", "оборони", "міністрів", "санкціями",
        "зустрілися", "україни", "надія", "віра", "зеленського", "шахедами"}) {
    const auto expected = readings(word);
    EXPECT_EQ(sorted(Stems("uk", word)), expected) << word;
    EXPECT_EQ(sorted(Stems("uk", capitalize(word))), expected) << capitalize(word);
  }
  // Both readings of києві: a form of кий (a cue) and of the city.
  auto kyiv = Stems("uk", "києві");
  EXPECT_NE(std::find(kyiv.begin(), kyiv.end(), "кий"), kyiv.end());
  EXPECT_NE(std::find(kyiv.begin(), kyiv.end(), "київ"), kyiv.end());
}

TEST(StemmingTest, UnknownUkrainianWordsFallBackToSuffixStripping) {
  EXPECT_EQ(ukrainian_suffix_stem("зеленського"), "зеленськ");
  EXPECT_EQ(ukrainian_suffix_stem("зеленському"), "зеленськ");
  EXPECT_EQ(ukrainian_suffix_stem("зеленський"), "зеленськ");
  EXPECT_EQ(ukrainian_suffix_stem("дронами"), "дрон");
  // Short words keep at least three letters.
  EXPECT_EQ(ukrainian_suffix_stem("ями"), "ями");
  // A made-up word the dictionary cannot know still meets its other forms.
  EXPECT_TRUE(ShareStem("uk", "шахедами", "шахедів"));
}

TEST(StemmingTest, WordsOfAnotherScriptUseThatScriptsStemmer) {
  // Latin words in Ukrainian text are stemmed as English.
  EXPECT_EQ(Stems("uk", "sanctions"), std::vector<std::string>{"sanction"});
  // Cyrillic words in English text: Russian, or Ukrainian when the letters say so.
  EXPECT_EQ(Stems("en", "переговорах"), Stems("ru", "переговорах"));
  EXPECT_EQ(Stems("en", "санкціями"), Stems("uk", "санкціями"));
}

}  // namespace
}  // namespace portal::analysis
