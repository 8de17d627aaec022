#include "searchd/top_matches.h"

#include <algorithm>
#include <unordered_set>

namespace portal {

std::vector<TopMatch> TopMatches::best(size_t n,
                                       const std::function<std::string(Xapian::docid)>& group_of) {
  // As Xapian ranks by relevance: the higher weight first, then the lower
  // docid.
  auto before = [](const std::pair<double, Xapian::docid>& a,
                   const std::pair<double, Xapian::docid>& b) {
    return a.first > b.first || (a.first == b.first && a.second < b.second);
  };
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

}  // namespace portal
