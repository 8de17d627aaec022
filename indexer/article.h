// The article model and its JSON Lines encoding.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/schema.h"

namespace portal {

struct Article {
  std::string id;
  std::string title;
  std::string body;  // plain text
  std::string lang;  // normalised primary tag ("en"), may be empty (detected)
  std::string summary;
  std::string date;  // ISO 8601 as given (validated)
  std::string day;   // "YYYY-MM-DD" from `date`; empty when there is no date
  std::vector<std::string> topics;
  std::string type;
  std::string url;
  std::string translation_group;
  std::vector<std::string> translations;
  // Values of the configured extra facet fields, by article field name
  // ("places" -> {"Kyiv", "Lviv"}); only non-empty lists are present.
  std::map<std::string, std::vector<std::string>> extra_fields;
  // A tombstone ({"id": ..., "deleted": true}): the article is to be removed.
  bool deleted = false;
  // The source object as JSON, unknown fields included, with the known fields
  // cleaned: stored with the document (see schema.h, "Stored document data").
  std::string raw_json;
  // The same without "body", when the body is longer than kSplitBodyBytes
  // and is stored apart (stored_data.h); else empty.
  std::string stored_head;
};

// A document that cannot be indexed; the message says why.
class ArticleError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Parses one JSON object. Strings are cleaned of control characters (see
// text_clean.h); `body_html` (used when `body` is absent) is reduced to its
// main text as for HTML pages. Throws ArticleError on invalid UTF-8, invalid
// JSON, a missing or empty `id` or `title` (except in a tombstone), an
// unparseable `date`, or a field of the wrong type (an extra field may be a
// string or an array of strings).
Article parse_article(std::string_view json_line,
                      const std::vector<schema::ExtraField>& extra_fields = {});

}  // namespace portal
