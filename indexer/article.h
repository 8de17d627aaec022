// The article model and its JSON Lines encoding.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace portal {

struct Article {
  std::string id;
  std::string title;
  std::string body;  // plain text
  std::string lang;  // ISO 639-1, may be empty (detected)
  std::string summary;
  std::string date;  // ISO 8601 as given
  std::vector<std::string> topics;
  std::string type;
  std::string url;
  std::string translation_group;
  std::vector<std::string> translations;
  // The source object as JSON, unknown fields included: stored with the document.
  std::string raw_json;
};

// A document that cannot be indexed; the message says why.
class ArticleError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Parses one JSON object. Throws ArticleError on invalid JSON, a missing `id`
// or `title`, or a field of the wrong type.
Article parse_article(std::string_view json_line);

}  // namespace portal
