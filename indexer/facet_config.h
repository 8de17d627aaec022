// The extra facet fields configuration (data/facets.json): a JSON array of
// {"field": ..., "param": ..., "slot": ...} objects, see schema::ExtraField.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/schema.h"

namespace portal {

// The configuration is unusable; the message names the file and the entry.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Parses the configuration text. Rejects (ConfigError) anything but an array
// of objects with exactly the keys field, param (non-empty strings; param of
// letters, digits, '_' and '-', and not a name of the search API's own) and
// slot (an integer >= schema::kFirstExtraSlot), and duplicated fields, params
// or slots. `source` names the text in messages.
std::vector<schema::ExtraField> parse_extra_fields(std::string_view json_text,
                                                   const std::string& source = "facets");

// Reads and parses the file. Throws ConfigError when it cannot be read.
std::vector<schema::ExtraField> load_extra_fields(const std::string& path);

// The configuration as parse_extra_fields() reads it (stored in the index
// under schema::kExtraFieldsKey).
std::string extra_fields_to_json(const std::vector<schema::ExtraField>& fields);

// The path of the configuration shipped with the source tree (data/facets.json).
std::string default_facets_path();

}  // namespace portal
