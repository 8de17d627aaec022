#include "indexer/facet_config.h"

#include "analyzers/data_dir.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace portal {
namespace {

using nlohmann::json;

bool valid_param(const std::string& p) {
  if (p.empty()) return false;
  for (char c : p) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

bool core_field(const std::string& f) {
  static const std::set<std::string> core = {
      "id",     "title", "body", "body_html",         "lang",         "summary", "date",
      "topics", "type",  "url",  "translation_group", "translations", "deleted"};
  return core.count(f) > 0;
}

// Names a facet's param may not take: the search API's own parameters and
// facets, and the value that asks for no facet list (`facets=none`).
bool reserved_param(const std::string& p) {
  static const std::set<std::string> reserved = {
      "q",    "page",  "per_page", "sort", "ui_lang", "collapse", "recency",    "from",     "to",
      "lang", "topic", "type",     "year", "month",   "facets",   "facet_size", "snippets", "none"};
  return reserved.count(p) > 0;
}

}  // namespace

std::vector<schema::ExtraField> parse_extra_fields(std::string_view json_text,
                                                   const std::string& source) {
  json doc;
  try {
    doc = json::parse(json_text);
  } catch (const json::exception& e) {
    throw ConfigError(source + ": invalid JSON: " + e.what());
  }
  if (!doc.is_array()) throw ConfigError(source + ": expected a JSON array of facet fields");
  std::vector<schema::ExtraField> out;
  std::set<std::string> fields, params;
  std::set<Xapian::valueno> slots;
  for (size_t i = 0; i < doc.size(); ++i) {
    const json& e = doc[i];
    std::string where = source + ": entry " + std::to_string(i + 1) + ": ";
    if (!e.is_object()) throw ConfigError(where + "expected an object");
    for (const auto& [key, value] : e.items()) {
      if (key != "field" && key != "param" && key != "slot")
        throw ConfigError(where + "unknown key '" + key + "'");
    }
    if (!e.contains("field") || !e["field"].is_string() || e["field"].get<std::string>().empty())
      throw ConfigError(where + "'field' must be a non-empty string");
    if (!e.contains("param") || !e["param"].is_string() ||
        !valid_param(e["param"].get<std::string>()))
      throw ConfigError(where + "'param' must be a name of letters, digits, '_' or '-'");
    if (!e.contains("slot") || !e["slot"].is_number_unsigned() ||
        e["slot"].get<unsigned long>() < schema::kFirstExtraSlot ||
        e["slot"].get<unsigned long>() >= schema::kStoredSlot)
      throw ConfigError(where + "'slot' must be an integer from " +
                        std::to_string(schema::kFirstExtraSlot) + " to " +
                        std::to_string(schema::kStoredSlot - 1));
    if (reserved_param(e["param"].get<std::string>()))
      throw ConfigError(where + "param '" + e["param"].get<std::string>() +
                        "' is a name the search API uses itself");
    if (core_field(e["field"].get<std::string>()))
      throw ConfigError(where + "'" + e["field"].get<std::string>() +
                        "' is an article field, not an extra one");
    schema::ExtraField f{e["field"].get<std::string>(), e["param"].get<std::string>(),
                         e["slot"].get<Xapian::valueno>()};
    if (!fields.insert(f.field).second)
      throw ConfigError(where + "field '" + f.field + "' repeated");
    if (!params.insert(f.param).second)
      throw ConfigError(where + "param '" + f.param + "' repeated");
    if (!slots.insert(f.slot).second)
      throw ConfigError(where + "slot " + std::to_string(f.slot) + " repeated");
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<schema::ExtraField> load_extra_fields(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw ConfigError(path + ": cannot read the facet configuration");
  std::ostringstream text;
  text << in.rdbuf();
  return parse_extra_fields(text.str(), path);
}

std::string extra_fields_to_json(const std::vector<schema::ExtraField>& fields) {
  json out = json::array();
  for (const auto& f : fields)
    out.push_back({{"field", f.field}, {"param", f.param}, {"slot", f.slot}});
  return out.dump();
}

std::string default_facets_path() { return analysis::data_directory() + "/facets.json"; }

}  // namespace portal
