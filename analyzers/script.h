// Small Unicode helpers on UTF-8 words: which script a word is written in and
// whether it starts with a capital letter. Thread-safe (pure functions).
#pragma once

#include <string>
#include <string_view>

namespace portal::analysis {

enum class Script { kOther, kLatin, kCyrillic };

// The script of the first letter of `word` (kOther when it has none in
// Latin or Cyrillic, e.g. digits only or CJK).
Script script_of(std::string_view word);

// True when `text` has a letter of `script` (Latin or Cyrillic).
bool has_script(std::string_view text, Script script);

// True when the first code point of `word` is an upper-case letter.
bool starts_upper_case(std::string_view word);

// `word` with its first letter in upper case (title case), the rest as is.
std::string capitalize(std::string_view word);

// True when `word` contains a letter used in Ukrainian but not in Russian
// (і ї є ґ) / in Russian but not in Ukrainian (ы э ъ ё), either case.
bool has_ukrainian_letters(std::string_view word);
bool has_russian_letters(std::string_view word);

}  // namespace portal::analysis
