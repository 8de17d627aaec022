// Hostile input over HTTP: every request here must get a normal result or a
// 4xx JSON error — never a 5xx, never a crash — and the daemon must answer a
// normal query right after each one.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "tests/support/raw_http.h"
#include "tests/support/test_env.h"

namespace portal::test {
namespace {

using nlohmann::json;

struct HostileCase {
  const char* what;
  std::string target;
  std::string headers = "";
};

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

std::vector<HostileCase> hostile_cases() {
  const std::string s = "/api/v1/search?q=";
  std::vector<HostileCase> cases = {
      {"empty query", s},
      {"whitespace-only query", s + "%20%20%09%0A"},
      {"100 KB query", s + repeat("sanctions+", 10240)},
      {"10,000 terms", s + repeat("a+", 10000)},
      {"deep parentheses", s + repeat("(", 3000) + "x" + repeat(")", 3000)},
      {"deep parentheses, unbalanced", s + repeat("(", 3000) + "x"},
      {"unbalanced quote", s + "%22sanctions+against"},
      {"lone quote", s + "%22"},
      {"unbalanced brackets", s + "(sanctions+OR+(war"},
      {"closing bracket first", s + ")sanctions("},
      {"lone star", s + "*"},
      {"one-letter prefix", s + "a*"},
      {"star first", s + "*ukraine"},
      {"double star", s + "**"},
      {"only operators", s + "AND+OR+NOT"},
      {"trailing AND", s + "war+AND"},
      {"leading OR", s + "OR+war"},
      {"NOT NOT", s + "NOT+NOT+war"},
      {"bare plus and minus", s + "%2B+-+%2B-war"},
      {"empty field", s + "title%3A"},
      {"empty topic", s + "topic%3A"},
      {"unknown field", s + "foo%3Abar"},
      {"lone colon", s + "%3A"},
      {"empty date range", s + "date%3A.."},
      {"impossible date range", s + "date%3A2022-13-45..2022-01-01"},
      {"reversed date range", s + "date%3A2023-01-01..2022-01-01"},
      {"date range garbage", s + "date%3Ayesterday..tomorrow"},
      {"unknown language field", s + "lang%3Axx"},
      {"invalid UTF-8", s + "%FF%FE%FD"},
      {"overlong encoding of slash", s + "%C0%AF"},
      {"UTF-16 surrogate in UTF-8", s + "%ED%A0%80"},
      {"truncated UTF-8", s + "%D0"},
      {"raw non-UTF-8 byte in target", s + "\xff\xfe"},
      {"NUL byte", s + "war%00peace"},
      {"control characters", s + "%01%07%1B%7F"},
      {"right-to-left override", s + "%E2%80%AEsanctions"},
      {"combining marks pile", s + "e" + repeat("%CC%81", 200)},
      {"emoji", s + "%F0%9F%98%80%F0%9F%87%BA%F0%9F%87%A6"},
      {"negative page", s + "war&page=-1"},
      {"huge page", s + "war&page=99999999"},
      {"zero per_page", s + "war&per_page=0"},
      {"float per_page", s + "war&per_page=1e9"},
      {"non-numeric page", s + "war&page=abc"},
      {"empty page", s + "war&page="},
      {"page overflowing int", s + "war&page=99999999999999999999999"},
      {"unknown parameter", s + "war&frobnicate=1"},
      {"repeated q", s + "war&q=peace"},
      {"repeated page", s + "war&page=1&page=2"},
      {"malformed from date", s + "war&from=2022-13-45"},
      {"malformed to date", s + "war&to=2022-02-30"},
      {"date before 1900", s + "war&from=1066-10-14"},
      {"date after 9999", s + "war&to=10000-01-01"},
      {"non-date from", s + "war&from=yesterday"},
      {"bad sort", s + "war&sort=sideways"},
      {"bad collapse", s + "war&collapse=maybe"},
      {"bad facets", s + "war&facets=%00,,nonsense"},
      {"markup in ui_lang", s + "war&ui_lang=%3Cscript%3E"},
      {"recency out of range", s + "war&recency=7"},
      {"recency not a number", s + "war&recency=soon"},
      {"lone percent", s + "%"},
      {"bad percent digits", s + "%G1%ZZ"},
      {"truncated percent", s + "war%E"},
      {"very long URL path", "/" + repeat("a", 100000)},
      {"very long header", s + "war", "X-Long: " + repeat("b", 100000) + "\r\n"},
      {"many headers", s + "war", repeat("X-Many: 1\r\n", 2000)},
      {"suggest with invalid UTF-8", "/api/v1/suggest?q=%FF"},
      {"suggest with empty prefix", "/api/v1/suggest?q="},
      {"suggest with star", "/api/v1/suggest?q=*"},
      {"analyze invalid UTF-8", "/api/v1/analyze?text=%FF%C0%AF&lang=uk"},
      {"analyze unknown language", "/api/v1/analyze?text=abc&lang=%00%00"},
      {"document id with traversal", "/api/v1/documents/..%2F..%2Fetc%2Fpasswd"},
      {"document id with NUL", "/api/v1/documents/a%00b"},
      {"similar of unknown document", "/api/v1/documents/nope/similar"},
  };
  return cases;
}

class HostileQueryTest : public ::testing::Test {
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
  static TempDir* dir_;
  static Daemon* daemon_;
};
TempDir* HostileQueryTest::dir_ = nullptr;
Daemon* HostileQueryTest::daemon_ = nullptr;

TEST_F(HostileQueryTest, EveryHostileRequestGetsAnAnswerBelow500AndTheDaemonKeepsServing) {
  int port = daemon_->port();
  for (const auto& c : hostile_cases()) {
    SCOPED_TRACE(c.what);
    RawResponse r = raw_get(port, c.target, c.headers);
    EXPECT_GE(r.status, 200) << "no HTTP answer";
    EXPECT_LT(r.status, 500) << r.body.substr(0, 300);
    if (r.status >= 400 && c.target.rfind("/api/", 0) == 0) {
      json body = json::parse(r.body, nullptr, false);
      ASSERT_FALSE(body.is_discarded()) << "error body is not JSON: " << r.body.substr(0, 200);
      EXPECT_TRUE(body["error"]["code"].is_string()) << body.dump();
      EXPECT_TRUE(body["error"]["message"].is_string()) << body.dump();
    }
    if (r.status == 200 && c.target.rfind("/api/v1/search", 0) == 0) {
      json body = json::parse(r.body, nullptr, false);
      ASSERT_FALSE(body.is_discarded()) << r.body.substr(0, 200);
      EXPECT_TRUE(body["hits"].is_array());
    }
    ASSERT_TRUE(daemon_->alive()) << "daemon died";
    RawResponse normal = raw_get(port, "/api/v1/search?q=sanctions");
    ASSERT_EQ(normal.status, 200) << "normal query failed after the hostile one";
    EXPECT_FALSE(json::parse(normal.body)["hits"].empty());
  }
}

// Requests for every document (the search page's first request, a listing by
// filters, NOT words only) on many connections at once: the daemon once
// shared one Xapian query object between them and crashed within a few
// thousand such requests.
TEST_F(HostileQueryTest, ManyConnectionsListingEverythingKeepTheDaemonUp) {
  const char* targets[] = {"/api/v1/search?q=", "/api/v1/search?q=-war&lang=uk",
                           "/api/v1/search?lang=en&facets=none&snippets=false",
                           "/api/v1/search?q=sanctions"};
  std::atomic<int> ok{0}, failed{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < 8; ++c) {
    clients.emplace_back([&, c] {
      httplib::Client client("127.0.0.1", daemon_->port());
      client.set_keep_alive(true);
      for (int i = 0; i < 1000; ++i) {
        auto res = client.Get(targets[(c + i) % 4]);
        (res && res->status == 200 ? ok : failed)++;
      }
    });
  }
  for (auto& t : clients) t.join();
  EXPECT_EQ(failed.load(), 0);
  EXPECT_EQ(ok.load(), 8 * 1000);
  EXPECT_TRUE(daemon_->alive()) << "daemon died";
}

TEST_F(HostileQueryTest, ResponsesToInvalidUtf8AreValidUtf8Json) {
  RawResponse r = raw_get(daemon_->port(), "/api/v1/search?q=%FF%FEsanctions%C0%AF");
  ASSERT_GT(r.status, 0);
  ASSERT_LT(r.status, 500);
  // nlohmann rejects invalid UTF-8 in strict parsing: a parsable body proves
  // nothing unsafe was echoed back.
  EXPECT_FALSE(json::parse(r.body, nullptr, false).is_discarded()) << r.body.substr(0, 200);
}

}  // namespace
}  // namespace portal::test
