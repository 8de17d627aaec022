#include "analyzers/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <stdexcept>

namespace portal::analysis {
namespace {

bool is_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

const icu::Normalizer2& nfkc_casefold() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU NFKC_Casefold unavailable");
    return n;
  }();
  return *instance;
}

bool is_apostrophe(char16_t c) {
  return c == u'\u2019' || c == u'\u02BC' || c == u'\u2018' || c == u'`' || c == u'\u02BB';
}

// Latin letters with diacritics -> ASCII replacement, for U+00C0..U+024F and
// U+1E00..U+1EFF, built once from the canonical decompositions.
class LatinFoldTable {
 public:
  LatinFoldTable() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU NFD unavailable");
    auto fill = [&](UChar32 first, UChar32 last) {
      for (UChar32 c = first; c <= last; ++c) {
        icu::UnicodeString d;
        if (!nfd->getDecomposition(c, d) || d.length() == 0) continue;
        char16_t base = d.charAt(0);
        if (base < 0x80 && std::isalpha(base)) set(c, std::string(1, static_cast<char>(base)));
      }
    };
    fill(0xC0, 0x24F);
    fill(0x1E00, 0x1EFF);
    set(0xE6, "ae");
    set(0x153, "oe");
    set(0xF8, "o");
    set(0x111, "d");
    set(0x142, "l");
    set(0xDF, "ss");
    set(0x131, "i");
    set(0xFE, "th");
  }
  const std::string* find(UChar32 c) const {
    const std::string* s = nullptr;
    if (c >= 0xC0 && c <= 0x24F)
      s = &low_[static_cast<size_t>(c - 0xC0)];
    else if (c >= 0x1E00 && c <= 0x1EFF)
      s = &high_[static_cast<size_t>(c - 0x1E00)];
    return s && !s->empty() ? s : nullptr;
  }

 private:
  void set(UChar32 c, std::string v) {
    if (c >= 0xC0 && c <= 0x24F) low_[static_cast<size_t>(c - 0xC0)] = std::move(v);
    if (c >= 0x1E00 && c <= 0x1EFF) high_[static_cast<size_t>(c - 0x1E00)] = std::move(v);
  }
  std::array<std::string, 0x24F - 0xC0 + 1> low_;
  std::array<std::string, 0x1EFF - 0x1E00 + 1> high_;
};

const LatinFoldTable& latin_fold_table() {
  static const LatinFoldTable table;
  return table;
}

// fold_case() through ICU (any text).
void fold_case_icu(std::string& word) {
  thread_local icu::UnicodeString source, folded, clean;
  source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  UErrorCode status = U_ZERO_ERROR;
  nfkc_casefold().normalize(source, folded, status);
  if (U_FAILURE(status)) return;
  clean.remove();
  for (int32_t i = 0; i < folded.length(); ++i) {
    char16_t c = folded.charAt(i);
    if (c >= 0x300 && c <= 0x36F) continue;  // combining marks: stress, ...
    if (c == u'\u0451') c = u'\u0435';       // ё -> е
    if (is_apostrophe(c)) c = u'\'';
    clean.append(c);
  }
  word.clear();
  clean.toUTF8String(word);
}

// The folds of the code points of one or two UTF-8 bytes (U+0000..U+07FF:
// Latin, Greek, Cyrillic and a few more scripts), each as fold_case_icu()
// gives it alone, for those that NFKC_Casefold never joins with a neighbour
// (a normalisation boundary before them). A word made only of those folds
// to the concatenation of their folds: ICU is asked only about the others
// (combining marks, other scripts, typographic apostrophes).
class CaseFoldTable {
 public:
  CaseFoldTable() {
    const icu::Normalizer2& n = nfkc_casefold();
    for (UChar32 c = 0; c < kSize; ++c) {
      if (!n.hasBoundaryBefore(c)) continue;
      uint8_t utf8[U8_MAX_LENGTH];
      int32_t len = 0;
      U8_APPEND_UNSAFE(utf8, len, c);
      std::string one(reinterpret_cast<const char*>(utf8), static_cast<size_t>(len));
      fold_case_icu(one);
      folds_[static_cast<size_t>(c)] = std::move(one);
      fast_[static_cast<size_t>(c)] = true;
    }
  }
  // Appends the fold of `c` to `out`; false when `c` is not in the table.
  bool append(UChar32 c, std::string& out) const {
    if (c < 0 || c >= kSize || !fast_[static_cast<size_t>(c)]) return false;
    out += folds_[static_cast<size_t>(c)];
    return true;
  }

 private:
  static constexpr UChar32 kSize = 0x800;
  std::array<std::string, kSize> folds_;
  std::array<bool, kSize> fast_{};
};

const CaseFoldTable& case_fold_table() {
  static const CaseFoldTable table;
  return table;
}

class CaseFold final : public Stage {
 public:
  void apply(std::string_view, std::span<Token> tokens) const override {
    for (auto& t : tokens) fold_case(t.term);
  }
};

class AccentFold final : public Stage {
 public:
  void apply(std::string_view, std::span<Token> tokens) const override {
    for (auto& t : tokens) {
      fold_accents(t.term);
      for (auto& s : t.stems) fold_accents(s);
    }
  }
};

}  // namespace

void fold_case(std::string& word) {
  if (is_ascii(word)) {
    for (char& c : word)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return;
  }
  const auto& table = case_fold_table();
  thread_local std::string out;
  out.clear();
  const auto* p = reinterpret_cast<const uint8_t*>(word.data());
  const auto n = static_cast<int32_t>(word.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (!table.append(c, out)) {
      fold_case_icu(word);
      return;
    }
  }
  word.swap(out);
}

void fold_accents(std::string& word) {
  if (is_ascii(word)) return;
  const auto& table = latin_fold_table();
  const auto* p = reinterpret_cast<const uint8_t*>(word.data());
  const auto n = static_cast<int32_t>(word.size());
  // Fast check: anything to fold?
  bool any = false;
  for (int32_t i = 0; i < n && !any;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    any = table.find(c) != nullptr;
  }
  if (!any) return;
  std::string out;
  out.reserve(word.size());
  for (int32_t i = 0; i < n;) {
    int32_t begin = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (const std::string* r = table.find(c))
      out += *r;
    else
      out.append(word, static_cast<size_t>(begin), static_cast<size_t>(i - begin));
  }
  word.swap(out);
}

std::unique_ptr<Stage> case_fold() { return std::make_unique<CaseFold>(); }
std::unique_ptr<Stage> accent_fold() { return std::make_unique<AccentFold>(); }

}  // namespace portal::analysis
