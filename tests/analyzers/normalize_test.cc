// Normalisation: NFKC + case folding, stress marks, ё, accents; letters that
// are distinct in a language stay distinct.
#include "analyzers/normalize.h"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <random>

#include "tests/analyzers/analysis_helpers.h"

namespace portal::analysis {
namespace {

using testing::ExpectTokens;

std::string folded(std::string s) {
  fold(s);
  return s;
}

TEST(NormalizeTest, AppliesNfkcAndCaseFolding) {
  EXPECT_EQ(folded("ＮＡＴＯ"), "nato");   // full-width letters
  EXPECT_EQ(folded("ﬁnance"), "finance");  // ligature
  EXPECT_EQ(folded("STRASSE"), "strasse");
  EXPECT_EQ(folded("Straße"), "strasse");
  EXPECT_EQ(folded("УКРАЇНА"), "україна");
}

TEST(NormalizeTest, RemovesStressMarks) {
  EXPECT_EQ(folded("Украї́на"), "україна");
  EXPECT_EQ(folded("перегово́ры"), "переговоры");
  ExpectTokens("ru", "за́мок замо́к", {"замок", "замок"});
}

TEST(NormalizeTest, FoldsRussianYoToYe) {
  EXPECT_EQ(folded("ёлка"), "елка");
  EXPECT_EQ(folded("Ёжик"), "ежик");
  EXPECT_TRUE(testing::ShareStem("ru", "всё", "все") || testing::Terms("ru", "всё")[0] == "все");
}

TEST(NormalizeTest, FoldsLatinAccentsForMatching) {
  EXPECT_EQ(folded("défense"), "defense");
  EXPECT_EQ(folded("Élysée"), "elysee");
  EXPECT_EQ(folded("cœur"), "coeur");
  EXPECT_EQ(folded("Łódź"), "lodz");
  EXPECT_EQ(folded("São Tomé"), "sao tome");
  // défense and defense match as terms and as stems.
  ExpectTokens("fr", "défense", {"defense"});
  EXPECT_TRUE(testing::ShareStem("fr", "défense", "defense"));
  EXPECT_TRUE(testing::ShareStem("en", "défense", "defense"));
}

TEST(NormalizeTest, KeepsLettersThatAreDistinctInALanguage) {
  // Ukrainian і ї є ґ and Russian й are letters, not accented variants.
  EXPECT_EQ(folded("Її"), "її");
  EXPECT_EQ(folded("ЄВРОПА"), "європа");
  EXPECT_EQ(folded("Ґанок"), "ґанок");
  EXPECT_EQ(folded("Київ"), "київ");
  EXPECT_EQ(folded("Йошкар-Ола"), "йошкар-ола");
  EXPECT_EQ(folded("край"), "край");
  EXPECT_NE(folded("край"), folded("краи"));
  EXPECT_NE(folded("їжак"), folded("іжак"));
}

TEST(NormalizeTest, UnifiesApostrophes) {
  EXPECT_EQ(folded("м’ясо"), "м'ясо");
  EXPECT_EQ(folded("мʼясо"), "м'ясо");
  EXPECT_EQ(folded("м'ясо"), "м'ясо");
}

// fold_case() as ICU gives it for the whole word at once: NFKC_Casefold,
// combining marks dropped, ё -> е, apostrophes -> '.
std::string icu_fold_case(const std::string& word) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
  icu::UnicodeString folded, clean;
  n->normalize(icu::UnicodeString::fromUTF8(word), folded, status);
  for (int32_t i = 0; i < folded.length(); ++i) {
    char16_t c = folded.charAt(i);
    if (c >= 0x300 && c <= 0x36F) continue;
    if (c == u'\u0451') c = u'\u0435';
    if (c == u'\u2019' || c == u'\u02BC' || c == u'\u2018' || c == u'`' || c == u'\u02BB')
      c = u'\'';
    clean.append(c);
  }
  std::string out;
  clean.toUTF8String(out);
  return out;
}

TEST(NormalizeTest, FoldsCaseAsIcuDoesForTheWholeWord) {
  // Words of Latin, Latin-1, Greek, Cyrillic and Hebrew letters, digits,
  // combining marks that compose with the letter before them (é, ї, й),
  // apostrophes, ß and final sigma: letter by letter where no letter joins
  // its neighbour, through ICU where one may; the same result either way.
  const std::u32string pool =
      U"aZ9'-É\u00e9\u00df\u00d7\u00ff\u0152\u0130\u0131\u017f\u01c4\u03a3\u03c2\u0390"
      U"\u0386\u0401\u0451\u0407\u0457\u0406\u0456\u0419\u0418\u0490\u0491\u0416\u044f"
      U"\u05d0\u0301\u0308\u0306\u02bc\u2019\u0300\u00b5\u00aa";
  std::mt19937 rng(2026);
  for (int n = 0; n < 20000; ++n) {
    std::u32string word;
    const size_t length = 1 + rng() % 8;
    for (size_t i = 0; i < length; ++i) word += pool[rng() % pool.size()];
    std::string utf8;
    icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(word.data()),
                                  static_cast<int32_t>(word.size()))
        .toUTF8String(utf8);
    std::string mine = utf8;
    fold_case(mine);
    ASSERT_EQ(mine, icu_fold_case(utf8)) << "word: " << utf8;
  }
}

TEST(NormalizeTest, LeavesOtherScriptsAlone) {
  EXPECT_EQ(folded("中文"), "中文");
  EXPECT_EQ(folded("Ελλάδα"), "ελλάδα");  // only Latin letters lose accents
}

}  // namespace
}  // namespace portal::analysis
