// A date range over year and month terms matches what a value range matches.
#include "searchd/date_filter.h"

#include <gtest/gtest.h>

#include <random>
#include <set>

#include "indexer/schema.h"
#include "searchd/query_parser.h"
#include "tests/support/test_env.h"

namespace portal::test {
namespace {

std::set<Xapian::docid> matches(const Xapian::Database& db, const Xapian::Query& q) {
  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  std::set<Xapian::docid> out;
  Xapian::MSet m = enquire.get_mset(0, db.get_doccount());
  for (auto it = m.begin(); it != m.end(); ++it) out.insert(*it);
  return out;
}

TEST(DateFilterTest, MatchesWhatTheValueRangeMatches) {
  TempDir dir;
  {
    // Dated as the indexer dates them (document_builder.cc), with month
    // ends, gaps of whole years and a document without a date.
    Xapian::WritableDatabase db(dir.file("db"), Xapian::DB_CREATE);
    std::mt19937 rng(7);
    for (int i = 0; i < 3000; ++i) {
      Xapian::Document doc;
      doc.add_boolean_term("Q" + std::to_string(i));
      if (i > 0) {
        int year = 1995 + static_cast<int>(rng() % 12);
        if (year == 2000) year = 2001;
        char day[11];
        std::snprintf(day, sizeof day, "%04d-%02d-%02d", year, 1 + static_cast<int>(rng() % 12),
                      i % 5 == 0   ? 31
                      : i % 5 == 1 ? 1
                                   : 1 + static_cast<int>(rng() % 31));
        std::string d(day);
        doc.add_value(schema::kDateSlot, d);
        doc.add_boolean_term(std::string(schema::kYearPrefix) + d.substr(0, 4));
        doc.add_boolean_term(std::string(schema::kMonthPrefix) + d.substr(0, 7));
      }
      db.add_document(doc);
    }
    db.commit();
  }
  Xapian::Database db(dir.file("db"));
  const std::vector<std::string> bounds = {"",        "1990",       "1995",       "1997-03",
                                           "1998-12", "1999-12-31", "2000",       "2000-06-15",
                                           "2003-01", "2003-01-01", "2003-02-28", "2006",
                                           "2006-12", "2006-12-31", "2010"};
  int compared = 0;
  for (const auto& a : bounds)
    for (const auto& b : bounds) {
      if (a.empty() && b.empty()) continue;
      std::string from = a.empty() ? "" : date_bound(a, false, "from");
      std::string to = b.empty() ? "" : date_bound(b, true, "to");
      auto expected = matches(db, date_values(from, to));
      EXPECT_EQ(matches(db, date_filter(db, from, to)), expected) << a << ".." << b;
      compared += !expected.empty();
    }
  EXPECT_GT(compared, 100);
}

}  // namespace
}  // namespace portal::test
