#include "searchd/similar.h"

#include "analyzers/analyzer.h"
#include "indexer/schema.h"
#include "searchd/hits.h"

namespace portal {
namespace {

constexpr Xapian::termcount kExpandTerms = 40;

// Only free-text surface words: prefixed terms (ids, filters, stems, title
// copies) start with an upper-case ASCII letter; digits and very short words
// say little about the subject.
class TextTerms : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    if (term.size() < 4) return false;
    unsigned char c = static_cast<unsigned char>(term[0]);
    return !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9');
  }
};

}  // namespace

std::vector<std::pair<Xapian::docid, double>> similar_documents(Xapian::Database& db,
                                                                const Xapian::Document& doc,
                                                                const SimilarRequest& request) {
  Xapian::Enquire enquire(db);
  Xapian::RSet rset;
  rset.add_document(doc.get_docid());
  TextTerms decider;
  Xapian::ESet eset = enquire.get_eset(kExpandTerms, rset, &decider);
  std::vector<Xapian::Query> terms;
  for (auto it = eset.begin(); it != eset.end(); ++it) terms.emplace_back(*it);
  if (terms.empty()) return {};

  std::vector<Xapian::Query> excluded;
  for (const auto& id : translation_ids(db, doc))
    excluded.emplace_back(std::string(schema::kIdPrefix) + id);
  std::string group = doc.get_value(schema::kGroupSlot);
  if (!group.empty()) excluded.emplace_back(std::string(schema::kGroupPrefix) + group);

  Xapian::Query q(Xapian::Query::OP_OR, terms.begin(), terms.end());
  if (!request.lang.empty())
    q = Xapian::Query(Xapian::Query::OP_FILTER, q,
                      Xapian::Query(std::string(schema::kLangPrefix) +
                                    analysis::normalize_language_tag(request.lang)));
  if (!excluded.empty())
    q = Xapian::Query(Xapian::Query::OP_AND_NOT, q,
                      Xapian::Query(Xapian::Query::OP_OR, excluded.begin(), excluded.end()));
  enquire.set_query(q);
  enquire.set_collapse_key(schema::kGroupSlot);
  Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(request.limit + 1));
  std::vector<std::pair<Xapian::docid, double>> out;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    if (*it == doc.get_docid()) continue;
    if (out.size() >= static_cast<size_t>(request.limit)) break;
    out.emplace_back(*it, it.get_weight());
  }
  return out;
}

}  // namespace portal
