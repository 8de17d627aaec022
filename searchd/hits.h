// Turning stored documents into hits: display fields from the stored article
// JSON, highlighted title and snippet, and links to the article's
// translations (its stored `translations` ids and the other members of its
// translation group).
//
// Thread safety: the functions only read `db`, which belongs to the caller's
// thread.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "searchd/searcher.h"
#include "searchd/snippets.h"

namespace portal {

// Snippet length in bytes.
inline constexpr size_t kSnippetBytes = 240;

// The document with id `id`, if any.
std::optional<Xapian::Document> find_document(Xapian::Database& db, const std::string& id);

// A document and its score.
using ScoredDocument = std::pair<Xapian::Document, double>;

// The hits for `docs`, in order. `highlighter` may be null (no query words:
// no marks, the snippet is the start of the body). The links to their
// translations are read together: on a single `local` database, slot by
// slot along Xapian's value streams when they are many for its size.
std::vector<Hit> make_hits(Xapian::Database& db, const std::vector<ScoredDocument>& docs,
                           const Highlighter* highlighter, bool local);

// The ids of the other-language versions of `doc`.
std::vector<std::string> translation_ids(Xapian::Database& db, const Xapian::Document& doc);

}  // namespace portal
