// Ukrainian lemmatisation: hunspell with the Debian uk_UA dictionary
// (/usr/share/hunspell/uk_UA.{aff,dic}, package hunspell-uk) gives the
// dictionary forms of a word (`санкціями` -> `санкція`; several for an
// ambiguous word, all kept); words it does not know fall back to suffix
// stripping (uk_suffix_stemmer.h).
//
// Capitalisation matters to the dictionary (`Київ` is the city, `київ` a form
// of `кий`), so every word is looked up capitalised, which hunspell reads both
// ways: `київ`, typed in a query, and `Київ` in a text both give `кий` and
// `київ` (the city).
//
// The dictionary is loaded once per process, on first use (about 0.3 s).
// Thread-safe: hunspell calls are serialised, and results are cached in a
// process-wide cache read under a shared lock.
#pragma once

#include <memory>

#include "analyzers/stemming.h"

namespace portal::analysis {

// The process-wide lemmatizer. Throws std::runtime_error on first use if the
// dictionary is missing.
std::shared_ptr<const WordStemmer> ukrainian_lemmatizer();

}  // namespace portal::analysis
