#include "searchd/field_values.h"

#include <algorithm>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/bounded_cache.h"
#include "analyzers/cross_script_key.h"
#include "searchd/searcher.h"

namespace portal {
namespace {

// The words of a value: normalised terms and their cross-script keys.
struct Words {
  std::vector<std::string> terms, keys;
  bool same(size_t i, const Words& other, size_t j) const {
    return terms[i] == other.terms[j] || (!keys[i].empty() && keys[i] == other.keys[j]);
  }
  // Whether each word of `typed` is one of these.
  bool hold(const Words& typed) const {
    for (size_t j = 0; j < typed.terms.size(); ++j) {
      bool found = false;
      for (size_t i = 0; i < terms.size() && !found; ++i) found = same(i, typed, j);
      if (!found) return false;
    }
    return true;
  }
  // Whether these are the words of `typed`, in order.
  bool are(const Words& typed) const {
    if (terms.size() != typed.terms.size()) return false;
    for (size_t i = 0; i < terms.size(); ++i)
      if (!same(i, typed, i)) return false;
    return true;
  }
};

Words words_of(std::string_view text) {
  Words w;
  for (auto& t : analysis::analyzer_for("").analyze(text)) {
    w.keys.push_back(analysis::cross_script_key(t.term));
    w.terms.push_back(std::move(t.term));
  }
  return w;
}

// Indexed values seen so far, by term.
analysis::BoundedCache<std::string, Words>& value_words() {
  static analysis::BoundedCache<std::string, Words> cache(100'000);
  return cache;
}

Xapian::Query any_of(const std::vector<std::string>& terms) {
  if (terms.size() == 1) return Xapian::Query(terms.front());
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                       Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()), 0.0);
}

}  // namespace

Xapian::Query field_values(const IndexTerms& terms, const std::string& prefix,
                           std::string_view typed, unsigned max_values) {
  const std::string exact = prefix + std::string(typed);
  const Words wanted = words_of(typed);
  if (wanted.terms.empty()) return Xapian::Query(exact);
  // Values whose words are those typed, and values that hold them.
  std::vector<std::string> whole{exact}, holding{exact};
  auto& cache = value_words();
  const auto values = terms(prefix);
  bool exists = false;
  for (const auto& [term, freq] : *values) {
    if (term == exact) {
      exists = true;
      continue;
    }
    bool is = false, holds = false;
    auto compare = [&](const Words& value) {
      is = value.are(wanted);
      holds = is || value.hold(wanted);
    };
    if (!cache.find(term, compare)) {
      Words value = words_of(std::string_view(term).substr(prefix.size()));
      compare(value);
      cache.insert(term, std::move(value));
    }
    if (is) whole.push_back(term);
    if (holds) holding.push_back(term);
  }
  // A value named whole is that value alone, as the advanced search's lists
  // name them; only a part of a value stands for every value holding it.
  if (exists || whole.size() > 1) return any_of(whole);
  if (holding.size() - 1 > max_values)
    throw InvalidRequest("q", "the field value '" + std::string(typed) + "' matches more than " +
                                  std::to_string(max_values) + " values; give more of its words");
  return any_of(holding);
}

}  // namespace portal
