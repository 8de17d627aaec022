// Word segments of a text, as ICU's word break iterator finds them (UAX #29
// with ICU's dictionaries), for the tokenizer of word_break.h.
//
// Most text of the portal is Latin or Cyrillic words between spaces and
// punctuation, where UAX #29 comes down to "a run of letters and digits is
// a word", and an apostrophe, dot or comma between two letters or two digits
// may join them ("l’OTAN", "3.5"). scan_segments() reads such text itself, a
// code point at a time, and hands ICU only the stretches between two spaces
// that hold anything else: a letter of another script, a colon between two
// letters, a combining mark, an underscore. A stretch between spaces can be
// segmented on its own, since no UAX #29 rule looks across a space (only a
// combining mark or format character right after one joins it, and such a
// stretch is handed to ICU with the space).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace portal::analysis {

// The hyphens joining two parts of a compound: ASCII hyphen-minus, U+2010
// hyphen, U+2011 non-breaking hyphen.
inline constexpr std::string_view kHyphens[] = {"-", "\u2010", "\u2011"};

inline bool is_hyphen(std::string_view s) {
  for (std::string_view h : kHyphens)
    if (s == h) return true;
  return false;
}

// A word (start >= 0), or a hyphen found between segments (start < 0, end
// just after it), as byte offsets into the text. Other non-word segments are
// left out.
struct Segment {
  int32_t start, end;
  bool operator==(const Segment&) const = default;
};

// The segments of `text` as ICU finds them, appended to `out`.
void icu_segments(std::string_view text, std::vector<Segment>& out);

// The same segments, scanned where the text allows it and found by ICU
// elsewhere.
void scan_segments(std::string_view text, std::vector<Segment>& out);

}  // namespace portal::analysis
