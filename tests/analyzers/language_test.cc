// Language detection for articles, and the candidate languages of a query.
#include <gtest/gtest.h>

#include "analyzers/language_detector.h"
#include "searchd/query_terms.h"

namespace portal {
namespace {

using analysis::detect_language;
using Langs = std::vector<std::string>;

TEST(LanguageDetectorTest, DetectsTheLanguageOfSentences) {
  EXPECT_EQ(detect_language("Генеральний секретар НАТО зустрівся з прем'єр-міністром України, "
                            "щоб обговорити нові санкції проти Росії."),
            "uk");
  EXPECT_EQ(detect_language("Президент провёл переговоры с премьер-министром о развитии "
                            "сотрудничества в области энергетики."),
            "ru");
  EXPECT_EQ(detect_language("Les ministres ont discuté des sanctions contre la Russie lors du "
                            "sommet de l'OTAN à Bruxelles."),
            "fr");
  EXPECT_EQ(detect_language("The ministers discussed new sanctions against Russia at the NATO "
                            "summit in Brussels."),
            "en");
}

TEST(LanguageDetectorTest, IsEmptyWhenUnsure) {
  EXPECT_EQ(detect_language(""), "");
  EXPECT_EQ(detect_language("2024 12 31"), "");
}

TEST(LanguageDetectorTest, CopesWithATruncatedMultibyteTail) {
  // Longer than the sample CLD2 looks at, cut inside a two-byte letter.
  std::string text;
  while (text.size() < 20000) text += "Україна працює разом із партнерами заради миру. ";
  text += "\xd0";
  EXPECT_EQ(detect_language(text), "uk");
}

TEST(QueryLanguagesTest, CyrillicQueriesAreRussianOrUkrainian) {
  EXPECT_EQ(query_languages("санкції"), (Langs{"uk"}));
  EXPECT_EQ(query_languages("переговоры"), (Langs{"ru"}));
  EXPECT_EQ(query_languages("ёлка"), (Langs{"ru"}));
  EXPECT_EQ(query_languages("объект"), (Langs{"ru"}));
  // No telling letter: both.
  EXPECT_EQ(query_languages("переговори про мир"), (Langs{"uk", "ru"}));
  EXPECT_EQ(query_languages("Путин"), (Langs{"uk", "ru"}));
  EXPECT_EQ(query_languages("Зеленский"), (Langs{"uk", "ru"}));
}

TEST(QueryLanguagesTest, LatinQueriesAreEnglishOrFrench) {
  EXPECT_EQ(query_languages("négociations"), (Langs{"en", "fr"}));
  EXPECT_EQ(query_languages("sanctions"), (Langs{"en", "fr"}));
}

TEST(QueryLanguagesTest, MixedScriptsGetBoth) {
  EXPECT_EQ(query_languages("NATO санкції"), (Langs{"uk", "en", "fr"}));
}

TEST(QueryLanguagesTest, NoLetterToGoByGivesEveryLanguage) {
  const Langs all = {"uk", "ru", "en", "fr"};
  EXPECT_EQ(query_languages(""), all);
  EXPECT_EQ(query_languages("2024"), all);
  EXPECT_EQ(query_languages("北大西洋"), all);
}

TEST(QueryLanguagesTest, LongerQueriesAddTheDetectedLanguage) {
  auto langs = query_languages("Die Verhandlungen über einen Waffenstillstand sind gescheitert");
  EXPECT_NE(std::find(langs.begin(), langs.end(), "de"), langs.end());
}

}  // namespace
}  // namespace portal
