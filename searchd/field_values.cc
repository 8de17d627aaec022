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
  bool has(const std::string& term, const std::string& key) const {
    return std::find(terms.begin(), terms.end(), term) != terms.end() ||
           (!key.empty() && std::find(keys.begin(), keys.end(), key) != keys.end());
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

}  // namespace

Xapian::Query field_values(const Xapian::Database& db, const std::string& prefix,
                           std::string_view typed, unsigned max_values) {
  const std::string exact = prefix + std::string(typed);
  const Words wanted = words_of(typed);
  if (wanted.terms.empty()) return Xapian::Query(exact);
  std::vector<Xapian::Query> terms{Xapian::Query(exact)};
  auto& cache = value_words();
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    const std::string& term = *it;
    if (term == exact) continue;
    bool match = false;
    auto matches = [&](const Words& value) {
      match = true;
      for (size_t i = 0; i < wanted.terms.size() && match; ++i)
        match = value.has(wanted.terms[i], wanted.keys[i]);
    };
    if (!cache.find(term, matches)) {
      Words value = words_of(std::string_view(term).substr(prefix.size()));
      matches(value);
      cache.insert(term, std::move(value));
    }
    if (!match) continue;
    if (terms.size() > max_values)
      throw InvalidRequest("q", "the field value '" + std::string(typed) + "' matches more than " +
                                    std::to_string(max_values) + " values; give more of its words");
    terms.emplace_back(term);
  }
  if (terms.size() == 1) return terms.front();
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                       Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()), 0.0);
}

}  // namespace portal
