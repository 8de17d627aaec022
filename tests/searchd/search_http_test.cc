// Integration: index a sample corpus with the real portal-indexer, start the
// real portal-searchd on a loopback port and query it over HTTP.
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "tests/support/test_env.h"

namespace portal::test {
namespace {

using nlohmann::json;

class SearchHttpTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    auto r = run_process({indexer_bin(), "index", "--db", dir_->file("db"),
                          source_dir() + "/data/zelensky-addresses/docs.jsonl"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    daemon_ = new Daemon(dir_->file("db"));
  }
  static void TearDownTestSuite() {
    delete daemon_;
    delete dir_;
  }

  json get(const std::string& path, int expected_status = 200) {
    httplib::Client client("127.0.0.1", daemon_->port());
    auto res = client.Get(path);
    EXPECT_TRUE(res) << path;
    if (!res) return {};
    EXPECT_EQ(res->status, expected_status) << path << ": " << res->body;
    return json::parse(res->body);
  }

  static TempDir* dir_;
  static Daemon* daemon_;
};
TempDir* SearchHttpTest::dir_ = nullptr;
Daemon* SearchHttpTest::daemon_ = nullptr;

TEST_F(SearchHttpTest, HealthzAnswers) { EXPECT_EQ(get("/healthz")["status"], "ok"); }

TEST_F(SearchHttpTest, FindsEnglishArticlesByWord) {
  json r = get("/api/v1/search?q=sanctions");
  ASSERT_GT(r["total"].get<int>(), 0);
  ASSERT_FALSE(r["hits"].empty());
  const auto& hit = r["hits"][0];
  EXPECT_EQ(hit["lang"], "en");
  EXPECT_TRUE(hit["id"].get<std::string>().starts_with("zelensky-en-"));
  EXPECT_GT(hit["score"].get<double>(), 0);
}

TEST_F(SearchHttpTest, FindsUkrainianArticlesByPlaceName) {
  json r = get("/api/v1/search?q=%D0%9C%D0%B0%D1%80%D1%96%D1%83%D0%BF%D0%BE%D0%BB%D1%8C");
  ASSERT_GE(r["hits"].size(), 3u);
  int ukrainian = 0;
  for (const auto& hit : r["hits"]) {
    // Any inflected form: Маріуполь, Маріуполя, Маріуполі, ...
    EXPECT_NE(hit["snippet"].get<std::string>().find("Маріупол"), std::string::npos) << hit;
    ukrainian += hit["lang"] == "uk";
  }
  EXPECT_GE(ukrainian, 3);
}

TEST_F(SearchHttpTest, RanksTitleMatchesFirstAndPaginates) {
  json page1 = get("/api/v1/search?q=sanctions&per_page=3");
  json page2 = get("/api/v1/search?q=sanctions&per_page=3&page=2");
  ASSERT_EQ(page1["hits"].size(), 3u);
  ASSERT_EQ(page2["hits"].size(), 3u);
  EXPECT_NE(page1["hits"][0]["id"], page2["hits"][0]["id"]);
  EXPECT_GE(page1["hits"][2]["score"].get<double>(), page2["hits"][0]["score"].get<double>());
}

TEST_F(SearchHttpTest, RejectsBadParametersWith400) {
  json r = get("/api/v1/search?q=x&per_page=abc", 400);
  EXPECT_EQ(r["error"]["code"], "invalid_per_page");
  get("/api/v1/search?q=x&page=0", 400);
}

}  // namespace
}  // namespace portal::test
