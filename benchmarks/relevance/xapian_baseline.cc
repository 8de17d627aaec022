#include <xapian.h>

#include "benchmarks/relevance/system.h"

namespace portal::eval {
namespace {

// Xapian as it comes: no prefixes, no field weights, no stop words.
class XapianBaseline final : public System {
 public:
  explicit XapianBaseline(const Collection& collection)
      : db_(std::string(), Xapian::DB_BACKEND_INMEMORY),
        stemmer_(stemmer_for(collection.language)) {
    Xapian::TermGenerator generator;
    generator.set_stemmer(stemmer_);
    for (const auto& article : collection.docs) {
      Xapian::Document doc;
      generator.set_document(doc);
      generator.index_text(article.title);
      generator.increase_termpos();
      generator.index_text(article.body);
      doc.set_data(article.id);
      db_.add_document(doc);
    }
    db_.commit();
    parser_.set_stemmer(stemmer_);
    parser_.set_database(db_);
    parser_.set_default_op(Xapian::Query::OP_OR);
  }

  std::string name() const override { return "xapian-bm25"; }

  std::vector<ScoredDoc> search(const std::string& query, std::size_t k) override {
    Xapian::Query parsed;
    try {
      parsed = parser_.parse_query(query);
    } catch (const Xapian::QueryParserError&) {
      // Stray syntax characters: take the words literally, as a user would expect.
      parsed = parser_.parse_query(query, 0);
    }
    Xapian::Enquire enquire(db_);
    enquire.set_query(parsed);
    std::vector<ScoredDoc> out;
    Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(k));
    for (auto it = mset.begin(); it != mset.end(); ++it)
      out.push_back({it.get_document().get_data(), it.get_weight()});
    return out;
  }

 private:
  static Xapian::Stem stemmer_for(const std::string& language) {
    try {
      return Xapian::Stem(language);
    } catch (const Xapian::InvalidArgumentError&) {
      return Xapian::Stem();  // no Snowball stemmer for the language
    }
  }

  Xapian::WritableDatabase db_;
  Xapian::Stem stemmer_;
  Xapian::QueryParser parser_;
};

}  // namespace

std::unique_ptr<System> make_xapian_baseline(const Collection& collection) {
  return std::make_unique<XapianBaseline>(collection);
}

}  // namespace portal::eval
