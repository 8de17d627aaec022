// The query parser's output as Xapian queries.
#include "searchd/query_parser.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>

namespace portal {
namespace {

// Whether `q` or any of its subqueries is Xapian::Query::MatchAll itself.
bool shares_match_all(const Xapian::Query& q) {
  if (q.internal.get() != nullptr && q.internal.get() == Xapian::Query::MatchAll.internal.get())
    return true;
  for (size_t i = 0; i < q.get_num_subqueries(); ++i)
    if (shares_match_all(q.get_subquery(i))) return true;
  return false;
}

// Xapian::Query::MatchAll is one object for the process, and copying a query
// changes its reference count without atomics: requests parsed on several
// threads at once must not copy it (the empty query of the search page, a
// query of filters or of NOT words only).
TEST(QueryParserTest, MatchesOfEverythingAreTheRequestsOwn) {
  QueryContext context;
  for (const char* q : {"", "-war", "topic:Війна", "lang:uk", "date:2022..", "-war -peace",
                        "lang:uk -war", "peace OR -war"}) {
    ParsedQuery parsed = parse_query(q, context);
    EXPECT_FALSE(shares_match_all(parsed.strict)) << q;
    EXPECT_FALSE(shares_match_all(parsed.relaxed)) << q;
    for (const auto& b : parsed.boosts) EXPECT_FALSE(shares_match_all(b)) << q;
  }
  EXPECT_EQ(parse_query("", context).strict.get_type(), Xapian::Query::LEAF_MATCH_ALL);
  EXPECT_NE(parse_query("-war", context).strict.get_description().find("<alldocuments>"),
            std::string::npos);
}

}  // namespace
}  // namespace portal
