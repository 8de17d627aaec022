#include "searchd/rescore.h"

#include <algorithm>
#include <vector>

#include "indexer/schema.h"

namespace portal {
namespace {

// Iterates a sorted list of docids of one database.
class DocidSource final : public Xapian::PostingSource {
 public:
  explicit DocidSource(std::vector<Xapian::docid> ids) : ids_(std::move(ids)) {}
  Xapian::PostingSource* clone() const override { return new DocidSource(ids_); }
  void init(const Xapian::Database&) override { at_ = 0, started_ = false; }
  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return count(); }
  Xapian::doccount get_termfreq_max() const override { return count(); }
  void next(double) override {
    if (started_) ++at_;
    started_ = true;
  }
  void skip_to(Xapian::docid did, double) override {
    started_ = true;
    at_ = static_cast<size_t>(
        std::lower_bound(ids_.begin() + static_cast<long>(at_), ids_.end(), did) - ids_.begin());
  }
  bool at_end() const override { return started_ && at_ >= ids_.size(); }
  Xapian::docid get_docid() const override { return ids_[at_]; }

 private:
  Xapian::doccount count() const { return static_cast<Xapian::doccount>(ids_.size()); }
  std::vector<Xapian::docid> ids_;
  size_t at_ = 0;
  bool started_ = false;
};

}  // namespace

std::vector<Xapian::docid> window_documents(const Xapian::Database& db,
                                            const std::vector<TopMatch>& window,
                                            const FacetColumn* groups) {
  std::vector<Xapian::docid> ids;
  for (const auto& m : window) {
    ids.push_back(m.did);
    if (m.group.empty()) continue;
    if (groups) {
      for (uint32_t did : same_value(*groups, m.did)) ids.push_back(did);
      continue;
    }
    const std::string term = std::string(schema::kGroupPrefix) + m.group;
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) ids.push_back(*p);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

Xapian::Query docid_query(std::vector<Xapian::docid> dids) {
  if (dids.empty()) return Xapian::Query::MatchNothing;
  return Xapian::Query((new DocidSource(std::move(dids)))->release());
}

Xapian::Query restrict_to(const Xapian::Database& db, const std::vector<TopMatch>& window,
                          bool local, const FacetColumn* groups) {
  // The documents of the window and of their groups, listed: a filter of
  // group terms would have their statistics gathered by every match it
  // restricts.
  if (local && db.size() == 1) return docid_query(window_documents(db, window, groups));
  std::vector<Xapian::Query> terms;
  for (const auto& m : window)
    if (!m.group.empty()) terms.emplace_back(std::string(schema::kGroupPrefix) + m.group);
  for (const auto& m : window) {
    std::string id = db.get_document(m.did).get_value(schema::kIdSlot);
    if (id.empty()) return Xapian::Query();
    terms.emplace_back(std::string(schema::kIdPrefix) + id);
  }
  if (terms.empty()) return Xapian::Query::MatchNothing;
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

}  // namespace portal
