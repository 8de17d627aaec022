// Cross-script keys: a loose ASCII form of a word under which a name written
// in Latin and in Cyrillic letters meet (`Zelensky`, `Zelenskyy`,
// `Зеленський`, `Зеленского` -> `zelensk`; `Stoltenberg`, `Столтенберга` ->
// `stoltenberh`; `Kyiv`, `Київ` -> `kiv`).
//
// The word is transliterated to ASCII with ICU (Any-Latin; Latin-ASCII), then
// loosened: only letters kept (apostrophes and soft signs go), digraphs that
// spell one Cyrillic letter folded (shch sh ch zh kh ts), g -> h, y j -> i,
// w -> v, i before a vowel dropped (ya, yu, ye), doubled letters collapsed,
// and one common inflectional ending stripped. Keys are deliberately lossy:
// search them at a lower weight than exact terms.
//
// Thread-safe: the transliterator and a cache of results are per thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "analyzers/chain.h"

namespace portal::analysis {

// The key of a folded word (Token::term); "" for words without Latin or
// Cyrillic letters and for keys shorter than three letters.
std::string cross_script_key(std::string_view term);

// Stage: sets Token::key for capitalised words (likely names), the only ones
// indexed under a key.
std::unique_ptr<Stage> name_keys();

}  // namespace portal::analysis
