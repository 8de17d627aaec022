// Bm25TermSource weighs a term as Xapian's BM25Weight does, from the
// document lengths of FacetColumns: the same matches, the same weights, the
// same order, alone, scaled, in OR and AND, filtered, pruned and unweighted.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "searchd/bm25_source.h"
#include "tests/support/test_env.h"

namespace portal::test {
namespace {

const Bm25Params kParams{1.2, 0.75, 0.5};

Xapian::BM25Weight bm25() {
  return Xapian::BM25Weight(kParams.k1, 0, 1, kParams.b, kParams.min_normlen);
}

class Bm25TermSourceTest : public ::testing::Test {
 protected:
  // 2,000 documents of 5 to 400 words drawn from 50 (word w about 1/(w+1)
  // as often as the first), a filter term in every seventh.
  void SetUp() override {
    Xapian::WritableDatabase w(dir.file("db"), Xapian::DB_CREATE);
    std::mt19937 random(7);
    for (unsigned i = 1; i <= 2000; ++i) {
      Xapian::Document doc;
      const unsigned words = 5 + random() % 396;
      for (unsigned k = 0; k < words; ++k) {
        unsigned word = 0;
        while (word < 49 && random() % (word + 2) != 0) ++word;
        doc.add_term("w" + std::to_string(word));
      }
      if (i % 7 == 0) doc.add_boolean_term("Kseven");
      w.add_document(doc);
    }
    w.commit();
    db = Xapian::Database(dir.file("db"));
    columns = std::make_shared<FacetColumns>(db, std::vector<SlotCounter::Spec>{});
    leaves = bm25_leaves(columns, kParams);
  }

  // A source of one term.
  Xapian::Query leaf(const std::string& term) const { return leaves({{term, 1.0}}); }

  // The top `n` of `q` (and all counted), as docids and weights.
  static std::vector<std::pair<Xapian::docid, double>> top(const Xapian::Database& db,
                                                           const Xapian::Query& q, unsigned n,
                                                           unsigned check = 0,
                                                           Xapian::doccount* matches = nullptr) {
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    enquire.set_weighting_scheme(bm25());
    Xapian::MSet mset = enquire.get_mset(0, n, check);
    if (matches) *matches = mset.get_matches_estimated();
    std::vector<std::pair<Xapian::docid, double>> out;
    for (auto it = mset.begin(); it != mset.end(); ++it) out.emplace_back(*it, it.get_weight());
    return out;
  }

  // Expects `a` and `b` to rank the same documents with the same weights.
  static void expect_same(const std::vector<std::pair<Xapian::docid, double>>& a,
                          const std::vector<std::pair<Xapian::docid, double>>& b) {
    ASSERT_EQ(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].first, b[i].first) << "rank " << i;
      EXPECT_NEAR(a[i].second, b[i].second, 1e-12) << "rank " << i;
    }
  }

  TempDir dir;
  Xapian::Database db;
  std::shared_ptr<FacetColumns> columns;
  QueryAnalyses::Leaves leaves;
};

TEST_F(Bm25TermSourceTest, ColumnsHoldEveryDocumentsLength) {
  ASSERT_EQ(columns->lengths().size(), db.get_lastdocid() + 1);
  for (Xapian::docid did : {1u, 2u, 777u, 2000u})
    EXPECT_EQ(columns->lengths()[did], db.get_doclength(did));
}

TEST_F(Bm25TermSourceTest, WeighsATermAsBm25WeightDoes) {
  for (const char* term : {"w0", "w3", "w12", "w49", "absent"}) {
    SCOPED_TRACE(term);
    Xapian::doccount by_term = 0, by_source = 0;
    auto expected = top(db, Xapian::Query(term), 2000, 2000, &by_term);
    auto got = top(db, leaf(term), 2000, 2000, &by_source);
    expect_same(expected, got);
    EXPECT_EQ(by_term, by_source);
    EXPECT_EQ(by_term, db.get_termfreq(term));
  }
}

TEST_F(Bm25TermSourceTest, ScaledCombinedFilteredAndPrunedAsTerms) {
  auto build = [](auto make) {
    using Q = Xapian::Query;
    return std::vector<Q>{
        Q(Q::OP_OR, make("w1"), Q(Q::OP_SCALE_WEIGHT, make("w8"), 0.3)),
        Q(Q::OP_AND, make("w2"), Q(Q::OP_OR, make("w5"), make("w20"))),
        Q(Q::OP_AND_MAYBE, make("w0"), Q(Q::OP_SCALE_WEIGHT, make("w30"), 0.5)),
        Q(Q::OP_FILTER, Q(Q::OP_OR, make("w4"), make("w9")), Q("Kseven")),
    };
  };
  auto terms = build([](const char* t) { return Xapian::Query(t); });
  auto sources = build([&](const char* t) { return leaf(t); });
  for (size_t i = 0; i < terms.size(); ++i) {
    SCOPED_TRACE(terms[i].get_description());
    // Every match counted, and the top 10 with Xapian's pruning.
    expect_same(top(db, terms[i], 2000, 2000), top(db, sources[i], 2000, 2000));
    expect_same(top(db, terms[i], 10), top(db, sources[i], 10));
  }
}

TEST_F(Bm25TermSourceTest, SeveralTermsWeighAsTheirScaledOr) {
  using Q = Xapian::Query;
  const std::vector<std::vector<WeightedTerm>> groups = {
      {{"w1", 1.0}, {"w8", 1.0}},
      {{"w3", 1.0}, {"w14", 0.3}, {"w40", 0.5}, {"absent", 1.0}},
      {{"w0", 1.0}, {"w2", 0.3}},
      {{"w25", 0.5}},
  };
  for (const auto& group : groups) {
    std::vector<Q> scaled;
    for (const auto& [term, factor] : group)
      scaled.emplace_back(Q::OP_SCALE_WEIGHT, Q(term), factor);
    const Q terms(Q::OP_OR, scaled.begin(), scaled.end());
    SCOPED_TRACE(terms.get_description());
    Xapian::doccount by_terms = 0, by_source = 0;
    expect_same(top(db, terms, 2000, 2000, &by_terms),
                top(db, leaves(group), 2000, 2000, &by_source));
    EXPECT_EQ(by_terms, by_source);
    // Pruned to a top 10, beside another word, required or not.
    expect_same(top(db, terms, 10), top(db, leaves(group), 10));
    for (auto op : {Q::OP_OR, Q::OP_AND, Q::OP_AND_MAYBE}) {
      expect_same(top(db, Q(op, terms, Q("w5")), 10),
                  top(db, Q(op, leaves(group), leaf("w5")), 10));
      expect_same(top(db, Q(op, Q("w5"), terms), 10, 2000),
                  top(db, Q(op, leaf("w5"), leaves(group)), 10, 2000));
    }
  }
}

TEST_F(Bm25TermSourceTest, AnEmptyIndexMatchesNothing) {
  Xapian::WritableDatabase w(dir.file("empty"), Xapian::DB_CREATE);
  w.commit();
  Xapian::Database empty(dir.file("empty"));
  auto empty_columns = std::make_shared<FacetColumns>(empty, std::vector<SlotCounter::Spec>{});
  Xapian::Query q = bm25_leaves(empty_columns, kParams)({{"w1", 1.0}, {"w2", 0.3}});
  Xapian::doccount matches = 1;
  EXPECT_TRUE(top(empty, q, 10, 10, &matches).empty());
  EXPECT_EQ(matches, 0u);
}

TEST_F(Bm25TermSourceTest, UnweightedItMatchesWhatTheTermMatches) {
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, leaf("w6"), Xapian::Query("Kseven")));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  Xapian::MSet mset = enquire.get_mset(0, 2000);
  Xapian::doccount expected = 0;
  for (auto it = db.postlist_begin("w6"); it != db.postlist_end("w6"); ++it)
    if (*it % 7 == 0) ++expected;
  EXPECT_EQ(mset.size(), expected);
  for (auto it = mset.begin(); it != mset.end(); ++it) EXPECT_EQ(it.get_weight(), 0);
}

// A database merged from runs, as a rebuild writes it, holds a chunk of each
// posting list per run: the source steps or skips to a target alike, and so
// lands where the union of its terms' posting lists says, weighed the same.
TEST_F(Bm25TermSourceTest, SkipsAsItsTermsListsSayOnADatabaseMergedFromRuns) {
  // The fixture's documents, a sparse term (fewer than one in 64: stepped
  // along) added to every 113th and to a run of twelve, which a target
  // near enough to step to can lie past, written whole and in runs of 50.
  auto document = [&](Xapian::docid did) {
    Xapian::Document doc = db.get_document(did);
    if (did % 113 == 0 || (did >= 1000 && did < 1012)) doc.add_term("sparse");
    return doc;
  };
  Xapian::WritableDatabase whole_writer(dir.file("whole"), Xapian::DB_CREATE);
  for (Xapian::docid did = 1; did <= 2000; ++did) whole_writer.replace_document(did, document(did));
  whole_writer.commit();
  Xapian::Database runs;
  for (unsigned r = 0; r < 40; ++r) {
    const std::string path = dir.file("run" + std::to_string(r));
    Xapian::WritableDatabase w(path, Xapian::DB_CREATE);
    for (Xapian::docid did = 1 + 50 * r; did <= 50 * (r + 1); ++did)
      w.replace_document(did, document(did));
    w.commit();
    runs.add_database(Xapian::Database(path));
  }
  runs.compact(dir.file("merged"));
  Xapian::Database merged(dir.file("merged")), whole(dir.file("whole"));
  ASSERT_EQ(merged.get_doccount(), 2000u);
  ASSERT_LT(merged.get_termfreq("sparse") * 64, merged.get_doccount());
  auto merged_columns = std::make_shared<FacetColumns>(merged, std::vector<SlotCounter::Spec>{});
  // A common word, a rarer one, a filter term and a sparse term, as one source.
  const std::vector<WeightedTerm> terms = {
      {"w1", 1.0}, {"w40", 0.5}, {"Kseven", 0.2}, {"sparse", 0.7}};
  // Where it must land, and the weight Xapian gives the scaled OR of the
  // terms there, on the database written whole.
  std::set<Xapian::docid> any;
  for (const auto& t : terms)
    for (auto it = merged.postlist_begin(t.term); it != merged.postlist_end(t.term); ++it)
      any.insert(*it);
  ASSERT_GT(any.size(), 100u);
  std::vector<Xapian::Query> scaled;
  for (const auto& [term, factor] : terms)
    scaled.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term), factor);
  std::map<Xapian::docid, double> weight;
  for (const auto& [did, w] :
       top(whole, Xapian::Query(Xapian::Query::OP_OR, scaled.begin(), scaled.end()), 2000, 2000))
    weight[did] = w;
  ASSERT_EQ(weight.size(), any.size());
  std::mt19937 random(11);
  for (int round = 0; round < 20; ++round) {
    Bm25TermSource source(terms, merged_columns, kParams);
    source.init(merged);
    Xapian::docid target = 1;
    while (true) {
      // Gaps of none to two documents, or up to a few hundred.
      target += random() % (round % 2 ? 3 : 300);
      source.skip_to(target, 0);
      auto expected = any.lower_bound(target);
      if (expected == any.end()) {
        EXPECT_TRUE(source.at_end());
        break;
      }
      ASSERT_FALSE(source.at_end());
      ASSERT_EQ(source.get_docid(), *expected) << "target " << target;
      EXPECT_NEAR(source.get_weight(), weight.at(*expected), 1e-12) << "at " << *expected;
      target = source.get_docid();
      if (random() % 2) {
        source.next(0);
        expected = any.upper_bound(target);
        if (expected == any.end()) {
          EXPECT_TRUE(source.at_end());
          break;
        }
        ASSERT_EQ(source.get_docid(), *expected);
        EXPECT_NEAR(source.get_weight(), weight.at(*expected), 1e-12) << "at " << *expected;
        target = source.get_docid();
      }
    }
  }
}

TEST_F(Bm25TermSourceTest, AQueryHoldingItSerialisesByItsTerm) {
  EXPECT_EQ(leaf("w1").serialise(), leaf("w1").serialise());
  EXPECT_NE(leaf("w1").serialise(), leaf("w2").serialise());
  EXPECT_NE(leaves({{"w1", 1.0}, {"w2", 1.0}}).serialise(), leaf("w1").serialise());
  EXPECT_NE(leaves({{"w1", 1.0}, {"w2", 1.0}}).serialise(),
            leaves({{"w1", 1.0}, {"w2", 0.5}}).serialise());
  EXPECT_NE(leaves({{"w1", 1.0}, {"w2", 1.0}}).serialise(),
            leaves({{"w1w", 1.0}, {"2", 1.0}}).serialise());
}

}  // namespace
}  // namespace portal::test
