// Integration: a primary index published by xapian-replicate-server, a
// replica kept in step by xapian-replicate, and a portal-searchd on the
// replica that serves the primary's results and sees new changes without a
// restart, whether they arrive as changesets or as a full copy; and the
// shards of a sharded primary replicated one by one, each replica served by
// xapian-tcpsrv, followed through an update and a rebuild.
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "indexer/sharding.h"
#include "tests/scale/child.h"
#include "tests/support/test_env.h"

namespace portal::test {
namespace {

using nlohmann::json;

json search(const Daemon& daemon, const std::string& q) {
  httplib::Client client("127.0.0.1", daemon.port());
  auto res = client.Get("/api/v1/search?per_page=20&q=" + q);
  if (!res || res->status != 200) return {};
  return json::parse(res->body);
}

std::vector<std::string> ids(const json& result) {
  std::vector<std::string> out;
  if (result.is_null()) return out;
  for (const auto& hit : result["hits"]) out.push_back(hit["id"].get<std::string>());
  return out;
}

// Polls until the query finds `total` documents, for at most 15 s.
json wait_for_total(const Daemon& daemon, const std::string& q, unsigned long total) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  json r = search(daemon, q);
  while ((r.is_null() || r["total"] != total) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    r = search(daemon, q);
  }
  return r;
}

class ReplicationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // The primary must keep changesets for replicas to catch up incrementally.
    setenv("XAPIAN_MAX_CHANGESETS", "10", 1);
    std::filesystem::create_directories(dir_.file("primaries"));
    index(source_dir() + "/data/wikinews-fr-winer/docs.jsonl");
    port_ = free_port();
    server_ = std::make_unique<Child>(
        std::vector<std::string>{XAPIAN_REPLICATE_SERVER_BIN, "-I", "127.0.0.1", "-p",
                                 std::to_string(port_), dir_.file("primaries")});
    ASSERT_TRUE(wait_for_port(port_));
  }

  void index(const std::string& file) {
    auto r = run_process({indexer_bin(), "index", "--db", dir_.file("primaries/main"), file});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  // One replication round; `full_copy` forces a complete copy.
  void replicate(bool full_copy = false) {
    std::vector<std::string> argv{XAPIAN_REPLICATE_BIN,
                                  "-h",
                                  "127.0.0.1",
                                  "-p",
                                  std::to_string(port_),
                                  "-m",
                                  "main",
                                  "-o",
                                  "-r",
                                  "0",
                                  "-q"};
    if (full_copy) argv.push_back("-f");
    argv.push_back(dir_.file("replica"));
    auto r = run_process(argv);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  void write_article(const std::string& name, const std::string& id, const std::string& title) {
    std::ofstream(dir_.file(name)) << R"({"id":")" << id << R"(","title":")" << title
                                   << R"(","lang":"en","body":"Added to the primary."})"
                                   << "\n";
  }

  TempDir dir_;
  int port_ = 0;
  std::unique_ptr<Child> server_;
};

TEST_F(ReplicationTest, ReplicaDaemonServesThePrimaryAndFollowsIt) {
  replicate();
  Daemon primary(dir_.file("primaries/main"));
  Daemon replica(dir_.file("replica"));
  for (const char* q : {"Paris", "président", "football", ""})
    EXPECT_EQ(ids(search(replica, q)), ids(search(primary, q))) << q;
  EXPECT_EQ(search(replica, "")["total"], 400);

  // Incremental: the change travels as a changeset.
  write_article("new1.jsonl", "replica-test-1", "Quokkas reach the replica");
  index(dir_.file("new1.jsonl"));
  EXPECT_EQ(search(replica, "quokkas")["total"], 0);
  replicate();
  json r = wait_for_total(replica, "quokkas", 1);
  ASSERT_FALSE(r.is_null());
  EXPECT_EQ(r["total"], 1);
  EXPECT_EQ(ids(r), std::vector<std::string>{"replica-test-1"});

  // A full copy switches the replica to a new directory behind its stub file.
  write_article("new2.jsonl", "replica-test-2", "Quokkas arrive by full copy");
  index(dir_.file("new2.jsonl"));
  replicate(true);
  r = wait_for_total(replica, "quokkas", 2);
  ASSERT_FALSE(r.is_null());
  EXPECT_EQ(r["total"], 2);
  EXPECT_EQ(search(replica, "")["total"], 402);
  EXPECT_TRUE(replica.alive());
}

// Each shard of a sharded primary is replicated through its stub file
// (idx/shard-N), and each replica served by xapian-tcpsrv to one daemon.
TEST_F(ReplicationTest, ShardReplicasServedRemotelyFollowAnUpdateAndARebuild) {
  const std::string fr = source_dir() + "/data/wikinews-fr-winer/docs.jsonl";
  const std::string ru = source_dir() + "/data/wikinews-ru-nerel/docs.jsonl";
  const std::string primary = dir_.file("primaries/sharded");
  auto run = [](const std::vector<std::string>& argv) {
    auto r = run_process(argv);
    EXPECT_EQ(r.exit_code, 0) << r.err;
  };
  run({indexer_bin(), "index", "--shards", "2", "--db", primary, fr});
  auto replicate_shards = [&] {
    for (unsigned i = 0; i < 2; ++i)
      run({XAPIAN_REPLICATE_BIN, "-h", "127.0.0.1", "-p", std::to_string(port_), "-m",
           "sharded/" + shard_dir_name(i), "-o", "-r", "0", "-q",
           dir_.file("replica-" + std::to_string(i))});
  };
  replicate_shards();
  RemoteShard shards[] = {serve_remotely(dir_.file("replica-0")),
                          serve_remotely(dir_.file("replica-1"))};
  Daemon remote(shards[0].spec, {"--shard", shards[1].spec, "--remote-refresh-ms", "300"});
  Daemon local(primary);
  for (const char* q : {"Paris", "président", ""})
    EXPECT_EQ(ids(search(remote, q)), ids(search(local, q))) << q;
  EXPECT_EQ(search(remote, "")["total"], 400);

  write_article("new.jsonl", "sharded-replica-1", "Quokkas reach a shard replica");
  run({indexer_bin(), "index", "--db", primary, dir_.file("new.jsonl")});
  replicate_shards();
  json r = wait_for_total(remote, "quokkas", 1);
  ASSERT_FALSE(r.is_null());
  EXPECT_EQ(ids(r), std::vector<std::string>{"sharded-replica-1"});

  // A rebuild makes new shard databases: each replica gets a full copy.
  run({indexer_bin(), "index", "--rebuild", "--grace", "0", "--shards", "2", "--db", primary, fr,
       ru});
  replicate_shards();
  r = wait_for_total(remote, "", 700);
  ASSERT_FALSE(r.is_null());
  EXPECT_EQ(r["total"], 700);
  EXPECT_EQ(search(remote, "quokkas")["total"], 0);
  for (const char* q : {"Россия", "président"})
    EXPECT_EQ(ids(search(remote, q)), ids(search(local, q))) << q;
}

}  // namespace
}  // namespace portal::test
