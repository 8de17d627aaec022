// Matches sorted by date read the dates from the facet columns once they are
// built (ColumnKey): the pages are those of the index's own sort.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "indexer/article.h"
#include "indexer/index_writer.h"
#include "searchd/searcher.h"
#include "tests/support/test_env.h"

namespace portal::test {
namespace {

// Articles written in no date order: many on the same day (ties go by
// docid), some without a date, most in pairs of translations, over two years.
void write_articles(const std::string& db) {
  IndexWriter writer(db);
  for (int i = 0; i < 400; ++i) {
    const char* lang = i % 3 == 0 ? "en" : i % 3 == 1 ? "fr" : "uk";
    const int month = (i * 7) % 24;
    const std::string date = i % 11 == 0 ? ""
                                         : R"("date":")" + std::to_string(2020 + month / 12) + "-" +
                                               (month % 12 < 9 ? "0" : "") +
                                               std::to_string(month % 12 + 1) + "-0" +
                                               std::to_string(1 + (i / 24) % 3) + R"(",)";
    const std::string group =
        i % 5 == 0 ? "" : R"("translation_group":"g)" + std::to_string(i / 2) + R"(",)";
    writer.upsert(parse_article(R"({"id":"a)" + std::to_string(i) + R"(","lang":")" + lang +
                                    R"(",)" + date + group + R"("title":"Harbour )" +
                                    std::to_string(i) + R"(","body":"harbour cranes)" +
                                    (i % 4 == 0 ? " grain" : "") + R"("})",
                                {}));
  }
  writer.finish();
}

std::vector<std::string> ids(const SearchResult& result) {
  std::vector<std::string> out;
  for (const auto& h : result.hits) out.push_back(h.id);
  return out;
}

TEST(DateOrderTest, PagesSortedFromTheColumnsAreTheIndexOrder) {
  TempDir dir;
  const std::string db = dir.file("db");
  write_articles(db);
  SearcherOptions o;
  o.facet_columns = false;
  Searcher from_index(db, o);
  o.facet_columns = true;
  Searcher from_columns(db, o);
  from_columns.load_facet_columns();
  ASSERT_GT(from_columns.facet_columns_bytes(), 0u);
  size_t ties = 0, pages = 0;
  for (const std::string q : {"", "harbour", "grain"})
    for (SortOrder sort : {SortOrder::kDate, SortOrder::kDateAsc})
      for (bool collapse : {true, false})
        for (bool filtered : {false, true})
          for (auto [per_page, page] : {std::pair{10, 1}, {10, 3}, {40, 2}, {100, 4}}) {
            SearchRequest r;
            r.q = q;
            r.sort = sort;
            r.collapse = collapse;
            r.per_page = per_page;
            r.page = page;
            if (filtered) r.filters["lang"] = {"en", "uk"};
            SCOPED_TRACE("q=" + q + " sort=" + std::to_string(static_cast<int>(sort)) +
                         (collapse ? " collapsed" : "") + (filtered ? " filtered" : "") + " page " +
                         std::to_string(page) + " of " + std::to_string(per_page));
            const SearchResult a = from_index.search(r), b = from_columns.search(r);
            EXPECT_EQ(b.total, a.total);
            EXPECT_EQ(ids(b), ids(a));
            for (size_t i = 1; i < b.hits.size(); ++i) {
              const std::string &before = b.hits[i - 1].date, &after = b.hits[i].date;
              if (sort == SortOrder::kDate) {
                EXPECT_GE(before, after) << i;
              } else {
                EXPECT_LE(before, after) << i;
              }
              ties += before == after;
            }
            pages += !b.hits.empty();
          }
  EXPECT_GT(pages, 70u);
  EXPECT_GT(ties, 100u);  // the order within a day is exercised
}

}  // namespace
}  // namespace portal::test
