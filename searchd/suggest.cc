#include "searchd/suggest.h"

#include <algorithm>

#include "analyzers/analyzer.h"
#include "indexer/schema.h"
#include "searchd/query_terms.h"
#include "searchd/stored.h"

namespace portal {
namespace {

// Bounds the work per keystroke on large lexicons.
constexpr unsigned kMaxScannedTerms = 5000;
constexpr unsigned kMaxPrefixExpansion = 50;

}  // namespace

std::vector<Suggestion> suggestions(Xapian::Database& db, const SuggestRequest& request) {
  std::vector<Suggestion> out;
  auto tokens = analysis::analyzer_for("").analyze(request.q);
  if (tokens.empty()) return out;
  const auto& last = tokens.back();
  std::string typed = request.q.substr(0, last.start);

  // Words: title terms with the prefix, most documents first.
  std::string prefix = std::string(schema::kTitlePrefix) + last.term;
  std::vector<std::pair<Xapian::doccount, std::string>> words;
  unsigned scanned = 0;
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    if (++scanned > kMaxScannedTerms) break;
    words.emplace_back(it.get_termfreq(), (*it).substr(schema::kTitlePrefix.size()));
  }
  std::stable_sort(words.begin(), words.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  size_t word_limit = static_cast<size_t>(std::max(1, request.limit / 2));
  for (const auto& [freq, word] : words) {
    if (out.size() >= word_limit) break;
    out.push_back({typed + word, "term", "", ""});
  }

  // Titles: the earlier words as typed, the last one as a title prefix.
  std::vector<Xapian::Query> parts;
  auto languages = query_languages(request.q);
  for (size_t i = 0; i + 1 < tokens.size(); ++i)
    if (!tokens[i].stop)
      parts.push_back(word_query(request.q.substr(tokens[i].start, tokens[i].end - tokens[i].start),
                                 languages));
  parts.emplace_back(Xapian::Query::OP_WILDCARD, prefix, kMaxPrefixExpansion,
                     Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  Xapian::Query q(Xapian::Query::OP_AND, parts.begin(), parts.end());
  if (!request.lang.empty())
    q = Xapian::Query(Xapian::Query::OP_FILTER, q,
                      Xapian::Query(std::string(schema::kLangPrefix) +
                                    analysis::normalize_language_tag(request.lang)));
  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  enquire.set_collapse_key(schema::kGroupSlot);
  Xapian::MSet mset = enquire.get_mset(
      0, static_cast<Xapian::doccount>(request.limit - static_cast<int>(out.size())));
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    // The display slots, as a hit's translation links read them: the stored
    // article (tens of kilobytes for a long speech) only for a document
    // written before them.
    Xapian::Document doc = it.get_document();
    Suggestion title{doc.get_value(schema::kTitleSlot), "title", doc.get_value(schema::kIdSlot),
                     doc.get_value(schema::kUrlSlot)};
    if (title.id.empty()) {
      StoredArticle a = read_stored(doc);
      if (a.id.empty() && a.title.empty()) continue;
      title = {std::move(a.title), "title", std::move(a.id), std::move(a.url)};
    }
    out.push_back(std::move(title));
  }
  return out;
}

}  // namespace portal
