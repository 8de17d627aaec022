// Normalisation: NFKC + case folding, stress marks, ё, accents; letters that
// are distinct in a language stay distinct.
#include "analyzers/normalize.h"

#include <gtest/gtest.h>

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

TEST(NormalizeTest, LeavesOtherScriptsAlone) {
  EXPECT_EQ(folded("中文"), "中文");
  EXPECT_EQ(folded("Ελλάδα"), "ελλάδα");  // only Latin letters lose accents
}

}  // namespace
}  // namespace portal::analysis
