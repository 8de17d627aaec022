#include "indexer/article.h"

#include <nlohmann/json.hpp>

namespace portal {
namespace {

using nlohmann::json;

std::string string_field(const json& obj, const char* name, bool required) {
  auto it = obj.find(name);
  if (it == obj.end() || it->is_null()) {
    if (required) throw ArticleError(std::string("missing required field '") + name + "'");
    return {};
  }
  if (!it->is_string()) throw ArticleError(std::string("field '") + name + "' must be a string");
  return it->get<std::string>();
}

std::vector<std::string> string_list(const json& obj, const char* name) {
  std::vector<std::string> out;
  auto it = obj.find(name);
  if (it == obj.end() || it->is_null()) return out;
  if (!it->is_array())
    throw ArticleError(std::string("field '") + name + "' must be an array of strings");
  for (const auto& v : *it) {
    if (!v.is_string())
      throw ArticleError(std::string("field '") + name + "' must be an array of strings");
    out.push_back(v.get<std::string>());
  }
  return out;
}

}  // namespace

Article parse_article(std::string_view json_line) {
  json obj;
  try {
    obj = json::parse(json_line);
  } catch (const json::exception& e) {  // parse_error, or out_of_range for huge numbers
    throw ArticleError(std::string("invalid JSON: ") + e.what());
  }
  if (!obj.is_object()) throw ArticleError("not a JSON object");
  Article a;
  a.id = string_field(obj, "id", true);
  if (a.id.empty()) throw ArticleError("field 'id' is empty");
  a.title = string_field(obj, "title", true);
  a.body = string_field(obj, "body", false);
  a.lang = string_field(obj, "lang", false);
  a.summary = string_field(obj, "summary", false);
  a.date = string_field(obj, "date", false);
  a.topics = string_list(obj, "topics");
  a.type = string_field(obj, "type", false);
  a.url = string_field(obj, "url", false);
  a.translation_group = string_field(obj, "translation_group", false);
  a.translations = string_list(obj, "translations");
  a.raw_json = obj.dump();
  return a;
}

}  // namespace portal
