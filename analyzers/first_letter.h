// A key of a word's first letter that analysis keeps.
//
// Folding (case, Latin accents, ё) and the stemmers of the four languages
// leave a word's first letter as it is, up to the alternations of Ukrainian
// and Russian word starts (іти / йти, є / е, ґ / г, ў / у), which the key
// merges: a word as written and its normalised form and stems share it. A
// highlighter can then tell most words of a text apart from the query's
// without normalising them (searchd/snippets.cc). tests/analyzers/
// first_letter_test.cc checks it on every word of the sample corpus.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace portal::analysis {

// Keys are below this.
inline constexpr uint32_t kFirstLetterKeys = 0x800;

class FirstLetterTable {
 public:
  FirstLetterTable();

  // The key of the first letter of `word`, as written or normalised; 0
  // when it cannot tell: an empty word, a first character that is not a
  // letter or digit below U+0800, one followed by a combining mark, or a
  // word holding an apostrophe (an elision, `l'école`, may hide its letter).
  uint32_t key(std::string_view word) const {
    if (word.empty()) return 0;
    const auto* p = reinterpret_cast<const unsigned char*>(word.data());
    const size_t n = word.size();
    uint32_t key = 0;
    size_t i = 1;
    if (p[0] < 0x80) {
      key = keys_[p[0]];
    } else if (p[0] >= 0xC2 && p[0] < 0xE0 && n >= 2 && (p[1] & 0xC0) == 0x80) {
      key = keys_[static_cast<size_t>((p[0] & 0x1F) << 6 | (p[1] & 0x3F))];
      i = 2;
    }
    if (key == 0) return 0;
    // U+0300..U+036F, combining marks: CC 80..CD AF.
    if (i < n && (p[i] == 0xCC || (p[i] == 0xCD && i + 1 < n && p[i + 1] <= 0xAF))) return 0;
    for (; i < n; ++i) {
      const unsigned char c = p[i];
      if (c == '\'' || c == '`') return 0;
      // U+2018, U+2019 (E2 80 98/99); U+02BB, U+02BC (CA BB/BC): the
      // apostrophes fold_case() turns into U+0027 (normalize.cc).
      if (c == 0xE2 && i + 2 < n && p[i + 1] == 0x80 && (p[i + 2] == 0x98 || p[i + 2] == 0x99))
        return 0;
      if (c == 0xCA && i + 1 < n && (p[i + 1] == 0xBB || p[i + 1] == 0xBC)) return 0;
    }
    return key;
  }

 private:
  std::array<uint32_t, kFirstLetterKeys> keys_{};
};

// Built on first use (thread-safe).
const FirstLetterTable& first_letter_table();

inline uint32_t first_letter_key(std::string_view word) { return first_letter_table().key(word); }

}  // namespace portal::analysis
