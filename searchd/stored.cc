#include "searchd/stored.h"

#include <simdjson.h>

#include "indexer/stored_data.h"

namespace portal {
namespace {

void read_string(simdjson::dom::object& o, std::string_view key, std::string& out) {
  std::string_view v;
  if (o[key].get(v) == simdjson::SUCCESS) out.assign(v);
}

void read_strings(simdjson::dom::object& o, std::string_view key, std::vector<std::string>& out) {
  simdjson::dom::array list;
  if (o[key].get(list) != simdjson::SUCCESS) return;
  for (auto item : list) {
    std::string_view v;
    if (item.get(v) == simdjson::SUCCESS) out.emplace_back(v);
  }
}

}  // namespace

StoredArticle read_stored(std::string_view json) {
  thread_local simdjson::dom::parser parser;
  StoredArticle a;
  simdjson::padded_string padded(json);
  simdjson::dom::object o;
  if (parser.parse(padded).get(o) != simdjson::SUCCESS) return a;
  read_string(o, "id", a.id);
  read_string(o, "lang", a.lang);
  read_string(o, "title", a.title);
  read_string(o, "url", a.url);
  read_string(o, "date", a.date);
  read_string(o, "type", a.type);
  read_string(o, "summary", a.summary);
  read_string(o, "body", a.body);
  read_strings(o, "topics", a.topics);
  read_strings(o, "translations", a.translations);
  return a;
}

StoredArticle read_stored(const Xapian::Document& doc) {
  return read_stored(StoredParts(stored_bytes(doc)).json());
}

}  // namespace portal
