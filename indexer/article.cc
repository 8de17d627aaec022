#include "indexer/article.h"

#include <nlohmann/json.hpp>

#include "analyzers/analyzer.h"
#include "indexer/html_text.h"
#include "indexer/iso_date.h"
#include "indexer/stored_data.h"
#include "indexer/text_clean.h"

namespace portal {
namespace {

using nlohmann::json;

enum class Kind { kValue, kText };

// Reads an optional string field, cleans it and writes the cleaned string back
// into `obj` so the stored JSON carries it too.
std::string string_field(json& obj, const char* name, Kind kind = Kind::kValue) {
  auto it = obj.find(name);
  if (it == obj.end() || it->is_null()) return {};
  if (!it->is_string()) throw ArticleError(std::string("field '") + name + "' must be a string");
  std::string v = kind == Kind::kValue ? clean_value(it->get_ref<const std::string&>())
                                       : clean_text(it->get_ref<const std::string&>());
  *it = v;
  return v;
}

std::vector<std::string> string_list(json& obj, const std::string& name, bool allow_string) {
  std::vector<std::string> out;
  auto it = obj.find(name);
  if (it == obj.end() || it->is_null()) return out;
  if (allow_string && it->is_string()) {
    std::string v = clean_value(it->get_ref<const std::string&>());
    if (!v.empty()) out.push_back(v);
    *it = v;
    return out;
  }
  std::string error = "field '" + name + "' must be an array of strings";
  if (allow_string) error += " or a string";
  if (!it->is_array()) throw ArticleError(error);
  json cleaned = json::array();
  for (const auto& v : *it) {
    if (!v.is_string()) throw ArticleError(error);
    std::string s = clean_value(v.get_ref<const std::string&>());
    if (s.empty()) continue;
    out.push_back(s);
    cleaned.push_back(s);
  }
  *it = std::move(cleaned);
  return out;
}

std::string required_field(json& obj, const char* name) {
  auto it = obj.find(name);
  if (it == obj.end() || it->is_null())
    throw ArticleError(std::string("missing required field '") + name + "'");
  std::string v = string_field(obj, name);
  if (v.empty()) throw ArticleError(std::string("field '") + name + "' is empty");
  return v;
}

}  // namespace

Article parse_article(std::string_view json_line,
                      const std::vector<schema::ExtraField>& extra_fields) {
  size_t bad = 0;
  if (!is_valid_utf8(json_line, &bad))
    throw ArticleError("invalid UTF-8 at byte " + std::to_string(bad + 1));
  json obj;
  try {
    obj = json::parse(json_line);
  } catch (const json::exception& e) {  // parse_error, or out_of_range for huge numbers
    throw ArticleError(std::string("invalid JSON: ") + e.what());
  }
  if (!obj.is_object()) throw ArticleError("not a JSON object");
  Article a;
  a.id = required_field(obj, "id");
  if (a.id.size() + schema::kIdPrefix.size() > schema::kMaxTermBytes)
    throw ArticleError("field 'id' is longer than " +
                       std::to_string(schema::kMaxTermBytes - schema::kIdPrefix.size()) + " bytes");
  if (auto it = obj.find("deleted"); it != obj.end() && !it->is_null()) {
    if (!it->is_boolean()) throw ArticleError("field 'deleted' must be true or false");
    a.deleted = it->get<bool>();
    if (a.deleted) return a;
  }
  // The title must be there, but may be empty when the article has text:
  // old archive records (and test collections) have untitled documents.
  if (auto it = obj.find("title"); it == obj.end() || it->is_null())
    throw ArticleError("missing required field 'title'");
  a.title = string_field(obj, "title");
  a.body = string_field(obj, "body", Kind::kText);
  if (auto it = obj.find("body_html"); it != obj.end() && !it->is_null()) {
    if (!it->is_string()) throw ArticleError("field 'body_html' must be a string");
    if (a.body.empty()) {
      a.body = html_to_text(it->get_ref<const std::string&>());
      obj["body"] = a.body;
    }
    obj.erase(it);
  }
  a.lang = analysis::normalize_language_tag(string_field(obj, "lang"));
  if (obj.contains("lang") && !obj["lang"].is_null()) obj["lang"] = a.lang;
  a.summary = string_field(obj, "summary", Kind::kText);
  if (a.title.empty() && a.body.empty() && a.summary.empty())
    throw ArticleError("field 'title' is empty and the article has no text");
  a.date = string_field(obj, "date");
  if (!a.date.empty()) {
    auto day = iso_day(a.date);
    if (!day)
      throw ArticleError("field 'date' is not an ISO 8601 date or date-time: '" + a.date + "'");
    a.day = *day;
  }
  a.topics = string_list(obj, "topics", false);
  a.type = string_field(obj, "type");
  a.url = string_field(obj, "url");
  a.translation_group = string_field(obj, "translation_group");
  a.translations = string_list(obj, "translations", false);
  for (const auto& f : extra_fields) {
    auto values = string_list(obj, f.field, true);
    if (!values.empty()) a.extra_fields.emplace(f.field, std::move(values));
  }
  a.raw_json = obj.dump(-1, ' ', false, json::error_handler_t::replace);
  if (a.body.size() > kSplitBodyBytes) {
    obj.erase("body");
    a.stored_head = obj.dump(-1, ' ', false, json::error_handler_t::replace);
  }
  return a;
}

}  // namespace portal
