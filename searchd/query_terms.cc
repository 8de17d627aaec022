#include "searchd/query_terms.h"

#include <algorithm>
#include <set>

#include "analyzers/analyzer.h"
#include "analyzers/cross_script_key.h"
#include "analyzers/language_detector.h"
#include "analyzers/script.h"
#include "analyzers/synonyms.h"
#include "indexer/schema.h"

namespace portal {
namespace {

// Below this many words CLD2 is not trusted on a query.
constexpr size_t kMinWordsToDetect = 4;

const std::vector<std::string> kDefaultLanguages = {""};

const std::vector<std::string>& or_default(const std::vector<std::string>& languages) {
  return languages.empty() ? kDefaultLanguages : languages;
}

// The distinct terms a word may match, gathered over its analyses.
struct Alternatives {
  std::set<std::string> exact, stems, keys;
  std::set<std::vector<std::string>> phrases;

  void add(const std::vector<analysis::Token>& tokens) {
    if (tokens.empty()) return;
    if (tokens.size() == 1 || tokens[0].compound) {
      const auto& t = tokens[0];
      stems.insert(t.stems.begin(), t.stems.end());
      // The key is the term's: once for each term (the analyses of a word in
      // several languages mostly agree on it).
      if (exact.insert(t.term).second)
        if (std::string key = analysis::cross_script_key(t.term); !key.empty()) keys.insert(key);
    }
    if (tokens.size() > 1) {
      std::vector<std::string> parts;
      for (const auto& t : tokens)
        if (!t.compound) parts.push_back(t.term);
      phrases.insert(std::move(parts));
    }
  }

  void analyze(std::string_view text, const std::vector<std::string>& languages,
               QueryAnalyses& analyses) {
    for (const auto& lang : or_default(languages)) add(analyses.tokens(lang, text));
  }

  // The exact and stemmed terms (not keys), each scaled by `factor`.
  void append_terms(QueryField field, double factor, std::vector<WeightedTerm>& out) const {
    const std::string prefix(field == QueryField::kTitle ? schema::kTitlePrefix : "");
    const std::string stem_prefix(field == QueryField::kTitle ? schema::kTitleStemPrefix
                                                              : schema::kStemPrefix);
    for (const auto& t : exact) out.push_back({prefix + t, factor});
    for (const auto& s : stems) out.push_back({stem_prefix + s, factor});
  }

  // The phrase matches.
  void append_phrases(QueryField field, std::vector<Xapian::Query>& out) const {
    const std::string prefix(field == QueryField::kTitle ? schema::kTitlePrefix : "");
    for (const auto& p : phrases) {
      std::vector<Xapian::Query> terms;
      for (const auto& t : p) terms.emplace_back(prefix + t);
      out.emplace_back(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), terms.size());
    }
  }
};

Xapian::Query any_of(std::vector<Xapian::Query>& queries) {
  if (queries.empty()) return Xapian::Query::MatchNothing;
  if (queries.size() == 1) return queries[0];
  return Xapian::Query(Xapian::Query::OP_OR, queries.begin(), queries.end());
}

}  // namespace

const std::vector<analysis::Token>& QueryAnalyses::tokens(std::string_view lang,
                                                          std::string_view text) {
  std::string key;
  key.reserve(lang.size() + 1 + text.size());
  key.append(lang).push_back('\0');
  key.append(text);
  auto it = tokens_.find(key);
  if (it == tokens_.end())
    it = tokens_.emplace(std::move(key), analysis::analyzer_for(lang).analyze(text)).first;
  return it->second;
}

std::optional<Xapian::Query> QueryAnalyses::query(const std::string& key) const {
  auto it = queries_.find(key);
  if (it == queries_.end()) return std::nullopt;
  return it->second;
}

void QueryAnalyses::remember(std::string key, Xapian::Query query) {
  queries_.emplace(std::move(key), std::move(query));
}

std::vector<std::string> query_languages(std::string_view query) {
  std::vector<std::string> out;
  if (analysis::has_script(query, analysis::Script::kCyrillic)) {
    bool uk = analysis::has_ukrainian_letters(query);
    bool ru = analysis::has_russian_letters(query);
    if (uk || !ru) out.emplace_back("uk");
    if (ru || !uk) out.emplace_back("ru");
  }
  if (analysis::has_script(query, analysis::Script::kLatin)) {
    out.emplace_back("en");
    out.emplace_back("fr");
  }
  // No letter to go by (empty, digits, other scripts): every language.
  if (out.empty()) out = {"uk", "ru", "en", "fr"};
  if (analysis::analyzer_for("").analyze(query).size() >= kMinWordsToDetect) {
    std::string detected = analysis::detect_language(query);
    if (!detected.empty() && std::find(out.begin(), out.end(), detected) == out.end())
      out.push_back(std::move(detected));
  }
  return out;
}

namespace {

// word_query(), built.
Xapian::Query build_word_query(std::string_view word, const std::vector<std::string>& languages,
                               QueryField field, QueryAnalyses& analyses) {
  Alternatives own;
  own.analyze(word, languages, analyses);
  Alternatives synonyms;
  for (const auto& term : own.exact) {
    for (const auto& synonym : analysis::synonyms_of(term))
      synonyms.analyze(synonym, query_languages(synonym), analyses);
  }
  for (const auto& term : own.exact) synonyms.exact.erase(term);
  for (const auto& stem : own.stems) synonyms.stems.erase(stem);

  std::vector<WeightedTerm> own_terms, keys, synonym_terms;
  std::vector<Xapian::Query> own_phrases, synonym_phrases;
  own.append_terms(field, 1.0, own_terms);
  own.append_phrases(field, own_phrases);
  if (own_terms.empty() && own_phrases.empty()) return Xapian::Query::MatchNothing;
  if (field == QueryField::kAll) {
    std::set<std::string> all_keys = own.keys;
    all_keys.insert(synonyms.keys.begin(), synonyms.keys.end());
    for (const auto& k : all_keys)
      keys.push_back({std::string(schema::kNameKeyPrefix) + k, kNameKeyWeight});
  }
  synonyms.append_terms(field, kSynonymWeight, synonym_terms);
  synonyms.append_phrases(field, synonym_phrases);

  std::vector<Xapian::Query> alternatives;
  if (const auto& leaves = analyses.leaves()) {
    // One leaf for every term, the phrases beside it.
    own_terms.insert(own_terms.end(), keys.begin(), keys.end());
    own_terms.insert(own_terms.end(), synonym_terms.begin(), synonym_terms.end());
    if (!own_terms.empty()) alternatives.push_back(leaves(own_terms));
    alternatives.insert(alternatives.end(), own_phrases.begin(), own_phrases.end());
    if (!synonym_phrases.empty())
      alternatives.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, any_of(synonym_phrases),
                                kSynonymWeight);
    return any_of(alternatives);
  }
  // Each term its own leaf: the looser ones scaled by group.
  auto append_leaves = [](const std::vector<WeightedTerm>& terms, std::vector<Xapian::Query>& out) {
    for (const auto& t : terms) out.emplace_back(t.term);
  };
  append_leaves(own_terms, alternatives);
  alternatives.insert(alternatives.end(), own_phrases.begin(), own_phrases.end());
  if (!keys.empty()) {
    std::vector<Xapian::Query> key_leaves;
    append_leaves(keys, key_leaves);
    alternatives.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, any_of(key_leaves), kNameKeyWeight);
  }
  std::vector<Xapian::Query> synonym_queries;
  append_leaves(synonym_terms, synonym_queries);
  synonym_queries.insert(synonym_queries.end(), synonym_phrases.begin(), synonym_phrases.end());
  if (!synonym_queries.empty())
    alternatives.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, any_of(synonym_queries),
                              kSynonymWeight);
  return any_of(alternatives);
}

}  // namespace

Xapian::Query word_query(std::string_view word, const std::vector<std::string>& languages,
                         QueryField field, QueryAnalyses* analyses) {
  QueryAnalyses own_analyses;
  QueryAnalyses& a = analyses ? *analyses : own_analyses;
  std::string key(1, field == QueryField::kAll ? 'a' : 't');
  for (const auto& lang : languages) key.append(lang).push_back(',');
  key.append(1, '\0').append(word);
  if (auto known = a.query(key)) return *known;
  Xapian::Query q = build_word_query(word, languages, field, a);
  a.remember(std::move(key), q);
  return q;
}

Xapian::Query phrase_query(std::string_view text, QueryField field,
                           const std::vector<std::string>& languages, QueryAnalyses* analyses) {
  QueryAnalyses own_analyses;
  QueryAnalyses& a = analyses ? *analyses : own_analyses;
  const std::string prefix(field == QueryField::kTitle ? schema::kTitlePrefix : "");
  std::set<std::vector<std::string>> phrasings;
  for (const auto& lang : languages.empty() ? query_languages(text) : languages) {
    std::vector<std::string> terms;
    for (const auto& t : a.tokens(lang, text))
      if (!t.compound) terms.push_back(prefix + t.term);
    if (!terms.empty()) phrasings.insert(std::move(terms));
  }
  std::vector<Xapian::Query> alternatives;
  for (const auto& terms : phrasings) {
    if (terms.size() == 1) {
      alternatives.emplace_back(terms[0]);
      continue;
    }
    std::vector<Xapian::Query> q(terms.begin(), terms.end());
    alternatives.emplace_back(Xapian::Query::OP_PHRASE, q.begin(), q.end(), q.size());
  }
  return any_of(alternatives);
}

bool is_stop_word(std::string_view word, const std::vector<std::string>& languages) {
  for (const auto& lang : or_default(languages)) {
    auto tokens = analysis::analyzer_for(lang).analyze(word);
    if (tokens.size() == 1 && tokens[0].stop) return true;
  }
  return false;
}

}  // namespace portal
