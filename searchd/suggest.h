// Search-box completions: frequent title words starting with what the visitor
// is typing (ranked by how many documents have them), then titles of the best
// documents matching the words typed so far with the last one as a prefix.
//
// Thread safety: reads `db`, which belongs to the caller's thread.
#pragma once

#include <xapian.h>

#include <vector>

#include "searchd/searcher.h"

namespace portal {

std::vector<Suggestion> suggestions(Xapian::Database& db, const SuggestRequest& request);

}  // namespace portal
