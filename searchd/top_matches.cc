#include "searchd/top_matches.h"

#include <algorithm>
#include <unordered_set>

namespace portal {

void TopMatches::add(Xapian::docid did, double weight) {
  const Entry e(weight, did);
  if (keep_ == SIZE_MAX) {
    all_.push_back(e);
    return;
  }
  if (keep_ == 0) return;
  if (all_.size() < keep_) {
    all_.push_back(e);
    std::push_heap(all_.begin(), all_.end(), before);
  } else if (before(e, all_.front())) {
    std::pop_heap(all_.begin(), all_.end(), before);
    all_.back() = e;
    std::push_heap(all_.begin(), all_.end(), before);
  }
}

std::vector<TopMatch> TopMatches::best(size_t n,
                                       const std::function<std::string(Xapian::docid)>& group_of) {
  std::vector<TopMatch> out;
  if (!group_of) {
    const auto end = all_.begin() + static_cast<long>(std::min(n, all_.size()));
    std::partial_sort(all_.begin(), end, all_.end(), before);
    for (auto it = all_.begin(); it != end; ++it) out.push_back({it->second, it->first, {}});
    return out;
  }
  // Collapsed: ranked a few times the page at once, more when the groups
  // repeat, until the page holds `n` groups or the matches run out.
  std::unordered_set<std::string> groups;
  size_t ranked = 0;
  for (size_t i = 0; i < all_.size() && out.size() < n; ++i) {
    if (i == ranked) {
      ranked = std::min(all_.size(), std::max(2 * n, 4 * ranked));
      std::partial_sort(all_.begin() + static_cast<long>(i),
                        all_.begin() + static_cast<long>(ranked), all_.end(), before);
    }
    std::string group = group_of(all_[i].second);
    if (!group.empty() && !groups.insert(group).second) continue;
    out.push_back({all_[i].second, all_[i].first, std::move(group)});
  }
  return out;
}

std::map<Xapian::docid, double> TopMatches::weights_of(
    const std::vector<Xapian::docid>& dids) const {
  std::map<Xapian::docid, double> out;
  if (dids.empty() || keep_ != SIZE_MAX) return out;
  // One pass over the matches, each looked up in a bitmap of the docids.
  std::vector<bool> wanted(dids.back() + 1);
  for (auto did : dids) wanted[did] = true;
  for (const auto& [weight, did] : all_)
    if (did < wanted.size() && wanted[did]) out.emplace(did, weight);
  return out;
}

}  // namespace portal
