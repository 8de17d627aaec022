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

#include "searchd/facet_columns.h"
#include "searchd/searcher.h"
#include "searchd/snippets.h"

namespace portal {

// Snippet length in bytes.
inline constexpr size_t kSnippetBytes = 240;

// The document with id `id`, if any.
std::optional<Xapian::Document> find_document(Xapian::Database& db, const std::string& id);

// A document and its score.
using ScoredDocument = std::pair<Xapian::Document, double>;

// How make_hits() builds hits.
struct HitOptions {
  // Marks the query's words in titles and snippets; null (no query words):
  // no marks, and the snippet is the start of the body.
  const Highlighter* highlighter = nullptr;
  // False: no snippet, and the bodies are not scanned for one.
  bool snippets = true;
  // `db` is a single local database: the links to the hits' translations
  // may be read slot by slot along Xapian's value streams.
  bool local = false;
  // The translation groups of a local `db`'s revision with their documents
  // listed (FacetColumn::listed), or null: read from the index.
  const FacetColumn* groups = nullptr;
  // The columns of a local `db`'s revision, or null: the values of
  // hits_held_slots() are read from there when it holds them.
  const FacetColumns* columns = nullptr;
};

// The slots make_hits() reads, in the groups it reads together, smallest
// first: those FacetColumns may hold.
std::vector<std::vector<Xapian::valueno>> hits_held_slots();

// The hits for `docs`, in order. The links to their translations are read
// together: on a local database, along value streams when they are many for
// its size.
std::vector<Hit> make_hits(Xapian::Database& db, const std::vector<ScoredDocument>& docs,
                           const HitOptions& options);

// The ids of the other-language versions of `doc`.
std::vector<std::string> translation_ids(Xapian::Database& db, const Xapian::Document& doc);

}  // namespace portal
