#include "searchd/index_terms.h"

namespace portal {

TermFreqs prefix_terms(const Xapian::Database& db, const std::string& prefix) {
  TermFreqs out;
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it)
    if (it.get_termfreq() > 0) out.emplace_back(*it, it.get_termfreq());
  return out;
}

IndexTerms terms_of(const Xapian::Database& db) {
  return [&db](const std::string& prefix) {
    return std::make_shared<const TermFreqs>(prefix_terms(db, prefix));
  };
}

}  // namespace portal
