// Cross-script keys: Latin and Cyrillic spellings of a name meet.
#include "analyzers/cross_script_key.h"

#include <gtest/gtest.h>

#include "analyzers/normalize.h"
#include "analyzers/synonyms.h"
#include "tests/analyzers/analysis_helpers.h"

namespace portal::analysis {
namespace {

std::string key(std::string word) {
  fold(word);
  return cross_script_key(word);
}

struct NameCase {
  const char* a;
  const char* b;
};

class CrossScriptKeyTest : public ::testing::TestWithParam<NameCase> {};

TEST_P(CrossScriptKeyTest, SpellingsShareAKey) {
  EXPECT_FALSE(key(GetParam().a).empty()) << GetParam().a;
  EXPECT_EQ(key(GetParam().a), key(GetParam().b)) << GetParam().a << " vs " << GetParam().b;
}

INSTANTIATE_TEST_SUITE_P(
    Names, CrossScriptKeyTest,
    ::testing::Values(NameCase{"Zelensky", "Зеленський"}, NameCase{"Zelenskyy", "Зеленський"},
                      NameCase{"Zelensky", "Зеленский"}, NameCase{"Zelenskyi", "Зеленського"},
                      NameCase{"Kyiv", "Київ"}, NameCase{"Kiev", "Киев"},
                      NameCase{"Stoltenberg", "Столтенберг"},
                      NameCase{"Stoltenberg", "Столтенберга"}, NameCase{"Kharkiv", "Харків"},
                      NameCase{"Zaporizhzhia", "Запоріжжя"}, NameCase{"Odesa", "Одеса"},
                      NameCase{"Yanukovych", "Янукович"}, NameCase{"Shmyhal", "Шмигаль"}));

TEST(CrossScriptKeyTest, DifferentNamesHaveDifferentKeys) {
  EXPECT_NE(key("Zelensky"), key("Stoltenberg"));
  EXPECT_NE(key("Kharkiv"), key("Kyiv"));
  EXPECT_NE(key("Путін"), key("Зеленський"));
}

TEST(CrossScriptKeyTest, NoKeyForWordsWithoutLettersOrTooShort) {
  EXPECT_EQ(key("2024"), "");
  EXPECT_EQ(key("中国"), "");
  EXPECT_EQ(key("я"), "");
}

TEST(CrossScriptKeyTest, OnlyCapitalisedWordsGetAKeyInText) {
  auto tokens = analyzer_for("uk").analyze("Зеленський зустрівся");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].key, key("Zelensky"));
  EXPECT_EQ(tokens[1].key, "");
}

TEST(SynonymsTest, KnownVariantsAndRenamesAreSynonyms) {
  auto has = [](std::string word, std::string other) {
    fold(word);
    fold(other);
    const auto& s = synonyms_of(word);
    return std::find(s.begin(), s.end(), other) != s.end();
  };
  EXPECT_TRUE(has("NATO", "OTAN"));
  EXPECT_TRUE(has("OTAN", "НАТО"));
  EXPECT_TRUE(has("Kiev", "Kyiv"));
  EXPECT_TRUE(has("Київ", "Kiev"));
  EXPECT_FALSE(has("Kyiv", "Kyiv"));
  EXPECT_TRUE(synonyms_of("sanctions").empty());
}

}  // namespace
}  // namespace portal::analysis
