// Faults: a killed daemon, a missing or corrupt index, a disk that fills up.
// Each must end in a clear error or a clean recovery, never a broken index.
#include <gtest/gtest.h>
#include <httplib.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/support/test_env.h"

namespace portal::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string corpus(const std::string& name) {
  return source_dir() + "/data/" + name + "/docs.jsonl";
}

unsigned long line_count(const std::string& path) {
  std::ifstream in(path);
  unsigned long n = 0;
  std::string line;
  while (std::getline(in, line)) n += !line.empty();
  return n;
}

std::vector<std::string> hit_ids(int port, const std::string& query) {
  httplib::Client client("127.0.0.1", port);
  auto res = client.Get("/api/v1/search?per_page=20&q=" + query);
  EXPECT_TRUE(res);
  if (!res) return {};
  EXPECT_EQ(res->status, 200) << res->body;
  std::vector<std::string> ids;
  json body = json::parse(res->body);
  for (const auto& hit : body["hits"]) ids.push_back(hit["id"]);
  return ids;
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

void index_ok(const std::string& db, const std::string& file) {
  auto r = run_process({indexer_bin(), "index", "--db", db, file}, "", 300000);
  ASSERT_EQ(r.exit_code, 0) << r.err;
}

TEST(FaultsTest, DaemonKilledWithSigkillServesTheSameResultsAfterRestart) {
  TempDir dir;
  index_ok(dir.file("db"), corpus("zelensky-addresses"));
  const std::vector<std::string> queries = {
      "sanctions", "%D0%9C%D0%B0%D1%80%D1%96%D1%83%D0%BF%D0%BE%D0%BB%D1%8C",
      "humanitarian+corridors", "%22European+Union%22"};
  std::vector<std::vector<std::string>> before;
  {
    Daemon daemon(dir.file("db"));
    for (const auto& q : queries) before.push_back(hit_ids(daemon.port(), q));
    ASSERT_EQ(kill(daemon.pid(), SIGKILL), 0);
    EXPECT_EQ(daemon.stop(), -SIGKILL);
  }
  Daemon restarted(dir.file("db"));
  for (size_t i = 0; i < queries.size(); ++i) {
    EXPECT_FALSE(before[i].empty()) << queries[i];
    EXPECT_EQ(hit_ids(restarted.port(), queries[i]), before[i]) << queries[i];
  }
}

TEST(FaultsTest, DaemonRefusesAMissingIndexWithAClearMessage) {
  TempDir dir;
  auto r = run_process({searchd_bin(), "--db", dir.file("nothing-here"), "--listen", "127.0.0.1:0"},
                       "", 30000);
  ASSERT_FALSE(r.timed_out) << "the daemon started without an index";
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(lower(r.err).find("index"), std::string::npos) << r.err;
}

TEST(FaultsTest, DaemonRefusesACorruptIndexWithAClearMessage) {
  TempDir dir;
  index_ok(dir.file("db"), corpus("kremlin-ru-2025"));
  for (const auto& entry : fs::recursive_directory_iterator(dir.file("db"))) {
    if (!entry.is_regular_file()) continue;
    std::ofstream out(entry.path(), std::ios::binary | std::ios::trunc);
    out << "this is not a Xapian index, just garbage written over it\n";
  }
  auto r =
      run_process({searchd_bin(), "--db", dir.file("db"), "--listen", "127.0.0.1:0"}, "", 30000);
  ASSERT_FALSE(r.timed_out) << "the daemon started on a corrupt index";
  EXPECT_NE(r.exit_code, 0);
  EXPECT_GT(r.exit_code, 0) << "crashed instead of exiting: " << r.err;
  EXPECT_NE(lower(r.err).find("index"), std::string::npos) << r.err;
}

TEST(FaultsTest, IndexerOnAFullDiskFailsClearlyAndKeepsTheLastCommit) {
  TempDir dir;
  const std::string db = dir.file("db");
  const std::string first = corpus("kremlin-ru-2025");
  const std::string second = corpus("zelensky-addresses");
  index_ok(db, first);
  const unsigned long committed = line_count(first);

  // prlimit's file-size cap makes every write past 2 MB fail, as a full disk does.
  auto r = run_process(
      {"/usr/bin/prlimit", "--fsize=2000000", indexer_bin(), "index", "--db", db, second}, "",
      300000);
  ASSERT_FALSE(r.timed_out);
  EXPECT_GT(r.exit_code, 0) << "expected a reported failure, got " << r.exit_code << ": " << r.err;
  EXPECT_FALSE(r.err.empty());

  {
    Xapian::Database opened(db);  // still opens: the last commit is intact
    EXPECT_GE(opened.get_doccount(), committed);
    EXPECT_LT(opened.get_doccount(), committed + line_count(second));
  }
  index_ok(db, second);  // the same command, with room, completes the job
  Xapian::Database done(db);
  EXPECT_EQ(done.get_doccount(), committed + line_count(second));
}

}  // namespace
}  // namespace portal::test
