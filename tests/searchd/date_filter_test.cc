// A date range over year and month terms matches what a value range matches.
#include "searchd/date_filter.h"

#include <gtest/gtest.h>

#include <random>
#include <regex>
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

// Dated as the indexer dates them (document_builder.cc), with month ends,
// gaps of whole years and a document without a date.
void write_dated(const std::string& path) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE);
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

TEST(DateFilterTest, MatchesWhatTheValueRangeMatches) {
  TempDir dir;
  write_dated(dir.file("db"));
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
      EXPECT_EQ(matches(db, date_filter(terms_of(db), from, to)), expected) << a << ".." << b;
      compared += !expected.empty();
    }
  EXPECT_GT(compared, 100);
}

// The query language's date: field, parsed for the index it runs on, is the
// year and month terms, and matches what its value range matches, alone and
// combined with the other operators.
TEST(DateFilterTest, TheQueryFieldMatchesWhatItsValueRangeMatches) {
  TempDir dir;
  write_dated(dir.file("db"));
  Xapian::Database db(dir.file("db"));
  QueryContext context;
  const IndexTerms terms = terms_of(db);
  int compared = 0;
  for (const char* q :
       {"date:1997", "date:1997-03", "date:1998-12-31", "date:1999..2003-01-01", "date:2000..",
        "date:..2001-06", "NOT date:2002..2003", "date:1996 OR date:2005-07..",
        "(date:1995-01..1995-06 OR date:2004) NOT date:2004-02"}) {
    ParsedQuery by_values = parse_query(q, context);
    ParsedQuery by_terms = parse_query(q, context, &terms);
    EXPECT_TRUE(by_values.index_terms && by_terms.index_terms) << q;
    // Parsed for the index, the range names its year and month terms.
    EXPECT_TRUE(std::regex_search(by_terms.strict.get_description(), std::regex("(Y|XM)\\d{4}")))
        << q << ": " << by_terms.strict.get_description();
    auto expected = matches(db, by_values.strict);
    EXPECT_EQ(matches(db, by_terms.strict), expected) << q;
    compared += !expected.empty() && expected.size() < db.get_doccount();
  }
  EXPECT_EQ(compared, 9);
  EXPECT_FALSE(parse_query("war -peace", context, &terms).index_terms);
}

}  // namespace
}  // namespace portal::test
