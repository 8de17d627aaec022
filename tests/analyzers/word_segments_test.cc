// The scan of word_segments.h finds exactly the segments ICU finds.
#include "analyzers/word_segments.h"

#include <gtest/gtest.h>
#include <unicode/unistr.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

namespace portal::analysis {
namespace {

std::vector<Segment> Icu(std::string_view text) {
  std::vector<Segment> out;
  icu_segments(text, out);
  return out;
}

std::vector<Segment> Scanned(std::string_view text) {
  std::vector<Segment> out;
  scan_segments(text, out);
  return out;
}

std::string Show(const std::vector<Segment>& segments) {
  std::string out;
  for (const auto& s : segments)
    out += "[" + std::to_string(s.start) + "," + std::to_string(s.end) + ")";
  return out;
}

void ExpectSameSegments(std::string_view text) {
  auto icu = Icu(text);
  auto scanned = Scanned(text);
  EXPECT_EQ(scanned, icu) << "text: \"" << text << "\"\n scanned: " << Show(scanned)
                          << "\n ICU:     " << Show(icu);
}

TEST(WordSegmentsTest, PlainWordsAreRunsOfLettersAndDigits) {
  const std::string text = "Kyiv, 24 лютого: the 75th summit (NATO) — «Ελλάδα»!";
  auto segments = Scanned(text);
  std::vector<std::string> words;
  for (const auto& s : segments)
    if (s.start >= 0) words.push_back(text.substr(s.start, s.end - s.start));
  EXPECT_EQ(words, (std::vector<std::string>{"Kyiv", "24", "лютого", "the", "75th", "summit",
                                             "NATO", "Ελλάδα"}));
  ExpectSameSegments(text);
}

TEST(WordSegmentsTest, HyphensBetweenWordsAreKept) {
  const std::string text = "North-Atlantic пліч-о-пліч a\u2010b c\u2011d e - f";
  auto segments = Scanned(text);
  size_t hyphens = 0;
  for (const auto& s : segments) hyphens += s.start < 0;
  EXPECT_EQ(hyphens, 6u);
  ExpectSameSegments(text);
}

// What the scan hands to ICU: anything that may join or split otherwise.
TEST(WordSegmentsTest, AgreesWithIcuWhereRulesLookAroundACharacter) {
  for (const char* text : {
           "don't",
           "м'ясо",
           "м’ясо",
           "мʼясо",
           "об’єкт",
           "l’OTAN",
           "aujourd'hui",
           "U.S.",
           "N.A.T.O.",
           "3.5",
           "1,000,000",
           "10:30",
           "a:b",
           "example.com",
           "end.",
           "end. Next",
           "'quoted'",
           "snake_case",
           "_lead",
           "trail_",
           "café",
           "cafe\u0301",
           "a \u0301b",
           "\u0301start",
           "soft\u00ADhyphen",
           "zero\u200Dwidth",
           "a\u00A0b",
           "a\u202Fb",
           "北大西洋公约组织 and NATO",
           "東京都に住む",
           "שלום עולם",
           "ภาษาไทย test",
           "emoji 😀 here",
           "👍🏻 ok",
           "🇺🇦 flag",
           "tab\tand\nnew\r\nlines",
           "\x01control\x7f",
           "bad \xff byte",
           "cut \xd0",
           "a..b",
           "a.'b",
           "a'.b",
           "1.a",
           "a.1",
           "ab12cd",
           "U.S.A.",
           "a.b.1",
           "1.2.3",
           "1,2.3",
           "a'b'c",
           "1'000",
           "o’clock",
           "a’1",
           "1’a",
           "3,5;7",
           "a;b",
           "a,b",
           "1:2",
           "x.y’z",
           "2.5bn",
           "v1.2",
           "a‘b",
           "x-",
           "-x",
           "--",
           "a--b",
           "€5 and 5€",
           "#tag @user",
           "1st-2nd",
           "a\u2019",
           "\u2019a",
           "ǅemal",
           "ªb",
           "ѝ",
           "Ї́жак",
           "  lead  trail  ",
           "",
       })
    ExpectSameSegments(text);
}

// Each character of the scripts and punctuation the scan knows (and well
// past them), alone and between letters, digits and spaces.
TEST(WordSegmentsTest, AgreesWithIcuOnEveryCharacterInContext) {
  for (UChar32 c = 1; c < 0x10000; ++c) {
    if (c >= 0xD800 && c < 0xE000) continue;  // surrogates
    std::string ch;
    icu::UnicodeString(c).toUTF8String(ch);
    for (const std::string& text : {ch, "a" + ch + "b", "1" + ch + "2", "я" + ch + "я",
                                    " " + ch + " ", "ab" + ch, ch + "ab", "a " + ch + "b"})
      ExpectSameSegments(text);
    if (HasFailure()) break;
  }
}

// Strings drawn at random from characters of every kind the scan tells
// apart, so that each meets each.
TEST(WordSegmentsTest, AgreesWithIcuOnRandomMixtures) {
  const std::vector<std::string> alphabet = {
      "a",      "Z",      "5",      "é",          "я",          "ї",      "Ω",      "ʼ",
      " ",      "  ",     "\n",     "\t",         ".",          ",",      ":",      ";",
      "'",      "_",      "-",      "\u2010",     "\u2011",     "\u2019", "\u00B7", "\u0301",
      "\u00AD", "\u200D", "\u00A0", "\u202F",     "\u3000",     "中",     "ש",      "ก",
      "カ",     "€",      "😀",      "\U0001F3FB", "\U0001F1FA", "«",      "!",      "\x01",
      "\xff",   "\xd0",   "٣",      "ǅ"};
  std::mt19937 random(20261129);
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1), length(1, 12);
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    for (size_t n = length(random); n > 0; --n) text += alphabet[pick(random)];
    ExpectSameSegments(text);
    if (HasFailure()) break;
  }
}

// Every title and body of the sample corpus.
TEST(WordSegmentsTest, AgreesWithIcuOnTheSampleCorpus) {
  size_t texts = 0;
  for (const auto& entry : std::filesystem::directory_iterator(PORTAL_SOURCE_DATA_DIR)) {
    const auto file = entry.path() / "docs.jsonl";
    if (!std::filesystem::exists(file)) continue;
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);) {
      auto article = nlohmann::json::parse(line);
      for (const char* field : {"title", "body"}) {
        if (!article.contains(field)) continue;
        const std::string text = article[field];
        EXPECT_EQ(Scanned(text), Icu(text))
            << file << " " << article.value("id", "") << " " << field;
        ++texts;
      }
      if (HasFailure()) return;
    }
  }
  EXPECT_GT(texts, 2000u);
}

}  // namespace
}  // namespace portal::analysis
