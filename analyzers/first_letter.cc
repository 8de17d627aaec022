#include "analyzers/first_letter.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <string>

#include "analyzers/normalize.h"

namespace portal::analysis {
namespace {

// The Cyrillic letters merged with another at a word's start.
uint32_t merge_cyrillic(uint32_t c) {
  switch (c) {
    case 0x456:      // і
    case 0x457:      // ї
    case 0x439:      // й
      return 0x438;  // и
    case 0x454:      // є
    case 0x451:      // ё
      return 0x435;  // е
    case 0x491:      // ґ
      return 0x433;  // г
    case 0x45E:      // ў
      return 0x443;  // у
    default:
      return c;
  }
}

}  // namespace

// The key of a letter or digit: its fold (fold_case, fold_accents: the
// first code point of it), merged.
FirstLetterTable::FirstLetterTable() {
  for (UChar32 c = 0x80; c < static_cast<UChar32>(kFirstLetterKeys); ++c) {
    if (!u_isalnum(c)) continue;
    uint8_t utf8[U8_MAX_LENGTH];
    int32_t len = 0;
    U8_APPEND_UNSAFE(utf8, len, c);
    std::string folded(reinterpret_cast<const char*>(utf8), static_cast<size_t>(len));
    fold_case(folded);
    fold_accents(folded);
    if (folded.empty()) continue;
    const auto* p = reinterpret_cast<const uint8_t*>(folded.data());
    int32_t i = 0;
    UChar32 first;
    U8_NEXT(p, i, static_cast<int32_t>(folded.size()), first);
    if (first <= 0 || first >= static_cast<UChar32>(kFirstLetterKeys)) continue;
    keys_[static_cast<size_t>(c)] = merge_cyrillic(static_cast<uint32_t>(first));
  }
  for (uint32_t c = '0'; c <= '9'; ++c) keys_[c] = c;
  for (uint32_t c = 'a'; c <= 'z'; ++c) keys_[c] = c;
  for (uint32_t c = 'A'; c <= 'Z'; ++c) keys_[c] = c - 'A' + 'a';
}

const FirstLetterTable& first_letter_table() {
  static const FirstLetterTable table;
  return table;
}

}  // namespace portal::analysis
