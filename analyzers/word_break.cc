#include "analyzers/word_break.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string>

#include "analyzers/word_segments.h"

namespace portal::analysis {
namespace {

constexpr size_t kMaxWordBytes = 64;

// True when `part` is exactly one letter.
bool is_one_letter(std::string_view part) {
  if (part.empty()) return false;
  const auto* p = reinterpret_cast<const uint8_t*>(part.data());
  int32_t i = 0;
  const auto n = static_cast<int32_t>(part.size());
  UChar32 c;
  U8_NEXT(p, i, n, c);
  return i == n && c >= 0 && u_isalpha(c);
}

// "N.A.T.O" -> "NATO" when every dot-separated part is one letter; otherwise
// the word unchanged ("3.5", "example.com").
std::string drop_acronym_dots(std::string_view word) {
  if (word.find('.') == std::string_view::npos) return std::string(word);
  std::string out;
  size_t part_start = 0;
  for (size_t i = 0; i <= word.size(); ++i) {
    if (i < word.size() && word[i] != '.') continue;
    std::string_view part = word.substr(part_start, i - part_start);
    if (!is_one_letter(part)) return std::string(word);
    out.append(part);
    part_start = i + 1;
  }
  return out;
}

// The term of a compound written as `whole`: its parts, joined.
std::string compound_term(std::string_view whole) {
  std::string term;
  size_t part_start = 0;
  for (size_t i = 0; i <= whole.size();) {
    size_t hyphen = 0;  // bytes of a hyphen at i
    if (i < whole.size()) {
      for (std::string_view h : kHyphens)
        if (whole.substr(i).starts_with(h)) hyphen = h.size();
      if (hyphen == 0) {
        ++i;
        continue;
      }
    }
    term += drop_acronym_dots(whole.substr(part_start, i - part_start));
    i += hyphen == 0 ? 1 : hyphen;
    part_start = i;
  }
  return term;
}

class IcuWordBreak final : public Tokenizer {
 public:
  explicit IcuWordBreak(bool scan) : scan_(scan) {}

  void words(std::string_view text, std::vector<WordSpan>& out,
             uint32_t first_position) const override {
    thread_local std::vector<Segment> segments;
    segments.clear();
    if (scan_)
      scan_segments(text, segments);
    else
      icu_segments(text, segments);

    // Grown geometrically: a caller may append text by text (a snippet
    // analyses its text in steps).
    if (const size_t needed = out.size() + segments.size(); needed > out.capacity())
      out.reserve(std::max(needed, 2 * out.capacity()));
    uint32_t position = first_position;
    for (size_t i = 0; i < segments.size();) {
      if (segments[i].start < 0) {
        ++i;
        continue;
      }
      // Extend over word (hyphen word)* with no gaps between them.
      size_t last = i;
      while (last + 2 < segments.size() && segments[last + 1].start < 0 &&
             segments[last + 2].start >= 0 && adjacent(text, segments[last], segments[last + 2])) {
        last += 2;
      }
      if (last > i) {
        WordSpan whole{static_cast<uint32_t>(segments[i].start),
                       static_cast<uint32_t>(segments[last].end), position, true};
        std::string_view written = text.substr(whole.start, whole.end - whole.start);
        if (written.size() <= kMaxWordBytes || compound_term(written).size() <= kMaxWordBytes)
          out.push_back(whole);
      }
      for (size_t k = i; k <= last; k += 2) {
        if (segments[k].end - segments[k].start > static_cast<int32_t>(kMaxWordBytes)) continue;
        out.push_back({static_cast<uint32_t>(segments[k].start),
                       static_cast<uint32_t>(segments[k].end), position++, false});
      }
      i = last + 1;
    }
  }

  Token raw_token(std::string_view text, const WordSpan& word) const override {
    std::string_view written = text.substr(word.start, word.end - word.start);
    Token token;
    token.term = word.compound ? compound_term(written) : drop_acronym_dots(written);
    token.start = word.start;
    token.end = word.end;
    token.position = word.position;
    token.compound = word.compound;
    return token;
  }

 private:
  bool scan_;  // scan_segments() rather than icu_segments()

  // True when `a` and `b` are separated by exactly one hyphen.
  static bool adjacent(std::string_view text, Segment a, Segment b) {
    return is_hyphen(text.substr(static_cast<size_t>(a.end), static_cast<size_t>(b.start - a.end)));
  }
};

}  // namespace

std::unique_ptr<Tokenizer> icu_word_break() { return std::make_unique<IcuWordBreak>(true); }

std::unique_ptr<Tokenizer> icu_only_word_break() { return std::make_unique<IcuWordBreak>(false); }

}  // namespace portal::analysis
