// Integration: the same documents indexed once as a single index and once as
// two shards; the shards searched locally (stub file) and remotely (two
// xapian-tcpsrv processes on loopback) must rank exactly like the single
// index, and a shard that dies or stalls must give a fast 503 (or a partial
// answer) and be used again once it is back.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>

#include <chrono>
#include <cmath>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include <xapian.h>
#include "indexer/sharding.h"
#include "tests/scale/child.h"
#include "tests/support/test_env.h"

namespace portal::test {
namespace {

using nlohmann::json;

struct Reply {
  int status = 0;
  json body;
};

Reply get(const Daemon& daemon, const std::string& path) {
  httplib::Client client("127.0.0.1", daemon.port());
  client.set_read_timeout(20, 0);  // far above the daemon's remote timeout
  auto res = client.Get(path);
  if (!res) return {};
  return {res->status, json::parse(res->body)};
}

// Same total, same scores in the same order, and the same ids in the same
// order up to ties. Remote shards estimate the total each on its own, so it
// is compared only when `exact_total` (equal scores: the order among them depends on docids,
// which differ between a single index and interleaved shards). The last run
// of ties may be cut differently by the page end, so only its size counts.
void expect_same_ranking(const json& expected, const json& actual, const std::string& query,
                         bool exact_total) {
  SCOPED_TRACE(query);
  if (exact_total) {
    ASSERT_EQ(expected["total"], actual["total"]);
  }
  const json& e = expected["hits"];
  const json& a = actual["hits"];
  ASSERT_EQ(e.size(), a.size());
  size_t start = 0;
  while (start < e.size()) {
    double score = e[start]["score"].get<double>();
    size_t end = start;
    std::multiset<std::string> ids_e, ids_a;
    while (end < e.size() &&
           std::abs(e[end]["score"].get<double>() - score) <= 1e-9 * std::abs(score)) {
      EXPECT_NEAR(a[end]["score"].get<double>(), e[end]["score"].get<double>(),
                  1e-9 * std::abs(score));
      ids_e.insert(e[end]["id"].get<std::string>());
      ids_a.insert(a[end]["id"].get<std::string>());
      ++end;
    }
    if (end < e.size()) {
      EXPECT_EQ(ids_e, ids_a) << "hits " << start << ".." << end;
    }
    start = end;
  }
}

const char* const kQueries[] = {
    "Paris",
    "Россия",
    "président",
    "Путин",
    "élection présidentielle",
    "москва выборы",
    "football",
    "",
    "Paris&page=2",
    "France Allemagne&per_page=25",
    "place:paris",
    "topic:FRANCE date:2016..",
    "&place=Paris",
};

class ShardsHttpTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    std::vector<std::string> files{source_dir() + "/data/wikinews-fr-winer/docs.jsonl",
                                   source_dir() + "/data/wikinews-ru-nerel/docs.jsonl"};
    auto index = [&](std::vector<std::string> args) {
      args.insert(args.begin(), {indexer_bin(), "index"});
      args.insert(args.end(), files.begin(), files.end());
      auto r = run_process(args);
      ASSERT_EQ(r.exit_code, 0) << r.err;
    };
    index({"--db", dir_->file("single")});
    index({"--shards", "2", "--db", dir_->file("sharded")});
    for (int i = 0; i < 2; ++i) {
      ports_[i] = free_port();
      start_shard(i);
    }
    single_ = new Daemon(dir_->file("single"));
    local_ = new Daemon(dir_->file("sharded"));
    std::vector<std::string> remote_args{
        "--shard", remote(1), "--remote-timeout-ms", "500", "--connect-timeout-ms", "500"};
    remote_ = new Daemon(remote(0), remote_args);
    remote_args.push_back("--allow-partial");
    partial_ = new Daemon(remote(0), remote_args);
  }
  static void TearDownTestSuite() {
    for (Daemon* d : {single_, local_, remote_, partial_}) delete d;
    for (auto& s : shards_) s.reset();
    delete dir_;
  }

  static std::string remote(int i) { return "tcp:127.0.0.1:" + std::to_string(ports_[i]); }
  static void start_shard(int i) {
    shards_[i] = std::make_unique<Child>(std::vector<std::string>{
        XAPIAN_TCPSRV_BIN, "--interface", "127.0.0.1", "--port", std::to_string(ports_[i]),
        dir_->file("sharded/" + shard_dir_name(i))});
    ASSERT_TRUE(wait_for_port(ports_[i])) << "xapian-tcpsrv did not start on " << ports_[i];
  }

  // Polls until `daemon` answers `path` with `status`, for at most 15 s.
  static Reply wait_for_status(const Daemon& daemon, const std::string& path, int status) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    Reply r = get(daemon, path);
    while (r.status != status && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      r = get(daemon, path);
    }
    return r;
  }

  static void expect_all_like_single(const Daemon& daemon) {
    for (const char* q : kQueries) {
      std::string path =
          std::string("/api/v1/search?per_page=20&facets=topic,type,lang,year,month,place&q=") + q;
      Reply expected = get(*single_, path);
      Reply actual = get(daemon, path);
      ASSERT_EQ(expected.status, 200) << path;
      ASSERT_EQ(actual.status, 200) << path << ": " << actual.body;
      EXPECT_FALSE(actual.body["partial"].get<bool>()) << path;
      expect_same_ranking(expected.body, actual.body, path, &daemon == local_);
      EXPECT_EQ(expected.body["facets"], actual.body["facets"]) << path;
      EXPECT_FALSE(actual.body["facets"]["lang"].empty()) << path;
      if (q[0] == '\0') {
        EXPECT_FALSE(actual.body["facets"]["place"].empty()) << path;
      }
    }
  }

  static TempDir* dir_;
  static int ports_[2];
  static std::unique_ptr<Child> shards_[2];
  static Daemon *single_, *local_, *remote_, *partial_;
};
TempDir* ShardsHttpTest::dir_ = nullptr;
int ShardsHttpTest::ports_[2] = {0, 0};
std::unique_ptr<Child> ShardsHttpTest::shards_[2];
Daemon* ShardsHttpTest::single_ = nullptr;
Daemon* ShardsHttpTest::local_ = nullptr;
Daemon* ShardsHttpTest::remote_ = nullptr;
Daemon* ShardsHttpTest::partial_ = nullptr;

TEST_F(ShardsHttpTest, EveryShardHoldsPartOfTheDocuments) {
  Reply all = get(*single_, "/api/v1/search?q=");
  ASSERT_EQ(all.status, 200);
  unsigned long sum = 0;
  for (int i = 0; i < 2; ++i) {
    Daemon one(dir_->file("sharded/" + shard_dir_name(i)));
    Reply r = get(one, "/api/v1/search?q=");
    ASSERT_EQ(r.status, 200);
    EXPECT_GT(r.body["total"].get<unsigned long>(), 0u);
    sum += r.body["total"].get<unsigned long>();
  }
  EXPECT_EQ(sum, all.body["total"].get<unsigned long>());
}

TEST_F(ShardsHttpTest, LocalShardsRankLikeASingleIndex) { expect_all_like_single(*local_); }

TEST_F(ShardsHttpTest, RemoteShardsRankLikeASingleIndex) {
  expect_all_like_single(*remote_);
  expect_all_like_single(*partial_);
}

TEST_F(ShardsHttpTest, StubNamingRemoteShardsRanksAndCountsLikeASingleIndex) {
  // A local path whose stub names remote databases: the daemon cannot tell
  // until the matcher refuses its own match spies, then counts with Xapian's.
  std::string stub = dir_->file("remote.stub");
  {
    std::ofstream out(stub);
    for (int i = 0; i < 2; ++i) out << "remote 127.0.0.1:" << ports_[i] << "\n";
  }
  Daemon daemon(stub);
  expect_all_like_single(daemon);
}

TEST_F(ShardsHttpTest, DeadShardGives503OrPartialAndRecovers) {
  const std::string path = "/api/v1/search?per_page=50&q=Paris";
  shards_[1]->kill();

  Reply strict = get(*remote_, path);
  EXPECT_EQ(strict.status, 503) << strict.body;
  EXPECT_EQ(strict.body["error"]["code"], "index_unavailable");
  EXPECT_NE(strict.body["error"]["message"].get<std::string>().find(remote(1)), std::string::npos)
      << strict.body;

  Reply partial = get(*partial_, path);
  ASSERT_EQ(partial.status, 200) << partial.body;
  EXPECT_TRUE(partial.body["partial"].get<bool>());
  ASSERT_FALSE(partial.body["hits"].empty());
  for (const auto& hit : partial.body["hits"])
    EXPECT_EQ(shard_for(hit["id"].get<std::string>(), 2), 0u) << hit["id"];

  start_shard(1);
  Reply back = wait_for_status(*remote_, path, 200);
  ASSERT_EQ(back.status, 200) << back.body;
  expect_all_like_single(*remote_);
  Reply whole = get(*partial_, path);
  for (int i = 0; i < 50 && whole.body["partial"] != false; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    whole = get(*partial_, path);
  }
  EXPECT_EQ(whole.body["partial"], false);
  expect_all_like_single(*partial_);
}

TEST_F(ShardsHttpTest, StalledShardTimesOutInsteadOfHanging) {
  const std::string path = "/api/v1/search?q=Россия";
  ASSERT_EQ(get(*remote_, path).status, 200);  // connections to both shards pooled
  shards_[0]->signal(SIGSTOP);

  Reply strict = get(*remote_, path);
  EXPECT_EQ(strict.status, 503) << strict.body;
  EXPECT_NE(strict.body["error"]["message"].get<std::string>().find(remote(0)), std::string::npos)
      << strict.body;
  Reply partial = get(*partial_, path);
  EXPECT_EQ(partial.status, 200) << partial.body;
  EXPECT_EQ(partial.body["partial"], true);

  shards_[0]->signal(SIGCONT);
  Reply back = wait_for_status(*remote_, path, 200);
  EXPECT_EQ(back.status, 200) << back.body;
  expect_all_like_single(*remote_);
}

// xapian-tcpsrv opens a shard's stub file for each connection: the daemon
// reconnects to remote shards every --remote-refresh-ms, and so serves a
// rebuilt index without a restart of either.
TEST(RemoteShardsRebuildTest, ARebuildIsServedAfterTheRefresh) {
  TempDir dir;
  const std::string db = dir.file("idx");
  const std::string fr = source_dir() + "/data/wikinews-fr-winer/docs.jsonl";
  const std::string ru = source_dir() + "/data/wikinews-ru-nerel/docs.jsonl";
  auto r = run_process({indexer_bin(), "index", "--shards", "2", "--db", db, fr});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  RemoteShard shards[] = {serve_remotely(db + "/" + shard_dir_name(0)),
                          serve_remotely(db + "/" + shard_dir_name(1))};
  Daemon daemon(shards[0].spec, {"--shard", shards[1].spec, "--remote-refresh-ms", "300"});
  auto count = [&] {
    Reply reply = get(daemon, "/api/v1/search?collapse=false&facets=none&q=");
    return reply.status == 200 ? reply.body["total"].get<int>() : -1;
  };
  const int before = count();
  ASSERT_GT(before, 0);
  // The rebuild keeps the old generation a minute for readers still using
  // it: the daemon must move to the new one meanwhile. (Once the old one is
  // gone, its handles fail and are opened afresh anyway.)
  Child rebuild(
      {indexer_bin(), "index", "--rebuild", "--grace", "60", "--shards", "2", "--db", db, fr, ru});
  int after = 0;
  for (const auto& file : {fr, ru}) {
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);) after += !line.empty();
  }
  auto switched = [&] {
    try {
      return static_cast<int>(Xapian::Database(db).get_doccount()) == after;
    } catch (const Xapian::Error&) {
      return false;  // the stub being replaced
    }
  };
  for (int i = 0; i < 300 && !switched(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  ASSERT_TRUE(switched()) << "the rebuild did not finish";
  int seen = count();
  for (int i = 0; i < 50 && seen != after; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    seen = count();
  }
  EXPECT_EQ(seen, after) << "the remote shards still serve the old generation";
  EXPECT_EQ(::kill(rebuild.pid(), 0), 0) << "the rebuild's grace ended first";
}

// Listing everything counts its facets from the index's term statistics, and
// date ranges list its year and month terms; both are kept per revision of
// the shards (DbPool::Lease::revision). An update is counted at once, over
// local and over remote shards.
void expect_listing_follows_an_update(bool remote) {
  SCOPED_TRACE(remote ? "remote shards" : "local shards");
  TempDir dir;
  const std::string db = dir.file("idx");
  auto r = run_process({indexer_bin(), "index", "--shards", "2", "--db", db,
                        source_dir() + "/data/wikinews-fr-winer/docs.jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<RemoteShard> shards;
  if (remote)
    for (unsigned i = 0; i < 2; ++i) shards.push_back(serve_remotely(db + "/" + shard_dir_name(i)));
  Daemon daemon = remote ? Daemon(shards[0].spec, {"--shard", shards[1].spec}) : Daemon(db);
  auto count_of = [](const json& body, const std::string& facet, const std::string& value) {
    for (const auto& v : body["facets"][facet])
      if (v["value"] == value) return v["count"].get<int>();
    return 0;
  };
  const std::string listing = "/api/v1/search?q=&facets=topic,lang,year";
  const std::string dated = "/api/v1/search?q=&from=2031&collapse=false&facets=none";
  // Every pooled handle is found up to date after a few requests.
  Reply before;
  for (int i = 0; i < 4; ++i) {
    before = get(daemon, listing);
    ASSERT_EQ(before.status, 200);
    ASSERT_EQ(get(daemon, dated).body["total"], 0);
  }
  ASSERT_EQ(count_of(before.body, "topic", "Wombat affairs"), 0);
  const int english = count_of(before.body, "lang", "en");
  const std::string update = dir.file("update.jsonl");
  std::ofstream(update) << R"({"id":"wombat-1","lang":"en","date":"2031-05-04",)"
                        << R"("title":"Wombats cross the border","body":"Wombats did.",)"
                        << R"("topics":["Wombat affairs"]})"
                        << "\n";
  r = run_process({indexer_bin(), "index", "--db", db, update});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (int i = 0; i < 4; ++i) {
    Reply after = get(daemon, listing);
    ASSERT_EQ(after.status, 200);
    EXPECT_EQ(after.body["total"], before.body["total"].get<int>() + 1) << i;
    EXPECT_EQ(count_of(after.body, "topic", "Wombat affairs"), 1) << i;
    EXPECT_EQ(count_of(after.body, "lang", "en"), english + 1) << i;
    EXPECT_EQ(count_of(after.body, "year", "2031"), 1) << i;
    EXPECT_EQ(get(daemon, dated).body["total"], 1) << i;
  }
}

TEST(ShardedListingTest, LocalShardsCountAnUpdateAtOnce) {
  expect_listing_follows_an_update(false);
}

TEST(ShardedListingTest, RemoteShardsCountAnUpdateAtOnce) {
  expect_listing_follows_an_update(true);
}

// The write API of a daemon over a sharded index directory routes each article
// to its shard, and the daemon follows a rebuild into another number of shards.
TEST(ShardedWritesTest, WritesReachTheirShardAndARebuildIsFollowed) {
  TempDir dir;
  const std::string db = dir.file("idx");
  const std::string input = source_dir() + "/data/wikinews-fr-winer/docs.jsonl";
  auto r = run_process({indexer_bin(), "index", "--shards", "2", "--db", db, input});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Daemon daemon(db, {}, {"PORTAL_API_KEYS=write:k3y"});
  httplib::Client client("127.0.0.1", daemon.port());
  httplib::Headers auth{{"Authorization", "Bearer k3y"}};
  const std::vector<std::string> ids{"sharded-write-1", "sharded-write-2", "sharded-write-3"};
  for (const auto& id : ids) {
    auto res =
        client.Put("/api/v1/documents/" + id, auth,
                   R"({"title":"Wombats cross the border","lang":"en"})", "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 201) << res->body;
  }
  auto count = [&](const std::string& q) {
    auto res = client.Get("/api/v1/search?collapse=false&q=" + q);
    return res && res->status == 200 ? json::parse(res->body)["total"].get<int>() : -1;
  };
  EXPECT_EQ(count("wombats"), 3);
  for (const auto& id : ids) {
    unsigned shard = shard_for(id, 2);
    EXPECT_TRUE(Xapian::Database(db + "/" + shard_dir_name(shard)).term_exists("Q" + id)) << id;
    EXPECT_FALSE(Xapian::Database(db + "/" + shard_dir_name(1 - shard)).term_exists("Q" + id))
        << id;
  }
  auto res = client.Delete("/api/v1/documents/" + ids[0], auth);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(count("wombats"), 2);
  r = run_process({indexer_bin(), "delete", "--db", db, ids[1]});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(count("wombats"), 1);

  // The indexer refuses another number of shards without --rebuild.
  r = run_process({indexer_bin(), "index", "--shards", "3", "--db", db, input});
  EXPECT_NE(r.exit_code, 0);
  const int all = count("");
  r = run_process(
      {indexer_bin(), "index", "--rebuild", "--grace", "0", "--shards", "3", "--db", db, input});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Xapian::Database(db).size(), 3u);
  auto gone = client.Get("/api/v1/documents/" + ids[2]);
  ASSERT_TRUE(gone);
  EXPECT_EQ(gone->status, 404) << "the daemon still searches the old generation";
  EXPECT_EQ(count(""), all - 1);
}

}  // namespace
}  // namespace portal::test
