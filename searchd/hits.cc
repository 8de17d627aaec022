#include "searchd/hits.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "indexer/schema.h"

namespace portal {
namespace {

using nlohmann::json;

std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

json stored(const Xapian::Document& doc) {
  json j = json::parse(doc.get_data(), nullptr, false);
  return j.is_object() ? j : json::object();
}

}  // namespace

std::optional<Xapian::Document> find_document(Xapian::Database& db, const std::string& id) {
  std::string term = std::string(schema::kIdPrefix) + id;
  auto it = db.postlist_begin(term);
  if (it == db.postlist_end(term)) return std::nullopt;
  return db.get_document(*it);
}

namespace {

// The ids of the other versions of `doc`, whose stored data is `j`: its own
// "translations" list, then the other members of its translation group.
std::vector<std::string> translation_ids(Xapian::Database& db, const Xapian::Document& doc,
                                         const json& j) {
  std::string self = str(j, "id");
  std::vector<std::string> ids;
  if (auto it = j.find("translations"); it != j.end() && it->is_array())
    for (const auto& t : *it)
      if (t.is_string()) ids.push_back(t.get<std::string>());
  std::string group = doc.get_value(schema::kGroupSlot);
  if (!group.empty()) {
    std::string term = std::string(schema::kGroupPrefix) + group;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
      if (*it == doc.get_docid()) continue;
      Xapian::Document other = db.get_document(*it, Xapian::DOC_ASSUME_VALID);
      std::string id = other.get_value(schema::kIdSlot);
      ids.push_back(id.empty() ? str(stored(other), "id") : std::move(id));
    }
  }
  std::vector<std::string> out;
  for (auto& id : ids)
    if (!id.empty() && id != self && std::find(out.begin(), out.end(), id) == out.end())
      out.push_back(std::move(id));
  return out;
}

}  // namespace

std::vector<std::string> translation_ids(Xapian::Database& db, const Xapian::Document& doc) {
  return translation_ids(db, doc, stored(doc));
}

Hit make_hit(Xapian::Database& db, const Xapian::Document& doc, double score,
             const Highlighter* highlighter) {
  json j = stored(doc);
  Hit hit;
  hit.id = str(j, "id");
  hit.title = str(j, "title");
  hit.url = str(j, "url");
  hit.lang = doc.get_value(schema::kLangSlot);
  if (hit.lang.empty()) hit.lang = str(j, "lang");
  hit.date = str(j, "date");
  hit.type = str(j, "type");
  if (auto it = j.find("topics"); it != j.end() && it->is_array())
    for (const auto& t : *it)
      if (t.is_string()) hit.topics.push_back(t.get<std::string>());
  hit.score = score;
  std::string body = str(j, "body");
  if (body.empty()) body = str(j, "summary");
  Highlighter none({}, {});
  const Highlighter& h = highlighter ? *highlighter : none;
  hit.title_html = h.highlight(hit.title, hit.lang);
  Snippet s = h.snippet(body, hit.lang, kSnippetBytes);
  hit.snippet_html = std::move(s.html);
  hit.snippet = std::move(s.text);
  for (const auto& id : translation_ids(db, doc, j)) {
    auto other = find_document(db, id);
    if (!other) continue;
    std::string title = other->get_value(schema::kTitleSlot);
    std::string url = other->get_value(schema::kUrlSlot);
    if (title.empty() && other->get_value(schema::kIdSlot).empty()) {
      json o = stored(*other);  // an index written before the display slots
      title = str(o, "title");
      url = str(o, "url");
    }
    hit.translations.push_back({id, other->get_value(schema::kLangSlot), title, url});
  }
  return hit;
}

}  // namespace portal
