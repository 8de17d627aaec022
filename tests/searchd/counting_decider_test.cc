// A CountingDecider counts each match once, as a spy beside the whole match
// would, and stops at its cap or its deadline.
#include <gtest/gtest.h>

#include <optional>
#include <vector>

#include "indexer/schema.h"
#include "searchd/facets.h"
#include "tests/support/slot_counts.h"
#include "tests/support/test_env.h"

namespace portal::test {
namespace {

const SlotCounter::Spec kLang{schema::kLangSlot, false, 0};

// What one CountingDecider counted of a match.
struct Counted {
  Counts langs;
  Xapian::doccount total = 0;
  bool every = false, timed_out = false;
};

class CountingDeciderTest : public ::testing::Test {
 protected:
  // 3,000 documents: "every" in each, "third" in every third, "some" in the
  // even ones and every fifth; languages in turn.
  void SetUp() override {
    Xapian::WritableDatabase w(dir.file("db"), Xapian::DB_CREATE);
    const char* langs[] = {"en", "fr", "ru", "uk", "en"};
    for (unsigned i = 1; i <= 3000; ++i) {
      Xapian::Document doc;
      doc.add_term("every");
      if (i % 3 == 0) doc.add_term("third");
      if (i % 2 == 0 || i % 5 == 0) doc.add_term("some");
      doc.add_value(schema::kLangSlot, langs[i % 5]);
      w.add_document(doc);
    }
    w.commit();
    db = Xapian::Database(dir.file("db"));
  }

  // The languages of every match of `q`, from a spy beside the whole match.
  Counts with_a_spy(const Xapian::Query& q) {
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    SlotCounter counter(kLang);
    LocalCountSpy spy(db);
    spy.add(&counter);
    enquire.add_matchspy(&spy);
    enquire.get_mset(0, 10, db.get_doccount());
    spy.finish(db);
    return counts_of(counter);
  }

  // The languages of the matches of `q` a CountingDecider counts.
  Counted by_decider(const Xapian::Query& q, Xapian::doccount cap,
                     std::optional<CountingDecider::Clock::time_point> deadline = std::nullopt) {
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    SlotCounter counter(kLang);
    LocalCountSpy spy(db);
    spy.add(&counter);
    CountingDecider decider(spy, cap, deadline);
    Counted out;
    out.every = decider.run(enquire);
    out.timed_out = decider.timed_out();
    spy.finish(db);
    out.langs = counts_of(counter);
    out.total = counter.total();
    return out;
  }

  TempDir dir;
  Xapian::Database db;
};

TEST_F(CountingDeciderTest, CountsEveryMatchOnceAsASpyDoes) {
  const std::vector<Xapian::Query> queries = {
      Xapian::Query("third"),
      Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("third"), Xapian::Query("some")),
      Xapian::Query(Xapian::Query::OP_AND, Xapian::Query("third"), Xapian::Query("some")),
      Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query("every"), Xapian::Query("some")),
      Xapian::Query("absent"),
  };
  for (const auto& q : queries) {
    SCOPED_TRACE(q.get_description());
    const Counted counted = by_decider(q, db.get_doccount());
    EXPECT_TRUE(counted.every);
    EXPECT_FALSE(counted.timed_out);
    const Counts expected = with_a_spy(q);
    EXPECT_EQ(counted.langs, expected);
    Xapian::doccount total = 0;
    for (const auto& [lang, n] : expected) total += n;
    EXPECT_EQ(counted.total, total);
  }
  // Not vacuous: "third" matches a thousand documents, a fifth of them "fr".
  EXPECT_EQ(with_a_spy(Xapian::Query("third"))["fr"], 200u);
}

TEST_F(CountingDeciderTest, StopsAtItsCapAfterTheFirstMatches) {
  const Counted first = by_decider(Xapian::Query("third"), 100);
  EXPECT_FALSE(first.every);
  EXPECT_FALSE(first.timed_out);
  EXPECT_EQ(first.total, 100u);
  // The first hundred matches in docid order: 3, 6, ..., 300.
  EXPECT_EQ(first.langs, (Counts{{"en", 40}, {"fr", 20}, {"ru", 20}, {"uk", 20}}));
  // A cap of exactly the matches counts them all.
  const Counted all = by_decider(Xapian::Query("third"), 1000);
  EXPECT_TRUE(all.every);
  EXPECT_EQ(all.total, 1000u);
}

TEST_F(CountingDeciderTest, StopsOncePastItsDeadline) {
  const Counted counted = by_decider(Xapian::Query("every"), db.get_doccount(),
                                     CountingDecider::Clock::now() - std::chrono::seconds(1));
  EXPECT_FALSE(counted.every);
  EXPECT_TRUE(counted.timed_out);
  EXPECT_GT(counted.total, 0u);
  EXPECT_LT(counted.total, 3000u);
}

}  // namespace
}  // namespace portal::test
