#include "analyzers/word_segments.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <array>
#include <memory>
#include <stdexcept>

namespace portal::analysis {
namespace {

// What a code point is to the scan.
enum class Kind : uint8_t {
  kLetter,  // a letter (Latin, Cyrillic, Greek), an ASCII digit or '@': runs are words
  kSpace,   // ASCII white space: a stretch ends before it
  kPunct,   // breaks on both sides, never part of a word
  // Between two letters or two digits these may join them into one word
  // (UAX #29 WB6, WB7, WB11, WB12); elsewhere they break:
  kMidNum,   // ',' ';': join two digits
  kMidBoth,  // '.', apostrophes: join two letters or two digits
  kMidIcu,   // others (ICU's root rules leave ':' out): ICU decides
  kIcu,      // anything else: left to ICU
};

bool is_mid(Kind k) { return k == Kind::kMidNum || k == Kind::kMidBoth || k == Kind::kMidIcu; }

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

Kind classify(UChar32 c) {
  if (c < 0) return Kind::kIcu;  // invalid UTF-8
  if (c < 0x80) {
    // ICU counts '@' among letters, for e-mail addresses.
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '@')
      return Kind::kLetter;
    switch (c) {
      case ' ':
      case '\t':
      case '\n':
      case '\v':
      case '\f':
      case '\r':
        return Kind::kSpace;
      case '\'':
      case '.':
        return Kind::kMidBoth;
      case ':':
        return Kind::kMidIcu;
      case ',':
      case ';':
        return Kind::kMidNum;
      case '_':  // joins words (ExtendNumLet)
        return Kind::kIcu;
      default:
        return Kind::kPunct;
    }
  }
  // Scripts written without spaces (Thai, Tai Tham...): ICU's dictionaries.
  if (u_getIntPropertyValue(c, UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT) return Kind::kIcu;
  switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
    case U_WB_ALETTER: {
      UErrorCode status = U_ZERO_ERROR;
      switch (uscript_getScript(c, &status)) {
        case USCRIPT_LATIN:
        case USCRIPT_CYRILLIC:
        case USCRIPT_GREEK:
        case USCRIPT_COMMON:  // e.g. U+02BC, the Ukrainian apostrophe
          return U_SUCCESS(status) ? Kind::kLetter : Kind::kIcu;
        default:
          return Kind::kIcu;
      }
    }
    case U_WB_MIDNUMLET:
      // The quotation marks used as apostrophes (l’OTAN, об’єкт).
      if (c == 0x2018 || c == 0x2019) return Kind::kMidBoth;
      return Kind::kMidIcu;
    case U_WB_MIDLETTER:
    case U_WB_MIDNUM:
    case U_WB_SINGLE_QUOTE:
      return Kind::kMidIcu;
    case U_WB_WSEGSPACE:
      return Kind::kPunct;
    case U_WB_OTHER:
      switch (u_charType(c)) {
        case U_DASH_PUNCTUATION:
        case U_START_PUNCTUATION:
        case U_END_PUNCTUATION:
        case U_INITIAL_PUNCTUATION:
        case U_FINAL_PUNCTUATION:
        case U_OTHER_PUNCTUATION:
        case U_SPACE_SEPARATOR:
          return Kind::kPunct;
        default:
          return Kind::kIcu;
      }
    default:
      return Kind::kIcu;
  }
}

// Kinds of the code points below U+2070 (Latin, Greek, Cyrillic and general
// punctuation), looked up rather than asked of ICU.
constexpr UChar32 kTabled = 0x2070;
using KindTable = std::array<Kind, kTabled>;

const KindTable& kind_table() {
  static const KindTable table = [] {
    KindTable t{};
    for (UChar32 i = 0; i < kTabled; ++i) t[static_cast<size_t>(i)] = classify(i);
    return t;
  }();
  return table;
}

// Reads `text` a code point at a time.
class Reader {
 public:
  explicit Reader(std::string_view text)
      : p_(reinterpret_cast<const uint8_t*>(text.data())), n_(text.size()), kinds_(kind_table()) {}

  // The kind of the code point at `i`; moves `i` past it.
  Kind next(size_t& i) const {
    if (p_[i] < 0x80) return kinds_[p_[i++]];
    return next_non_ascii(i);
  }
  // Moves `i` past the letters of one- and two-byte UTF-8 sequences that
  // follow it (the rest of most words).
  size_t skip_letters(size_t i) const {
    while (i < n_) {
      if (p_[i] < 0x80) {
        if (kinds_[p_[i]] != Kind::kLetter) break;
        ++i;
      } else if (p_[i] >= 0xC2 && p_[i] < 0xE0 && i + 1 < n_ && (p_[i + 1] & 0xC0) == 0x80) {
        const size_t c = static_cast<size_t>(p_[i] & 0x1F) << 6 | (p_[i + 1] & 0x3F);
        if (kinds_[c] != Kind::kLetter) break;
        i += 2;
      } else {
        break;
      }
    }
    return i;
  }

 private:
  Kind next_non_ascii(size_t& i) const {
    auto at = static_cast<int32_t>(i);
    UChar32 c;
    U8_NEXT(p_, at, static_cast<int32_t>(n_), c);
    i = static_cast<size_t>(at);
    return c >= 0 && c < kTabled ? kinds_[static_cast<size_t>(c)] : classify(c);
  }

  const uint8_t* p_;
  size_t n_;
  const KindTable& kinds_;
};

// ICU's segments of text[from, to), appended to `out`.
void icu_range(std::string_view text, size_t from, size_t to, std::vector<Segment>& out) {
  thread_local std::unique_ptr<icu::BreakIterator> words = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) it.reset();
    return it;
  }();
  if (!words) throw std::runtime_error("ICU word break iterator unavailable");
  std::string_view part = text.substr(from, to - from);
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUTF8(&ut, part.data(), static_cast<int64_t>(part.size()), &status);
  words->setText(&ut, status);
  if (U_FAILURE(status)) {
    utext_close(&ut);
    return;
  }
  const auto base = static_cast<int32_t>(from);
  int32_t start = words->first();
  for (int32_t end = words->next(); end != icu::BreakIterator::DONE;
       start = end, end = words->next()) {
    if (words->getRuleStatus() != UBRK_WORD_NONE) {
      out.push_back({base + start, base + end});
    } else if (is_hyphen(part.substr(start, end - start))) {
      out.push_back({-1, base + end});
    }
  }
  words->setText(icu::UnicodeString());
  utext_close(&ut);
}

}  // namespace

void icu_segments(std::string_view text, std::vector<Segment>& out) {
  icu_range(text, 0, text.size(), out);
}

void scan_segments(std::string_view text, std::vector<Segment>& out) {
  const Reader reader(text);
  const size_t n = text.size();
  const size_t first = out.size();
  size_t stretch = 0;  // where the stretch being read starts: just after a space
  long run = -1;       // where the word being read starts, if any
  auto end_run = [&](size_t at) {
    if (run >= 0) out.push_back({static_cast<int32_t>(run), static_cast<int32_t>(at)});
    run = -1;
  };
  for (size_t i = 0; i < n;) {
    const size_t at = i;
    Kind kind = reader.next(i);
    if (is_mid(kind) && run >= 0 && i < n) {
      // After a letter or digit: does it join the next one to it? A letter
      // of the run is an ASCII digit or not a digit at all.
      size_t after = i;
      const Kind next = reader.next(after);
      if (next == Kind::kIcu || (next == Kind::kLetter && kind == Kind::kMidIcu)) {
        kind = Kind::kIcu;
      } else if (next == Kind::kLetter) {
        const bool digits = is_ascii_digit(text[at - 1]);
        if (digits == is_ascii_digit(text[i]) &&
            (kind == Kind::kMidBoth || (kind == Kind::kMidNum) == digits)) {
          i = reader.skip_letters(after);  // the word goes on
          continue;
        }
      }
    }
    switch (kind) {
      case Kind::kLetter:
        if (run < 0) run = static_cast<long>(at);
        i = reader.skip_letters(i);
        break;
      case Kind::kSpace:
        end_run(at);
        stretch = i;
        break;
      case Kind::kMidNum:
      case Kind::kMidBoth:
      case Kind::kMidIcu:
      case Kind::kPunct:
        end_run(at);
        if (is_hyphen(text.substr(at, i - at))) out.push_back({-1, static_cast<int32_t>(i)});
        break;
      case Kind::kIcu: {
        // The whole stretch goes to ICU, with the space before it when this
        // is its first character (a combining mark joins that space).
        const size_t from = at == stretch && stretch > 0 ? stretch - 1 : stretch;
        while (out.size() > first && out.back().end > static_cast<int32_t>(from)) out.pop_back();
        run = -1;
        size_t to = text.find_first_of(" \t\n\v\f\r", i);
        if (to == std::string_view::npos) to = n;
        icu_range(text, from, to, out);
        i = to;
        stretch = to;
        break;
      }
    }
  }
  end_run(n);
}

}  // namespace portal::analysis
