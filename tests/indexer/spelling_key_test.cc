#include "indexer/spelling_key.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <map>
#include <string>

#include "tests/support/test_env.h"

namespace portal {
namespace {

// Whether `s` is valid UTF-8 (enough for these tests: lead bytes and
// continuation bytes in place).
bool valid_utf8(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

TEST(SpellingKeyTest, CyrillicWordsTakeOneByteALetterAndComeBack) {
  for (std::string word : {"санкцій", "ґрунт", "їжак", "європа", "щойно", "объём", "м'ясо",
                           "бюджет-2", "абвгдеёжзийклмнопрстуфхцчшщъыьэюя", "ґєії"}) {
    const std::string key = spelling_key(word);
    size_t letters = 0;
    for (unsigned char c : word) letters += (c & 0xC0) != 0x80;
    EXPECT_EQ(key.size(), letters) << word;
    EXPECT_FALSE(valid_utf8(key)) << word;
    EXPECT_EQ(spelling_word(key), word);
  }
}

TEST(SpellingKeyTest, OtherWordsAreStoredAsTheyAre) {
  // ASCII, Latin with accents, Greek, upper-case Cyrillic (terms are folded,
  // so it is not among the letters encoded), a word mixing scripts.
  for (std::string word : {"sanctions", "café", "naïve", "λόγος", "Київ", "кафé", "ǆ"}) {
    EXPECT_EQ(spelling_key(word), word) << word;
    EXPECT_EQ(spelling_word(word), word) << word;
  }
  EXPECT_EQ(spelling_key(""), "");
  EXPECT_EQ(spelling_word(""), "");
}

TEST(SpellingKeyTest, KeysOfDifferentWordsDiffer) {
  // ё and е, і and и, ї and й are different letters, so different keys.
  EXPECT_NE(spelling_key("объём"), spelling_key("объем"));
  EXPECT_NE(spelling_key("міст"), spelling_key("мист"));
  EXPECT_NE(spelling_key("їжак"), spelling_key("йжак"));
  EXPECT_NE(spelling_key("ґанок"), spelling_key("ганок"));
}

TEST(SpellingKeyTest, ChangesAreAppliedWhateverTheirOrder) {
  test::TempDir dir;
  Xapian::WritableDatabase db(dir.file("db"), Xapian::DB_CREATE);
  SpellingChanges changes{{"zebra", 2}, {"apple", 3}, {"mango", 1}};
  apply_spelling_changes(db, changes);
  EXPECT_TRUE(changes.empty());
  db.commit();
  changes = {{"mango", -1}, {"apple", -1}, {"kiwi", 4}, {"zebra", 0}};
  apply_spelling_changes(db, changes);
  db.commit();
  std::map<std::string, Xapian::doccount> words;
  for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it)
    words[*it] = it.get_termfreq();
  EXPECT_EQ(words,
            (std::map<std::string, Xapian::doccount>{{"apple", 2}, {"kiwi", 4}, {"zebra", 2}}));
  EXPECT_EQ(db.get_spelling_suggestion("applr"), "apple");
}

}  // namespace
}  // namespace portal
