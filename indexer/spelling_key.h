// How a word is stored in the spelling table.
//
// Xapian 1.4 finds spelling candidates by the byte n-grams of a word (its
// first two bytes, its last two, every three in a row). A Cyrillic letter
// is two bytes in UTF-8, so a Russian or Ukrainian word gets twice the
// n-grams of an English one, each a letter and a half long: they tell words
// apart so poorly that a suggestion for a misspelt Cyrillic word took tens
// of milliseconds on the sample corpus (an English one under one), and
// building the table cost twice as much. A word made only of ASCII and the
// lower-case letters used in Russian and Ukrainian (and the other letters of
// U+0430..U+045F, and ґ) is therefore stored one byte a letter: ASCII as it
// is, each of those letters as one byte of 0x80..0xB0. Such a key is never
// valid UTF-8 (those bytes continue a character, and it has no lead byte),
// so keys and words cannot be confused; every other word is stored as it is.
//
// spelling_key() and spelling_word() are pure functions: thread-safe.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace portal {

// The spelling-table key of a normalised word (a surface term).
std::string spelling_key(std::string_view word);

// The word a spelling-table key (or Xapian's suggestion from such keys)
// stands for: the inverse of spelling_key(); an empty key gives "".
std::string spelling_word(std::string_view key);

// Spelling-table changes: keys (or words) with a frequency to add (> 0) or
// take away (< 0).
using SpellingChanges = std::vector<std::pair<std::string, long>>;

// Applies `changes` to `db`'s spelling table in the keys' byte order (and
// empties it). Xapian 1.4 files each word new to the table under each of its
// n-grams, in a std::set per n-gram; words given in order land at the sets'
// ends, which took half the time of a hash table's order for the sample
// corpus's 68,349 words.
void apply_spelling_changes(Xapian::WritableDatabase& db, SpellingChanges& changes);

}  // namespace portal
