#include "searchd/hits.h"

#include <algorithm>

#include "analyzers/analyzer.h"
#include "indexer/schema.h"
#include "searchd/stored.h"

namespace portal {

std::optional<Xapian::Document> find_document(Xapian::Database& db, const std::string& id) {
  std::string term = std::string(schema::kIdPrefix) + id;
  auto it = db.postlist_begin(term);
  if (it == db.postlist_end(term)) return std::nullopt;
  return db.get_document(*it);
}

namespace {

// The ids of the other versions of `doc`, whose stored article is `a`: its own
// "translations" list, then the other members of its translation group.
std::vector<std::string> translation_ids(Xapian::Database& db, const Xapian::Document& doc,
                                         const StoredArticle& a) {
  std::vector<std::string> ids = a.translations;
  // The value statistics say at once when no document has a group.
  std::string group =
      db.get_value_freq(schema::kGroupSlot) > 0 ? doc.get_value(schema::kGroupSlot) : "";
  if (!group.empty()) {
    std::string term = std::string(schema::kGroupPrefix) + group;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
      if (*it == doc.get_docid()) continue;
      Xapian::Document other = db.get_document(*it, Xapian::DOC_ASSUME_VALID);
      std::string id = other.get_value(schema::kIdSlot);
      ids.push_back(id.empty() ? read_stored(other.get_data()).id : std::move(id));
    }
  }
  std::vector<std::string> out;
  for (auto& id : ids)
    if (!id.empty() && id != a.id && std::find(out.begin(), out.end(), id) == out.end())
      out.push_back(std::move(id));
  return out;
}

}  // namespace

std::vector<std::string> translation_ids(Xapian::Database& db, const Xapian::Document& doc) {
  return translation_ids(db, doc, read_stored(doc.get_data()));
}

Hit make_hit(Xapian::Database& db, const Xapian::Document& doc, double score,
             const Highlighter* highlighter) {
  StoredArticle a = read_stored(doc.get_data());
  Hit hit;
  hit.id = a.id;
  hit.title = std::move(a.title);
  hit.url = std::move(a.url);
  // The language the article gave (normalised when it was indexed), else the
  // one detected in its text, which only the value slot holds.
  hit.lang =
      a.lang.empty() ? doc.get_value(schema::kLangSlot) : analysis::normalize_language_tag(a.lang);
  hit.date = std::move(a.date);
  hit.type = std::move(a.type);
  hit.topics = std::move(a.topics);
  hit.score = score;
  const std::string& body = a.body.empty() ? a.summary : a.body;
  Highlighter none({}, {});
  const Highlighter& h = highlighter ? *highlighter : none;
  hit.title_html = h.highlight(hit.title, hit.lang);
  Snippet s = h.snippet(body, hit.lang, kSnippetBytes);
  hit.snippet_html = std::move(s.html);
  hit.snippet = std::move(s.text);
  for (const auto& id : translation_ids(db, doc, a)) {
    auto other = find_document(db, id);
    if (!other) continue;
    std::string title = other->get_value(schema::kTitleSlot);
    std::string url = other->get_value(schema::kUrlSlot);
    if (title.empty() && other->get_value(schema::kIdSlot).empty()) {
      StoredArticle o = read_stored(other->get_data());  // written before the display slots
      title = std::move(o.title);
      url = std::move(o.url);
    }
    hit.translations.push_back({id, other->get_value(schema::kLangSlot), title, url});
  }
  return hit;
}

}  // namespace portal
