// Reading the stored article (the article as a JSON object, as
// decode_stored() gives it from document data; see indexer/schema.h) for
// display. Only the fields a hit shows are read, with
// simdjson: a hit's stored body can be tens of kilobytes, and results read ten
// of them per page.
//
// Thread safety: each thread parses with a parser of its own.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace portal {

// The display fields of a stored article. A field that is missing or not of
// the expected type is left empty, as is every field of text that is not a
// JSON object.
struct StoredArticle {
  std::string id, lang, title, url, date, type, summary, body;
  std::vector<std::string> topics;        // its strings only
  std::vector<std::string> translations;  // ids of its other-language versions
};

StoredArticle read_stored(std::string_view json);

// The display fields of the article `doc` stores; its body only when the
// body is not stored apart (indexer/stored_data.h, StoredParts).
StoredArticle read_stored(const Xapian::Document& doc);

}  // namespace portal
