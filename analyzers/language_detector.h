// Language detection of article text with CLD2 (libcld2). Reliable on
// sentences, not on short queries (a single Ukrainian word may come back as
// English): queries use query_languages() in searchd/query_terms.h instead.
// Thread-safe (CLD2 keeps no state between calls).
#pragma once

#include <string>
#include <string_view>

namespace portal::analysis {

// The ISO 639-1 code of the language of `text` ("uk", "fr", ...), or "" when
// CLD2 is unsure (too little text, mixed languages, unknown language).
std::string detect_language(std::string_view text);

}  // namespace portal::analysis
