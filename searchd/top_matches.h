// The best matches of a query, ranked from every match a spy saw.
//
// Asked to count every match (check_at_least = the index size), Xapian 1.4's
// matcher puts each match through its heap of the best, copying and moving
// an item with two strings several times, however far below the page it
// ranks: on Reuters-21578 that heap took a quarter of a search. Where the
// whole index is counted anyway, the searcher ranks here instead, as Xapian
// does: by weight, ties by docid, and when collapsing, each group's best
// match only (Xapian's collapse key with collapse_max 1; a match without a
// group stands alone). It asks the matcher for one match sorted by SameKey:
// a match that sorts no higher than the lowest the matcher keeps (with the
// same key, any match after the first two) is only counted and handed to the
// spies, without an item of its own.
//
// Thread safety: one query's, on one thread.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace portal {

// The same empty sort key for every document (see above).
class SameKey final : public Xapian::KeyMaker {
 public:
  std::string operator()(const Xapian::Document&) const override { return {}; }
};

struct TopMatch {
  Xapian::docid did = 0;
  double weight = 0;
  std::string group;  // its translation group, when collapsing ("" for none)
};

class TopMatches {
 public:
  // Keeps the best `keep` matches only, all that an uncollapsed page needs,
  // so that a match of millions holds a page's worth; by default every
  // match, as collapsing needs.
  explicit TopMatches(size_t keep = SIZE_MAX) : keep_(keep) {}
  void add(Xapian::docid did, double weight);
  // The first `n` matches (at most `keep`), best first. With `group_of` (a
  // match's group), only the best match of each group.
  std::vector<TopMatch> best(size_t n,
                             const std::function<std::string(Xapian::docid)>& group_of = nullptr);
  // The weight of each of `dids` (sorted) that matched, by docid: what the
  // same query restricted to them would give. Only when every match is
  // kept (`keep` SIZE_MAX).
  std::map<Xapian::docid, double> weights_of(const std::vector<Xapian::docid>& dids) const;

 private:
  using Entry = std::pair<double, Xapian::docid>;
  // As Xapian ranks by relevance: the higher weight first, then the lower
  // docid.
  static bool before(const Entry& a, const Entry& b) {
    return a.first > b.first || (a.first == b.first && a.second < b.second);
  }
  size_t keep_;
  // Every match, or while keep_ bounds them a heap whose front ranks last.
  std::vector<Entry> all_;
};

}  // namespace portal
