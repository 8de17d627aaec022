#include "searchd/query_terms.h"

#include "analyzers/analyzer.h"
#include "indexer/schema.h"

namespace portal {

std::vector<std::string> query_languages(std::string_view) { return {"en", "fr", "ru", "uk"}; }

Xapian::Query word_query(std::string_view word, const std::vector<std::string>& languages,
                         QueryField field) {
  const std::string prefix(field == QueryField::kTitle ? schema::kTitlePrefix : "");
  const std::string stem_prefix(field == QueryField::kTitle ? schema::kTitleStemPrefix
                                                            : schema::kStemPrefix);
  std::vector<Xapian::Query> alternatives;
  for (const auto& t : analysis::analyzer_for("").analyze(word))
    alternatives.emplace_back(prefix + t.term);
  for (const auto& lang : languages) {
    for (const auto& t : analysis::analyzer_for(lang).analyze(word))
      for (const auto& s : t.stems) alternatives.emplace_back(stem_prefix + s);
  }
  return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
}

Xapian::Query phrase_query(std::string_view text, QueryField field) {
  const std::string prefix(field == QueryField::kTitle ? schema::kTitlePrefix : "");
  std::vector<Xapian::Query> terms;
  for (const auto& t : analysis::analyzer_for("").analyze(text))
    terms.emplace_back(prefix + t.term);
  return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), terms.size());
}

}  // namespace portal
