// Rule-based Ukrainian stemmer for words the dictionary does not know (new
// names, rare words): strips the longest inflectional ending that leaves a
// stem of at least three letters (`зеленського` -> `зеленськ`). Thread-safe
// (pure function).
#pragma once

#include <string>
#include <string_view>

namespace portal::analysis {

// `word` is case-folded.
std::string ukrainian_suffix_stem(std::string_view word);

}  // namespace portal::analysis
