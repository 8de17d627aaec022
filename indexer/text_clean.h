// Validation and cleaning of input text: UTF-8 checks and control characters.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace portal {

// True when `s` is well-formed UTF-8 (no overlong forms, surrogates or code
// points above U+10FFFF). Otherwise false, with the offset of the first bad
// byte in `*bad_offset` when given.
bool is_valid_utf8(std::string_view s, size_t* bad_offset = nullptr);

// A one-line value (title, topic, facet value...): control characters (C0,
// DEL, C1; tabs and newlines included) become spaces, runs of white space
// collapse to one space, and the ends are trimmed. Input must be valid UTF-8.
std::string clean_value(std::string_view s);

// Running text (body, summary): control characters other than tab and newline
// are dropped; "\r\n" and lone "\r" become "\n". Input must be valid UTF-8.
std::string clean_text(std::string_view s);

}  // namespace portal
