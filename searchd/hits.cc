#include "searchd/hits.h"

#include <optional>
#include <string>
#include <vector>

#include "analyzers/analyzer.h"
#include "indexer/schema.h"
#include "indexer/stored_data.h"
#include "searchd/stored.h"

namespace portal {

std::optional<Xapian::Document> find_document(Xapian::Database& db, const std::string& id) {
  std::string term = std::string(schema::kIdPrefix) + id;
  auto it = db.postlist_begin(term);
  if (it == db.postlist_end(term)) return std::nullopt;
  return db.get_document(*it);
}

namespace {

// The display fields of the article `doc` stores.
StoredArticle stored_article(const Xapian::Document& doc) {
  return read_stored(decode_stored(doc.get_data()));
}

// Another version of a document: its id, and its document when it was met.
struct Version {
  std::string id;
  std::optional<Xapian::Document> doc;
};

// The other versions of `doc`, whose stored article is `a`: its own
// "translations" list, then the other members of its translation group.
std::vector<Version> other_versions(Xapian::Database& db, const Xapian::Document& doc,
                                    const StoredArticle& a) {
  std::vector<Version> out;
  auto add = [&](std::string id, std::optional<Xapian::Document> other) {
    if (id.empty() || id == a.id) return;
    for (auto& v : out) {
      if (v.id != id) continue;
      if (!v.doc) v.doc = std::move(other);
      return;
    }
    out.push_back({std::move(id), std::move(other)});
  };
  for (const auto& id : a.translations) add(id, std::nullopt);
  // The value statistics say at once when no document has a group.
  std::string group =
      db.get_value_freq(schema::kGroupSlot) > 0 ? doc.get_value(schema::kGroupSlot) : "";
  if (!group.empty()) {
    std::string term = std::string(schema::kGroupPrefix) + group;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
      if (*it == doc.get_docid()) continue;
      Xapian::Document other = db.get_document(*it, Xapian::DOC_ASSUME_VALID);
      std::string id = other.get_value(schema::kIdSlot);
      add(id.empty() ? stored_article(other).id : std::move(id), std::move(other));
    }
  }
  return out;
}

}  // namespace

std::vector<std::string> translation_ids(Xapian::Database& db, const Xapian::Document& doc) {
  std::vector<std::string> ids;
  for (auto& v : other_versions(db, doc, stored_article(doc))) ids.push_back(v.id);
  return ids;
}

Hit make_hit(Xapian::Database& db, const Xapian::Document& doc, double score,
             const Highlighter* highlighter) {
  StoredArticle a = stored_article(doc);
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
  for (auto& [id, other] : other_versions(db, doc, a)) {
    if (!other) other = find_document(db, id);
    if (!other) continue;
    std::string title = other->get_value(schema::kTitleSlot);
    std::string url = other->get_value(schema::kUrlSlot);
    if (title.empty() && other->get_value(schema::kIdSlot).empty()) {
      StoredArticle o = stored_article(*other);  // written before the display slots
      title = std::move(o.title);
      url = std::move(o.url);
    }
    hit.translations.push_back({id, other->get_value(schema::kLangSlot), title, url});
  }
  return hit;
}

}  // namespace portal
