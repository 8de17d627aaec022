#include "indexer/spelling_key.h"

#include <algorithm>

namespace portal {
namespace {

// U+0430..U+045F (а..я, ѐ..џ: Russian and Ukrainian but ґ) are 0x80..0xAF,
// ґ (U+0491) is 0xB0.
constexpr char32_t kFirstLetter = 0x430;
constexpr char32_t kLastLetter = 0x45F;
constexpr char32_t kGhe = 0x491;
constexpr unsigned char kFirstByte = 0x80;
constexpr unsigned char kGheByte = 0xB0;

// The byte of a two-byte UTF-8 letter, or 0 when it has none.
unsigned char letter_byte(unsigned char lead, unsigned char next) {
  if ((next & 0xC0) != 0x80) return 0;
  const char32_t cp = (static_cast<char32_t>(lead & 0x1F) << 6) | (next & 0x3F);
  if (cp >= kFirstLetter && cp <= kLastLetter)
    return static_cast<unsigned char>(kFirstByte + (cp - kFirstLetter));
  return cp == kGhe ? kGheByte : 0;
}

void append_utf8(std::string& out, char32_t cp) {
  out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
  out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
}

}  // namespace

std::string spelling_key(std::string_view word) {
  std::string key;
  key.reserve(word.size());
  bool encoded = false;
  for (size_t i = 0; i < word.size(); ++i) {
    const auto c = static_cast<unsigned char>(word[i]);
    if (c < 0x80) {
      key.push_back(static_cast<char>(c));
      continue;
    }
    const unsigned char b =
        i + 1 < word.size() ? letter_byte(c, static_cast<unsigned char>(word[i + 1])) : 0;
    if (b == 0) return std::string(word);  // another character: the word as it is
    key.push_back(static_cast<char>(b));
    encoded = true;
    ++i;
  }
  return encoded ? key : std::string(word);
}

std::string spelling_word(std::string_view key) {
  // A key whose first byte past ASCII is 0x80..0xB0 (no lead byte) is
  // encoded; valid UTF-8 is a word stored as it is.
  for (size_t i = 0; i < key.size(); ++i) {
    const auto c = static_cast<unsigned char>(key[i]);
    if (c < 0x80) continue;
    if (c > kGheByte) return std::string(key);  // a UTF-8 lead byte (or other bytes)
    std::string word;
    word.reserve(key.size() * 2);
    for (char ch : key) {
      const auto b = static_cast<unsigned char>(ch);
      if (b < 0x80) {
        word.push_back(ch);
      } else {
        append_utf8(word, b == kGheByte ? kGhe : kFirstLetter + (b - kFirstByte));
      }
    }
    return word;
  }
  return std::string(key);
}

void apply_spelling_changes(Xapian::WritableDatabase& db, SpellingChanges& changes) {
  std::sort(changes.begin(), changes.end());
  for (const auto& [key, delta] : changes) {
    if (delta > 0) db.add_spelling(key, static_cast<Xapian::termcount>(delta));
    if (delta < 0) db.remove_spelling(key, static_cast<Xapian::termcount>(-delta));
  }
  changes.clear();
}

}  // namespace portal
