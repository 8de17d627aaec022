#include "searchd/hits.h"

#include <algorithm>
#include <array>
#include <map>
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

// Another version of a document, as first listed: its id (from the
// article's "translations"), or its docid (a member of its group), or both.
struct Version {
  std::string id;
  Xapian::docid did = 0;
};

// The other versions of `doc`, whose stored article is `a`, unresolved: its
// own "translations" list, then the other members of its translation group.
std::vector<Version> listed_versions(Xapian::Database& db, const Xapian::Document& doc,
                                     const StoredArticle& a, const FacetColumn* groups) {
  std::vector<Version> out;
  for (const auto& id : a.translations) out.push_back({id, 0});
  if (groups) {
    for (uint32_t did : same_value(*groups, doc.get_docid()))
      if (did != doc.get_docid()) out.push_back({"", did});
    return out;
  }
  // The value statistics say at once when no document has a group.
  std::string group =
      db.get_value_freq(schema::kGroupSlot) > 0 ? doc.get_value(schema::kGroupSlot) : "";
  if (!group.empty()) {
    std::string term = std::string(schema::kGroupPrefix) + group;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it)
      if (*it != doc.get_docid()) out.push_back({"", *it});
  }
  return out;
}

// The slots a version's link is read from.
constexpr std::array<Xapian::valueno, 4> kVersionSlots = {schema::kIdSlot, schema::kTitleSlot,
                                                          schema::kUrlSlot, schema::kLangSlot};

// A value stream pays for itself when the documents read are at least one
// in this many of the index: it reads each block of a slot's values up to
// the last document, where a lookup reads a block per document and slot
// (an 8 KB block holds the titles of about a hundred documents). On the
// sample corpus (1,507 documents, about 20 read per page) a search with
// streams reads eight blocks of the postlist table fewer than with lookups
// (32 KB blocks: a tenth fewer); at 100,000 documents streams were 5% slower.
constexpr Xapian::doccount kDocsPerStreamedDocument = 256;

// The link values of some documents, the first `slots` of kVersionSlots: on
// a single local database, when the documents are many for its size, slot by
// slot along value streams in docid order; else document by document (a
// remote shard would stream values a document at a time).
class VersionValues {
 public:
  // `columns`: of `db`'s revision, or null; its held values are read
  // instead of the index's.
  VersionValues(Xapian::Database& db, bool local, size_t slots = kVersionSlots.size(),
                const FacetColumns* columns = nullptr)
      : db_(db), local_(local), slots_(slots) {
    for (size_t i = 0; i < slots_ && columns; ++i) held_[i] = columns->held(kVersionSlots[i]);
  }

  // Reads the values of `dids` not read yet.
  void read(std::vector<Xapian::docid> dids) {
    std::erase_if(dids, [&](Xapian::docid d) { return d == 0 || values_.count(d); });
    std::sort(dids.begin(), dids.end());
    dids.erase(std::unique(dids.begin(), dids.end()), dids.end());
    for (auto did : dids) values_[did];
    if (std::all_of(held_.begin(), held_.begin() + static_cast<long>(slots_),
                    [](const HeldValues* h) { return h != nullptr; })) {
      for (auto did : dids)
        for (size_t i = 0; i < slots_; ++i)
          values_[did][i] = held_[i]->get(did).value_or(std::string_view());
      return;
    }
    const bool streams =
        local_ && db_.get_doccount() <= kDocsPerStreamedDocument * std::max<size_t>(dids.size(), 1);
    if (!streams) {
      for (auto did : dids) {
        Xapian::Document doc = db_.get_document(did, Xapian::DOC_ASSUME_VALID);
        for (size_t i = 0; i < slots_; ++i) values_[did][i] = doc.get_value(kVersionSlots[i]);
      }
      return;
    }
    for (size_t i = 0; i < slots_; ++i) {
      auto it = db_.valuestream_begin(kVersionSlots[i]);
      for (auto did : dids) {
        it.skip_to(did);
        if (it == db_.valuestream_end(kVersionSlots[i])) break;
        if (it.get_docid() == did) values_[did][i] = *it;
      }
    }
  }
  // The value of slot kVersionSlots[i] (i < slots) of `did` (read before).
  const std::string& get(Xapian::docid did, size_t i) const { return values_.at(did)[i]; }

 private:
  Xapian::Database& db_;
  const bool local_;
  const size_t slots_;
  std::array<const HeldValues*, kVersionSlots.size()> held_ = {};
  std::map<Xapian::docid, std::array<std::string, kVersionSlots.size()>> values_;
};

// `listed` resolved: each version once, by id, with its docid when it is in
// the index (0 when not); not `self_id`.
std::vector<Version> resolved_versions(Xapian::Database& db, const std::vector<Version>& listed,
                                       const std::string& self_id, const VersionValues& values) {
  std::vector<Version> out;
  for (const auto& v : listed) {
    std::string id = v.id;
    if (v.did != 0) {
      id = values.get(v.did, 0);
      // Written before the display slots: the id is in the stored article.
      if (id.empty()) id = read_stored(db.get_document(v.did, Xapian::DOC_ASSUME_VALID)).id;
    }
    if (id.empty() || id == self_id) continue;
    auto known = std::find_if(out.begin(), out.end(), [&](const Version& o) { return o.id == id; });
    if (known == out.end()) {
      out.push_back({std::move(id), v.did});
    } else if (known->did == 0) {
      known->did = v.did;
    }
  }
  return out;
}

// A hit for `doc`, whose data is `parts` and article `a`, without its
// translations.
Hit display_hit(const Xapian::Document& doc, const StoredParts& parts, StoredArticle a,
                double score, const HitOptions& options) {
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
  Highlighter none({}, {});
  const Highlighter& h = options.highlighter ? *options.highlighter : none;
  hit.title_html = h.highlight(hit.title, hit.lang);
  if (!options.snippets) return hit;
  // A long body stored apart is decoded section by section, as far as its
  // snippet reads.
  static_assert(kBodyReadBytes == kMaxSnippetSource);
  size_t next = 0;
  auto more = [&] { return next < parts.more_sections() ? parts.section(next++) : std::string(); };
  Snippet s = parts.split()
                  ? h.snippet(parts.body_start(), hit.lang, kSnippetBytes, more)
                  : h.snippet(a.body.empty() ? a.summary : a.body, hit.lang, kSnippetBytes);
  hit.snippet_html = std::move(s.html);
  hit.snippet = std::move(s.text);
  return hit;
}

}  // namespace

std::vector<std::vector<Xapian::valueno>> hits_held_slots() {
  return {{kVersionSlots.begin(), kVersionSlots.end()}, {schema::kStoredSlot}};
}

std::vector<std::string> translation_ids(Xapian::Database& db, const Xapian::Document& doc) {
  StoredArticle a = read_stored(doc);
  std::vector<Version> listed = listed_versions(db, doc, a, nullptr);
  VersionValues values(db, false, 1);  // the ids only
  std::vector<Xapian::docid> dids;
  for (const auto& v : listed) dids.push_back(v.did);
  values.read(dids);
  std::vector<std::string> ids;
  for (auto& v : resolved_versions(db, listed, a.id, values)) ids.push_back(std::move(v.id));
  return ids;
}

std::vector<Hit> make_hits(Xapian::Database& db, const std::vector<ScoredDocument>& docs,
                           const HitOptions& options) {
  std::vector<Hit> hits;
  std::vector<std::vector<Version>> listed;
  VersionValues values(db, options.local, kVersionSlots.size(), options.columns);
  const HeldValues* stored = options.columns ? options.columns->held(schema::kStoredSlot) : nullptr;
  std::vector<Xapian::docid> dids;
  for (const auto& [doc, score] : docs) {
    const auto held = stored ? stored->get(doc.get_docid()) : std::nullopt;
    StoredParts parts(held ? std::string(*held) : stored_bytes(doc));
    StoredArticle a = read_stored(parts.json());
    listed.push_back(listed_versions(db, doc, a, options.groups));
    for (const auto& v : listed.back()) dids.push_back(v.did);
    hits.push_back(display_hit(doc, parts, std::move(a), score, options));
  }
  // The group members' ids first, to tell which listed ids they are.
  values.read(dids);
  std::vector<std::vector<Version>> versions;
  dids.clear();
  for (size_t i = 0; i < hits.size(); ++i) {
    versions.push_back(resolved_versions(db, listed[i], hits[i].id, values));
    for (auto& v : versions.back()) {
      if (v.did == 0)
        if (auto other = find_document(db, v.id)) v.did = other->get_docid();
      dids.push_back(v.did);
    }
  }
  values.read(dids);
  for (size_t i = 0; i < hits.size(); ++i) {
    for (const auto& v : versions[i]) {
      if (v.did == 0) continue;
      std::string title = values.get(v.did, 1), url = values.get(v.did, 2);
      if (title.empty() && values.get(v.did, 0).empty()) {
        // Written before the display slots.
        StoredArticle o = read_stored(db.get_document(v.did, Xapian::DOC_ASSUME_VALID));
        title = std::move(o.title);
        url = std::move(o.url);
      }
      hits[i].translations.push_back({v.id, values.get(v.did, 3), title, url});
    }
  }
  return hits;
}

}  // namespace portal
