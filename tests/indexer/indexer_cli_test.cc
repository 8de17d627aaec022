// portal-indexer as a real process: inputs, bad lines, exit codes, stats.
#include <gtest/gtest.h>
#include <xapian.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/support/test_env.h"

namespace portal {
namespace {

using test::run_process;

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::string article(const std::string& id, const std::string& title,
                    const std::string& extra = "") {
  return R"({"id":")" + id + R"(","title":")" + title + R"(","lang":"en","body":"Body of )" + id +
         "\"" + extra + "}\n";
}

test::ProcessResult index(const std::vector<std::string>& args,
                          const std::string& stdin_data = "") {
  std::vector<std::string> argv{test::indexer_bin(), "index"};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, stdin_data);
}

nlohmann::json stats(const std::string& db) {
  auto r = run_process({test::indexer_bin(), "stats", "--db", db});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

TEST(IndexerCliTest, IndexesAFileAndReindexingChangesNothing) {
  test::TempDir tmp;
  const std::string db = tmp.file("idx"), input = tmp.file("a.jsonl");
  write_file(input,
             article("a1", "Grain deal", R"(,"topics":["trade","food"],"date":"2023-07-17")") +
                 article("a2", "Energy talks", R"(,"type":"news","date":"2022-01-02")"));
  auto r = index({"--db", db, input});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("indexed 2, updated 0, unchanged 0, deleted 0, skipped 0"),
            std::string::npos)
      << r.err;
  auto s = stats(db);
  EXPECT_EQ(s["documents"], 2);
  EXPECT_EQ(s["languages"]["en"], 2);
  EXPECT_EQ(s["topics"]["food"], 1);
  EXPECT_EQ(s["types"]["news"], 1);
  EXPECT_EQ(s["date_range"]["first"], "2022-01-02");
  EXPECT_EQ(s["date_range"]["last"], "2023-07-17");
  EXPECT_GT(s["size_bytes"].get<long>(), 0);

  auto revision = Xapian::Database(db).get_revision();
  r = index({"--db", db, input});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("indexed 0, updated 0, unchanged 2"), std::string::npos) << r.err;
  EXPECT_EQ(Xapian::Database(db).get_revision(), revision);
  EXPECT_EQ(stats(db), s);
}

TEST(IndexerCliTest, ReportsBadLinesAndIndexesTheRest) {
  test::TempDir tmp;
  const std::string db = tmp.file("idx"), input = tmp.file("mixed.jsonl");
  write_file(input, article("ok1", "First") +  // 1
                        "{not json\n" +        // 2
                        "\n" +                 // 3 (blank: ignored)
                        R"({"title":"no id"})"
                        "\n" +                                                 // 4
                        article("bad-date", "D", R"(,"date":"2023-02-30")") +  // 5
                        "{\"id\":\"u\",\"title\":\"bad \xff utf8\"}\n" +       // 6
                        article("bad-type", "T", R"(,"topics":"war")") +       // 7
                        article("ok2", "Second"));                             // 8
  auto r = index({"--db", db, input});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  for (int line : {2, 4, 5, 6, 7})
    EXPECT_NE(r.err.find(input + ":" + std::to_string(line) + ": "), std::string::npos)
        << line << "\n"
        << r.err;
  EXPECT_EQ(r.err.find(input + ":3:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("skipped 5"), std::string::npos) << r.err;
  Xapian::Database idx(db);
  EXPECT_EQ(idx.get_doccount(), 2u);
  EXPECT_EQ(idx.get_termfreq("Qok1") + idx.get_termfreq("Qok2"), 2u);
}

TEST(IndexerCliTest, HelpListsOptionsAndExitCodes) {
  auto r = run_process({test::indexer_bin(), "index", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* word : {"--db", "--rebuild", "--strict", "--batch", "--jobs",
                           "--max-document-bytes", "--facets", "--grace", "Exit codes"})
    EXPECT_NE(r.out.find(word), std::string::npos) << word;
  EXPECT_EQ(run_process({test::indexer_bin(), "index", "--bogus"}).exit_code, 64);
}

}  // namespace
}  // namespace portal
