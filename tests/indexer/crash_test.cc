// portal-indexer killed with SIGKILL mid-run: the index holds exactly what was
// committed, and running the same command again completes it.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <xapian.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "tests/support/test_env.h"

extern char** environ;

namespace portal {
namespace {

constexpr int kDocuments = 6000;
constexpr int kBatch = 200;

std::string id_of(int i) { return "crash-" + std::to_string(i); }

void write_input(const std::string& path) {
  std::ofstream out(path);
  for (int i = 0; i < kDocuments; ++i) {
    out << R"({"id":")" << id_of(i) << R"(","title":"Report number )" << i
        << R"(","body":"The committee reviewed item )" << i
        << R"( of the agenda and adopted the budget for harbour repairs, grain storage and )"
        << R"(railway maintenance after a long debate.","topics":["t)" << i % 7 << R"("]})"
        << "\n";
  }
}

// Starts the indexer without waiting for it; its output goes to /dev/null.
pid_t start(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return rc == 0 ? pid : -1;
}

// Documents committed so far, or 0 when the index cannot be opened yet.
unsigned committed(const std::string& db) {
  try {
    return Xapian::Database(db).get_doccount();
  } catch (const Xapian::Error&) {
    return 0;
  }
}

TEST(CrashTest, KilledIndexerLeavesACommittedPrefixAndReRunCompletesIt) {
  test::TempDir tmp;
  const std::string db = tmp.file("idx"), input = tmp.file("big.jsonl");
  write_input(input);
  const std::vector<std::string> command{test::indexer_bin(),    "index",  "--db", db,   "--batch",
                                         std::to_string(kBatch), "--jobs", "2",    input};
  pid_t pid = start(command);
  ASSERT_GT(pid, 0);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (committed(db) < 2 * kBatch && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  ASSERT_EQ(kill(pid, SIGKILL), 0);
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the indexer finished before it could be killed";

  Xapian::Database idx(db);
  const unsigned prefix = idx.get_doccount();
  ASSERT_GE(prefix, 2u * kBatch);
  ASSERT_LT(prefix, static_cast<unsigned>(kDocuments));
  EXPECT_EQ(prefix % kBatch, 0u) << "only whole batches are committed";
  for (int i = 0; i < kDocuments; ++i)
    ASSERT_EQ(idx.get_termfreq("Q" + id_of(i)), i < static_cast<int>(prefix) ? 1u : 0u) << i;

  auto r = test::run_process(command);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("indexed " + std::to_string(kDocuments - prefix) +
                       ", updated 0, unchanged " + std::to_string(prefix)),
            std::string::npos)
      << r.err;
  idx.reopen();
  EXPECT_EQ(idx.get_doccount(), static_cast<unsigned>(kDocuments));
  for (int i = 0; i < kDocuments; ++i) ASSERT_EQ(idx.get_termfreq("Q" + id_of(i)), 1u) << i;
}

}  // namespace
}  // namespace portal
