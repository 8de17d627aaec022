#include "indexer/text_clean.h"

#include <gtest/gtest.h>

namespace portal {
namespace {

TEST(TextCleanTest, ValidatesUtf8) {
  EXPECT_TRUE(is_valid_utf8("plain ascii"));
  EXPECT_TRUE(is_valid_utf8("Київ, Zürich, 😀"));
  const std::pair<std::string, size_t> bad[] = {
      {"ab\xff", 2},            // never valid
      {"a\xc3", 1},             // truncated
      {"\xc0\xaf", 0},          // overlong
      {"x\xed\xa0\x80", 1},     // surrogate
      {"\xf4\x90\x80\x80", 0},  // above U+10FFFF
      {"ok\xe2\x82", 2},        // truncated three-byte sequence
  };
  for (const auto& [s, offset] : bad) {
    size_t at = 99;
    EXPECT_FALSE(is_valid_utf8(s, &at)) << s;
    EXPECT_EQ(at, offset) << s;
  }
}

TEST(TextCleanTest, CleanValueMakesOneLine) {
  EXPECT_EQ(clean_value("  a\tb\n\nc  "), "a b c");
  EXPECT_EQ(clean_value(std::string("x\0y", 3)), "x y");
  EXPECT_EQ(clean_value("del\x7f"
                        "ete"),
            "del ete");
  EXPECT_EQ(clean_value("c1\xc2\x85"
                        "next"),
            "c1 next");
  EXPECT_EQ(clean_value("Київ\x1f"), "Київ");
  EXPECT_EQ(clean_value("\xc2\xa0nbsp kept"), "\xc2\xa0nbsp kept");
}

TEST(TextCleanTest, CleanTextKeepsLines) {
  EXPECT_EQ(clean_text("a\r\nb\rc\n\td"), "a\nb\nc\n\td");
  EXPECT_EQ(clean_text(std::string("bell\a and nul\0!", 15)), "bell and nul!");
}

}  // namespace
}  // namespace portal
