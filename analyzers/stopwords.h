// Stop words: plain lists in data/stopwords/<lang>.txt (one word per line,
// `#` starts a comment). Stop words stay indexed with positions, so phrases
// containing them match, but they are marked (Token::stop) and get no stems:
// a query does not require a lone stop word, as Xapian's QueryParser does.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>

#include "analyzers/chain.h"

namespace portal::analysis {

using StopList = std::unordered_set<std::string>;

// Reads the list for `lang`, each word folded like a token (fold_case).
// Throws std::runtime_error when the file is missing or unreadable.
std::shared_ptr<const StopList> load_stopwords(std::string_view lang);

// Stage: marks the tokens whose (case-folded) term is in the list.
std::unique_ptr<Stage> mark_stopwords(std::shared_ptr<const StopList> list);

}  // namespace portal::analysis
