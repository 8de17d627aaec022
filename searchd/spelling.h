// Spelling correction of query words for "did you mean".
//
// A word the index does not contain is replaced by the suggestion of Xapian's
// spelling table when the index has one (looked up by its spelling key where
// the index holds them: indexer/spelling_key.h), else by the most frequent
// indexed word within two edits that starts with the same letter.
//
// Thread safety: reads `db`, which belongs to the caller's thread.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

#include "searchd/query_parser.h"

namespace portal {

struct Correction {
  std::string query;  // the query with its misspelt words replaced
};

// Returns nothing when no word needs (or has) a correction.
std::optional<Correction> correct_spelling(Xapian::Database& db, const std::string& q,
                                           const std::vector<ParsedQuery::Word>& words);

// Levenshtein distance between two UTF-8 strings, in code points, capped at
// `limit` + 1.
unsigned edit_distance(const std::string& a, const std::string& b, unsigned limit);

}  // namespace portal
