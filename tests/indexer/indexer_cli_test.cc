// portal-indexer as a real process: inputs, bad lines, exit codes, stats.
#include <gtest/gtest.h>
#include <xapian.h>

#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "indexer/stored_data.h"
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

void write_gzip(const std::string& path, const std::string& text) {
  gzFile out = gzopen(path.c_str(), "wb");
  ASSERT_NE(out, nullptr);
  ASSERT_EQ(gzwrite(out, text.data(), static_cast<unsigned>(text.size())),
            static_cast<int>(text.size()));
  gzclose(out);
}

std::string body_of(const std::string& db, const std::string& id) {
  Xapian::Database idx(db);
  auto it = idx.postlist_begin("Q" + id);
  if (it == idx.postlist_end("Q" + id)) return "<missing>";
  return nlohmann::json::parse(portal::decode_stored(portal::stored_bytes(idx.get_document(*it))))
      .value("body", "");
}

TEST(IndexerCliTest, ReadsGzipStdinAndSeveralFilesInOrder) {
  test::TempDir tmp;
  const std::string db = tmp.file("idx");
  write_gzip(tmp.file("a.jsonl.gz"), article("gz1", "Compressed") + article("gz2", "Also"));
  write_file(tmp.file("b.jsonl"), article("plain", "Plain"));
  auto r = index({"--db", db, tmp.file("a.jsonl.gz"), "-", tmp.file("b.jsonl")},
                 article("stdin1", "From a pipe"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Xapian::Database idx(db);
  EXPECT_EQ(idx.get_doccount(), 4u);
  for (const char* id : {"gz1", "gz2", "stdin1", "plain"})
    EXPECT_EQ(idx.get_termfreq(std::string("Q") + id), 1u) << id;
}

TEST(IndexerCliTest, ReportsUnreadableInputsAndCorruptCompression) {
  test::TempDir tmp;
  const std::string db = tmp.file("idx");
  std::string gz = tmp.file("cut.jsonl.gz");
  write_gzip(gz, article("c1", "Cut") + std::string(5000, ' ') + "\n" + article("c2", "Cut"));
  std::filesystem::resize_file(gz, std::filesystem::file_size(gz) - 8);
  write_file(tmp.file("ok.jsonl"), article("fine", "Fine"));
  auto r = index({"--db", db, tmp.file("missing.jsonl"), gz, tmp.file("ok.jsonl")});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find(tmp.file("missing.jsonl") + ": cannot open"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(gz + ": "), std::string::npos) << r.err;
  EXPECT_EQ(Xapian::Database(db).get_termfreq("Qfine"), 1u);
}

TEST(IndexerCliTest, LastDuplicateWinsWithAWarning) {
  test::TempDir tmp;
  const std::string db = tmp.file("idx"), input = tmp.file("dup.jsonl");
  write_file(input, R"({"id":"d","title":"First","body":"first version"})"
                    "\n"
                    R"({"id":"e","title":"Other","body":"other"})"
                    "\n"
                    R"({"id":"d","title":"Second","body":"second version"})"
                    "\n");
  auto r = index({"--db", db, "--jobs", "2", "--batch", "1", input});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find(input + ":3: warning: id 'd' also at " + input + ":1"), std::string::npos)
      << r.err;
  EXPECT_EQ(body_of(db, "d"), "second version");
  EXPECT_EQ(Xapian::Database(db).get_doccount(), 2u);
}

TEST(IndexerCliTest, StrictStopsAtTheFirstErrorWithoutCommittingTheBatch) {
  test::TempDir tmp;
  const std::string db = tmp.file("idx"), input = tmp.file("s.jsonl");
  std::string lines;
  for (int i = 0; i < 5; ++i) lines += article("s" + std::to_string(i), "Doc");
  lines += "{broken\n";
  for (int i = 5; i < 8; ++i) lines += article("s" + std::to_string(i), "Doc");
  write_file(input, lines);
  auto r = index({"--db", db, "--strict", "--batch", "3", input});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find(input + ":6: invalid JSON"), std::string::npos) << r.err;
  Xapian::Database idx(db);
  EXPECT_EQ(idx.get_doccount(), 3u) << "only the first full batch is committed";
  EXPECT_EQ(idx.get_termfreq("Qs3"), 0u);
}

TEST(IndexerCliTest, SkipsDocumentsOverTheSizeLimit) {
  test::TempDir tmp;
  const std::string db = tmp.file("idx"), input = tmp.file("big.jsonl");
  write_file(input, article("small", "Small") +
                        article("big", "Big", R"(,"summary":")" + std::string(5000, 'x') + "\"") +
                        article("small2", "Small"));
  auto r = index({"--db", db, "--max-document-bytes", "1000", input});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find(input + ":2: document over the size limit of 1000 bytes"), std::string::npos)
      << r.err;
  Xapian::Database idx(db);
  EXPECT_EQ(idx.get_doccount(), 2u);
  EXPECT_EQ(idx.get_termfreq("Qbig"), 0u);
}

TEST(IndexerCliTest, DeletesByIdAndByTombstone) {
  test::TempDir tmp;
  const std::string db = tmp.file("idx"), input = tmp.file("a.jsonl");
  write_file(input, article("k1", "Keep") + article("k2", "Go") + article("k3", "Go too"));
  ASSERT_EQ(index({"--db", db, input}).exit_code, 0);
  auto r = run_process({test::indexer_bin(), "delete", "--db", db, "k2", "nope"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("'nope'"), std::string::npos) << r.err;
  r = index({"--db", db, "-"}, R"({"id":"k3","deleted":true})"
                               "\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("deleted 1"), std::string::npos) << r.err;
  Xapian::Database idx(db);
  EXPECT_EQ(idx.get_doccount(), 1u);
  EXPECT_EQ(idx.get_termfreq("Qk1"), 1u);
  EXPECT_EQ(run_process({test::indexer_bin(), "delete", "--db", tmp.file("none"), "x"}).exit_code,
            1);
}

TEST(IndexerCliTest, RebuildSwitchesToAFreshGeneration) {
  test::TempDir tmp;
  const std::string db = tmp.file("idx");
  write_file(tmp.file("old.jsonl"), article("old", "Old") + article("both", "Old version"));
  write_file(tmp.file("new.jsonl"), article("both", "New version") + article("new", "New"));
  ASSERT_EQ(index({"--db", db, tmp.file("old.jsonl")}).exit_code, 0);
  Xapian::Database before(db);
  auto r = index({"--db", db, "--rebuild", "--grace", "0", tmp.file("new.jsonl")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Xapian::Database after(db);
  EXPECT_EQ(after.get_doccount(), 2u);
  EXPECT_EQ(after.get_termfreq("Qold"), 0u);
  EXPECT_EQ(after.get_termfreq("Qnew"), 1u);
  EXPECT_EQ(before.get_termfreq("Qold"), 1u) << "a reader opened before keeps its snapshot";
  EXPECT_EQ(stats(db)["generation"], "gen-2");
  EXPECT_FALSE(std::filesystem::exists(db + "/gen-1"));
}

TEST(IndexerCliTest, RebuildInParallelRunsGivesTheIndexOfAnUpdate) {
  test::TempDir tmp;
  std::string input;
  const char* const words[] = {"harbour", "grain", "railway", "summit", "treaty"};
  for (int i = 0; i < 25; ++i)
    input += article("r" + std::to_string(i), std::string("Report on ") + words[i % 5]);
  input += article("r3", "Report on the amended treaty");
  input += R"({"id":"r4","deleted":true})"
           "\n";
  write_file(tmp.file("in.jsonl"), input);
  auto direct = index({"--db", tmp.file("update"), tmp.file("in.jsonl")});
  ASSERT_EQ(direct.exit_code, 0) << direct.err;
  auto bulk = index({"--db", tmp.file("bulk"), "--rebuild", "--run-size", "2", "--write-threads",
                     "2", tmp.file("in.jsonl")});
  ASSERT_EQ(bulk.exit_code, 0) << bulk.err;
  EXPECT_NE(bulk.err.find("indexed 25, updated 1, unchanged 0, deleted 1"), std::string::npos)
      << bulk.err;
  EXPECT_NE(bulk.err.find("24 documents in "), std::string::npos) << bulk.err;

  Xapian::Database a(tmp.file("update")), b(tmp.file("bulk"));
  ASSERT_EQ(b.get_doccount(), a.get_doccount());
  EXPECT_EQ(b.get_termfreq("Qr4"), 0u);
  EXPECT_EQ(b.get_termfreq("amended"), 1u) << "the last version of r3";
  for (auto t = a.allterms_begin(); t != a.allterms_end(); ++t)
    EXPECT_EQ(b.get_termfreq(*t), t.get_termfreq()) << *t;
  for (auto t = b.allterms_begin(); t != b.allterms_end(); ++t)
    EXPECT_EQ(a.get_termfreq(*t), t.get_termfreq()) << *t;
  std::map<std::string, Xapian::doccount> spelling_a, spelling_b;
  for (auto w = a.spellings_begin(); w != a.spellings_end(); ++w) spelling_a[*w] = w.get_termfreq();
  for (auto w = b.spellings_begin(); w != b.spellings_end(); ++w) spelling_b[*w] = w.get_termfreq();
  EXPECT_EQ(spelling_b, spelling_a);
  EXPECT_EQ(b.get_spelling_suggestion("treatty"), "treaty");
}

TEST(IndexerCliTest, IndexesADirectoryOfHtmlPagesWithoutTheirMenus) {
  test::TempDir tmp;
  const std::string db = tmp.file("idx");
  auto r = index({"--db", db, test::source_dir() + "/tests/data/html"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Xapian::Database idx(db);
  EXPECT_EQ(idx.get_doccount(), 3u);
  EXPECT_EQ(idx.get_termfreq("Qhttps://portal.example.org/en/news/2024/grain-corridor"), 1u);
  EXPECT_EQ(idx.get_termfreq("Qhttps://portal.example.org/fr/actualites/corridor-cereales"), 1u);
  EXPECT_EQ(idx.get_termfreq("Qhtml/about.htm"), 1u);
  EXPECT_EQ(idx.get_termfreq("Lfr"), 1u);
  EXPECT_EQ(idx.get_termfreq("XTFood security"), 1u);
  EXPECT_EQ(idx.get_termfreq("wheat"), 1u);
  EXPECT_EQ(idx.get_termfreq("editorial"), 1u);
  for (const char* menu_word : {"vacancies", "procurement", "tenders", "embassies", "cookies"})
    EXPECT_EQ(idx.get_termfreq(menu_word), 0u) << menu_word;
}

TEST(IndexerCliTest, ReportsBadPagesAndIndexesTheGoodOnes) {
  test::TempDir tmp;
  const std::string db = tmp.file("idx"), dir = test::source_dir() + "/tests/data/html-bad";
  auto r = index({"--db", db, dir});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find(dir + "/no-title.html: page has no title"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(dir + "/bad-date.html: field 'date'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(dir + "/latin1.html: invalid UTF-8"), std::string::npos) << r.err;
  EXPECT_EQ(Xapian::Database(db).get_doccount(), 1u);
  EXPECT_EQ(Xapian::Database(db).get_termfreq("Qhtml-bad/good.html"), 1u);
}

TEST(IndexerCliTest, HelpListsOptionsAndExitCodes) {
  auto r = run_process({test::indexer_bin(), "index", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* word :
       {"--db", "--rebuild", "--strict", "--batch", "--jobs", "--max-document-bytes", "--facets",
        "--grace", "--run-size", "--write-threads", "Exit codes"})
    EXPECT_NE(r.out.find(word), std::string::npos) << word;
  EXPECT_EQ(run_process({test::indexer_bin(), "index", "--bogus"}).exit_code, 64);
}

// The rebuild figures of benchmarks/README.md are jemalloc's: the binary must
// allocate through it, not through glibc's malloc.
TEST(IndexerCliTest, AllocatesThroughJemalloc) {
#ifndef PORTAL_INDEXER_JEMALLOC
  GTEST_SKIP() << "sanitizer builds keep their own allocator";
#endif
  auto r = run_process(
      {"/usr/bin/env", "MALLOC_CONF=stats_print:true", test::indexer_bin(), "index", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.err.find("jemalloc statistics"), std::string::npos) << r.err.substr(0, 300);
}

}  // namespace
}  // namespace portal
