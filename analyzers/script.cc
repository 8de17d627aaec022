#include "analyzers/script.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

namespace portal::analysis {
namespace {

template <typename F>
bool any_code_point(std::string_view s, F f) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0;
  const auto n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0 && f(c)) return true;
  }
  return false;
}

}  // namespace

Script script_of(std::string_view word) {
  Script out = Script::kOther;
  any_code_point(word, [&](UChar32 c) {
    if (!u_isalpha(c)) return false;
    if (c < 0x250 || (c >= 0x1E00 && c <= 0x1EFF))
      out = Script::kLatin;
    else if (c >= 0x400 && c <= 0x52F)
      out = Script::kCyrillic;
    return true;
  });
  return out;
}

bool has_script(std::string_view text, Script script) {
  return any_code_point(text, [&](UChar32 c) {
    if (!u_isalpha(c)) return false;
    bool latin = c < 0x250 || (c >= 0x1E00 && c <= 0x1EFF);
    bool cyrillic = c >= 0x400 && c <= 0x52F;
    return script == Script::kLatin ? latin : script == Script::kCyrillic && cyrillic;
  });
}

bool starts_upper_case(std::string_view word) {
  if (word.empty()) return false;
  const auto* p = reinterpret_cast<const uint8_t*>(word.data());
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(p, i, static_cast<int32_t>(word.size()), c);
  return c >= 0 && u_isupper(c);
}

std::string capitalize(std::string_view word) {
  if (word.empty()) return {};
  const auto* p = reinterpret_cast<const uint8_t*>(word.data());
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(p, i, static_cast<int32_t>(word.size()), c);
  if (c < 0) return std::string(word);
  uint8_t buf[U8_MAX_LENGTH];
  int32_t len = 0;
  U8_APPEND_UNSAFE(buf, len, u_totitle(c));
  std::string out(reinterpret_cast<const char*>(buf), static_cast<size_t>(len));
  out.append(word.substr(static_cast<size_t>(i)));
  return out;
}

bool has_ukrainian_letters(std::string_view word) {
  return any_code_point(word, [](UChar32 c) {
    switch (c) {
      case 0x0456:
      case 0x0406:  // і І
      case 0x0457:
      case 0x0407:  // ї Ї
      case 0x0454:
      case 0x0404:  // є Є
      case 0x0491:
      case 0x0490:  // ґ Ґ
        return true;
      default:
        return false;
    }
  });
}

bool has_russian_letters(std::string_view word) {
  return any_code_point(word, [](UChar32 c) {
    switch (c) {
      case 0x044B:
      case 0x042B:  // ы Ы
      case 0x044D:
      case 0x042D:  // э Э
      case 0x044A:
      case 0x042A:  // ъ Ъ
      case 0x0451:
      case 0x0401:  // ё Ё
        return true;
      default:
        return false;
    }
  });
}

}  // namespace portal::analysis
