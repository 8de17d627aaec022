// Synonyms for known variants and renames of names (`NATO`, `OTAN`, `НАТО`;
// `Kiev`, `Kyiv`, `Київ`), read once from every data/synonyms/*.txt file: one
// group of equivalent words per line, separated by commas, `#` starts a
// comment. Used at query time only, so the list can grow without reindexing.
//
// Thread-safe: loaded once (on first use), read-only afterwards.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace portal::analysis {

// The other members of the groups of `term` (a folded Token::term), folded
// the same way; empty when it has none. Members may be several words.
const std::vector<std::string>& synonyms_of(std::string_view term);

}  // namespace portal::analysis
