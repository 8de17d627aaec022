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

#include "searchd/searcher.h"
#include "searchd/snippets.h"

namespace portal {

// Snippet length in bytes.
inline constexpr size_t kSnippetBytes = 240;

// The document with id `id`, if any.
std::optional<Xapian::Document> find_document(Xapian::Database& db, const std::string& id);

// A hit for `doc`. `highlighter` may be null (no query words: no marks, the
// snippet is the start of the body).
Hit make_hit(Xapian::Database& db, const Xapian::Document& doc, double score,
             const Highlighter* highlighter);

// The ids of the other-language versions of `doc`.
std::vector<std::string> translation_ids(Xapian::Database& db, const Xapian::Document& doc);

}  // namespace portal
