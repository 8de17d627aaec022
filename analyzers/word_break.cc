#include "analyzers/word_break.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <stdexcept>
#include <string>

namespace portal::analysis {
namespace {

constexpr size_t kMaxWordBytes = 64;

struct Segment {
  int32_t start, end;
};

// A hyphen joining two parts of a compound: ASCII hyphen-minus, U+2010
// hyphen, U+2011 non-breaking hyphen.
bool is_hyphen(std::string_view s) { return s == "-" || s == "\u2010" || s == "\u2011"; }

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

class IcuWordBreak final : public Tokenizer {
 public:
  void tokenize(std::string_view text, std::vector<Token>& out,
                uint32_t first_position) const override {
    thread_local std::unique_ptr<icu::BreakIterator> words = [] {
      UErrorCode status = U_ZERO_ERROR;
      std::unique_ptr<icu::BreakIterator> it(
          icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
      if (U_FAILURE(status)) it.reset();
      return it;
    }();
    thread_local std::vector<Segment> segments;
    if (!words) throw std::runtime_error("ICU word break iterator unavailable");

    UErrorCode status = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    utext_openUTF8(&ut, text.data(), static_cast<int64_t>(text.size()), &status);
    words->setText(&ut, status);
    if (U_FAILURE(status)) {
      utext_close(&ut);
      return;
    }
    segments.clear();
    // Word segments, and the hyphen segments between two of them (marked by a
    // negative start) so compounds can be found.
    int32_t start = words->first();
    for (int32_t end = words->next(); end != icu::BreakIterator::DONE;
         start = end, end = words->next()) {
      if (words->getRuleStatus() != UBRK_WORD_NONE) {
        segments.push_back({start, end});
      } else if (is_hyphen(text.substr(start, end - start))) {
        segments.push_back({-1, end});
      }
    }
    words->setText(icu::UnicodeString());
    utext_close(&ut);

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
        Token whole;
        for (size_t k = i; k <= last; k += 2)
          whole.term += drop_acronym_dots(slice(text, segments[k]));
        whole.start = static_cast<uint32_t>(segments[i].start);
        whole.end = static_cast<uint32_t>(segments[last].end);
        whole.position = position;
        whole.compound = true;
        if (whole.term.size() <= kMaxWordBytes) out.push_back(std::move(whole));
      }
      for (size_t k = i; k <= last; k += 2) emit(text, segments[k], position, out);
      i = last + 1;
    }
  }

 private:
  static std::string_view slice(std::string_view text, Segment s) {
    return text.substr(static_cast<size_t>(s.start), static_cast<size_t>(s.end - s.start));
  }

  // True when `a` and `b` are separated by exactly one hyphen.
  static bool adjacent(std::string_view text, Segment a, Segment b) {
    return is_hyphen(text.substr(static_cast<size_t>(a.end), static_cast<size_t>(b.start - a.end)));
  }

  static void emit(std::string_view text, Segment s, uint32_t& position, std::vector<Token>& out) {
    std::string_view word = slice(text, s);
    if (word.size() > kMaxWordBytes) return;
    Token token;
    token.term = drop_acronym_dots(word);
    token.start = static_cast<uint32_t>(s.start);
    token.end = static_cast<uint32_t>(s.end);
    token.position = position++;
    out.push_back(std::move(token));
  }
};

}  // namespace

std::unique_ptr<Tokenizer> icu_word_break() { return std::make_unique<IcuWordBreak>(); }

}  // namespace portal::analysis
