// Integration: the HTTP layer and operations of the real portal-searchd over a
// small index built from repository data — errors, keys, writes, limits,
// metrics, CORS, static files, access log, shutdown, slow clients.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>
#include <xapian.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "tests/support/test_env.h"

namespace portal::test {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

constexpr char kWriteKey[] = "w-3f9c1d7e5a";
constexpr char kReadKey[] = "r-8b2e6a4c0d";

// The first `n` articles of a repository corpus, as a file in `dir`.
std::string sample_corpus(const TempDir& dir, int n) {
  std::ifstream in(source_dir() + "/data/wikinews-fr-winer/docs.jsonl");
  std::ofstream out(dir.file("sample.jsonl"));
  std::string line;
  for (int i = 0; i < n && std::getline(in, line); ++i) out << line << "\n";
  return dir.file("sample.jsonl");
}

void build_index(const std::string& db, const std::string& corpus) {
  auto r = run_process({indexer_bin(), "index", "--db", db, corpus});
  ASSERT_EQ(r.exit_code, 0) << r.err;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

int connect_to(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  timeval tv{5, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  return fd;
}

// Sends `request` verbatim on a new connection and returns all it gets back.
std::string raw_exchange(int port, const std::string& request) {
  int fd = connect_to(port);
  if (fd < 0) return {};
  send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  std::string out;
  char buf[4096];
  ssize_t n;
  while ((n = recv(fd, buf, sizeof buf, 0)) > 0) out.append(buf, n);
  close(fd);
  return out;
}

std::string raw_get(int port, const std::string& target) {
  return raw_exchange(port, "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
}

int status_of(const std::string& raw) { return raw.size() > 12 ? std::atoi(raw.c_str() + 9) : 0; }

httplib::Headers bearer(const std::string& key) { return {{"Authorization", "Bearer " + key}}; }

// The value of one Prometheus sample, or -1 when absent.
double sample(const std::string& text, const std::string& name_and_labels) {
  auto at = text.find("\n" + name_and_labels + " ");
  if (at == std::string::npos) return -1;
  return std::atof(text.c_str() + at + name_and_labels.size() + 2);
}

class HttpOpsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    corpus_ = new std::string(sample_corpus(*dir_, 25));
    build_index(dir_->file("db"), *corpus_);
    std::ofstream(dir_->file("keys"))
        << "# test keys\nwrite:" << kWriteKey << "\nread:" << kReadKey << "\n";
    daemon_ = new Daemon(dir_->file("db"),
                         {"--api-keys-file", dir_->file("keys"), "--cors-origin",
                          "https://allowed.example", "--access-log", dir_->file("access.log"),
                          "--max-body-bytes", "65536", "--max-query-bytes", "200"});
  }
  static void TearDownTestSuite() {
    delete daemon_;
    delete corpus_;
    delete dir_;
  }

  httplib::Client client() {
    httplib::Client c("127.0.0.1", daemon_->port());
    c.set_read_timeout(10, 0);
    return c;
  }

  // Checks the JSON error shape and returns its code.
  static std::string error_code(const httplib::Result& res, int status) {
    EXPECT_TRUE(res);
    if (!res) return {};
    EXPECT_EQ(res->status, status) << res->body;
    EXPECT_NE(res->get_header_value("Content-Type").find("application/json"), std::string::npos);
    json body = json::parse(res->body, nullptr, false);
    EXPECT_TRUE(body.contains("error")) << res->body;
    if (!body.contains("error")) return {};
    EXPECT_TRUE(body["error"]["message"].is_string());
    return body["error"]["code"].get<std::string>();
  }

  static long total_for(httplib::Client& c, const std::string& q) {
    auto res = c.Get("/api/v1/search?q=" + q);
    if (!res || res->status != 200) return -1;
    return json::parse(res->body)["total"].get<long>();
  }

  static TempDir* dir_;
  static std::string* corpus_;
  static Daemon* daemon_;
};
TempDir* HttpOpsTest::dir_ = nullptr;
std::string* HttpOpsTest::corpus_ = nullptr;
Daemon* HttpOpsTest::daemon_ = nullptr;

TEST_F(HttpOpsTest, HealthAndReadinessAnswer) {
  auto c = client();
  auto health = c.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  auto ready = c.Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 200);
  EXPECT_GE(json::parse(ready->body)["documents"].get<int>(), 25);
  // A response without a body: its head is not held back for one.
  auto head = c.Head("/healthz");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_TRUE(head->body.empty());
  const std::string raw =
      raw_exchange(daemon_->port(),
                   "HEAD /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
                   "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  const size_t first = raw.find("HTTP/1.1 200 OK\r\n");
  EXPECT_EQ(first, 0u) << raw;
  EXPECT_NE(raw.find("HTTP/1.1 200 OK\r\n", first + 1), std::string::npos) << raw;
}

TEST_F(HttpOpsTest, UnknownRouteIsJson404) {
  auto c = client();
  EXPECT_EQ(error_code(c.Get("/api/v1/nothing-here"), 404), "not_found");
  EXPECT_EQ(error_code(c.Delete("/api/v2/search"), 404), "not_found");
}

TEST_F(HttpOpsTest, WrongMethodIs405WithAllow) {
  auto c = client();
  auto res = c.Post("/api/v1/search", "", "text/plain");
  EXPECT_EQ(error_code(res, 405), "method_not_allowed");
  EXPECT_NE(res->get_header_value("Allow").find("GET"), std::string::npos);
  auto doc = c.Post("/api/v1/documents/some-id", "", "text/plain");
  EXPECT_EQ(error_code(doc, 405), "method_not_allowed");
  EXPECT_NE(doc->get_header_value("Allow").find("PUT"), std::string::npos);
  EXPECT_NE(doc->get_header_value("Allow").find("DELETE"), std::string::npos);
}

TEST_F(HttpOpsTest, BadParametersAre400NamingTheParameter) {
  auto c = client();
  EXPECT_EQ(error_code(c.Get("/api/v1/search?q=x&per_page=abc"), 400), "invalid_per_page");
  EXPECT_EQ(error_code(c.Get("/api/v1/search?q=x&per_page=1000"), 400), "invalid_per_page");
  EXPECT_EQ(error_code(c.Get("/api/v1/search?q=x&page=-1"), 400), "invalid_page");
  EXPECT_EQ(error_code(c.Get("/api/v1/search?q=x&page=1000000"), 400), "invalid_page");
  EXPECT_EQ(error_code(c.Get("/api/v1/search?q=" + std::string(201, 'a')), 400), "invalid_q");
}

TEST_F(HttpOpsTest, OversizedInputsAreRefused) {
  auto c = client();
  std::string big(70000, 'x');
  EXPECT_EQ(
      error_code(c.Put("/api/v1/documents/big", bearer(kWriteKey), big, "application/json"), 413),
      "payload_too_large");
  EXPECT_EQ(error_code(c.Get("/api/v1/search?x=" + std::string(5000, 'a')), 414), "uri_too_long");
  httplib::Headers many;
  for (int i = 0; i < 40; ++i) many.emplace("X-Filler-" + std::to_string(i), std::string(500, 'h'));
  EXPECT_EQ(error_code(c.Get("/api/v1/search?q=x", many), 431), "headers_too_large");
  // Garbage instead of HTTP: a 400, and the daemon lives on.
  EXPECT_EQ(status_of(raw_exchange(daemon_->port(), "\x01\x02 nonsense\r\n\r\n")), 400);
  EXPECT_TRUE(daemon_->alive());
}

TEST_F(HttpOpsTest, WritesNeedAWriteKey) {
  auto c = client();
  std::string doc = R"({"title":"Unauthorised"})";
  auto none = c.Put("/api/v1/documents/k1", doc, "application/json");
  EXPECT_EQ(error_code(none, 401), "unauthorized");
  EXPECT_EQ(none->get_header_value("WWW-Authenticate"), "Bearer");
  EXPECT_EQ(
      error_code(c.Put("/api/v1/documents/k1", bearer("not-a-key"), doc, "application/json"), 401),
      "unauthorized");
  EXPECT_EQ(
      error_code(c.Put("/api/v1/documents/k1", bearer(kReadKey), doc, "application/json"), 403),
      "forbidden");
  EXPECT_EQ(error_code(c.Delete("/api/v1/documents/k1", bearer(kReadKey)), 403), "forbidden");
  EXPECT_EQ(error_code(c.Post("/api/v1/documents", doc, "application/x-ndjson"), 401),
            "unauthorized");
  EXPECT_EQ(total_for(c, "Unauthorised"), 0);
}

TEST_F(HttpOpsTest, WrittenDocumentIsFoundWithinASecondAndDeletedOneIsGone) {
  auto c = client();
  std::string doc =
      R"({"title":"Quokkaphonie municipale","body":"La quokkaphonie arrive.","lang":"fr"})";
  auto put = c.Put("/api/v1/documents/write-test-1", bearer(kWriteKey), doc, "application/json");
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 201) << put->body;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
  long found = 0;
  while ((found = total_for(c, "quokkaphonie")) < 1 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_EQ(found, 1);
  auto again = c.Put("/api/v1/documents/write-test-1", bearer(kWriteKey), doc, "application/json");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200) << again->body;

  auto del = c.Delete("/api/v1/documents/write-test-1", bearer(kWriteKey));
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 200) << del->body;
  deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
  while ((found = total_for(c, "quokkaphonie")) != 0 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_EQ(found, 0);
  EXPECT_EQ(error_code(c.Delete("/api/v1/documents/write-test-1", bearer(kWriteKey)), 404),
            "not_found");
}

TEST_F(HttpOpsTest, PutChecksTheBody) {
  auto c = client();
  EXPECT_EQ(error_code(c.Put("/api/v1/documents/p1", bearer(kWriteKey),
                             R"({"id":"other","title":"t"})", "application/json"),
                       400),
            "invalid_id");
  EXPECT_EQ(
      error_code(c.Put("/api/v1/documents/p1", bearer(kWriteKey), "{not json", "application/json"),
                 400),
      "invalid_body");
  EXPECT_EQ(error_code(c.Put("/api/v1/documents/p1", bearer(kWriteKey), R"({"body":"no title"})",
                             "application/json"),
                       400),
            "invalid_body");
}

TEST_F(HttpOpsTest, BatchIndexesValidLinesAndReportsBadOnes) {
  auto c = client();
  std::string body = R"({"id":"batch-1","title":"Wombatérie un"})"
                     "\n{broken\n"
                     R"({"id":"batch-2"})"
                     "\n"
                     R"({"id":"batch-3","title":"Wombatérie trois"})"
                     "\n";
  auto res = c.Post("/api/v1/documents", bearer(kWriteKey), body, "application/x-ndjson");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  json r = json::parse(res->body);
  EXPECT_EQ(r["indexed"], 2);
  ASSERT_EQ(r["errors"].size(), 2u);
  EXPECT_TRUE(r["errors"][0].get<std::string>().starts_with("request:2:")) << r;
  EXPECT_TRUE(r["errors"][1].get<std::string>().starts_with("request:3:")) << r;
  EXPECT_EQ(total_for(c, "wombat%C3%A9rie"), 2);
  auto none = c.Post("/api/v1/documents", bearer(kWriteKey), "{broken\n", "application/x-ndjson");
  EXPECT_EQ(error_code(none, 400), "invalid_body");
}

TEST_F(HttpOpsTest, MetricsCountRequestsAndDocuments) {
  auto c = client();
  // A request is counted once its answer has been sent: on one keep-alive
  // connection the next request is read only after that, so no count races.
  c.set_keep_alive(true);
  auto before = c.Get("/metrics");
  ASSERT_TRUE(before);
  ASSERT_EQ(before->status, 200);
  EXPECT_NE(before->get_header_value("Content-Type").find("text/plain"), std::string::npos);
  std::string series = R"(portal_http_requests_total{method="GET",route="/readyz",status="200"})";
  double n0 = std::max(0.0, sample(before->body, series));
  double count0 = sample(before->body, "portal_http_request_duration_seconds_count");
  for (int i = 0; i < 3; ++i) c.Get("/readyz");
  auto after = c.Get("/metrics");
  ASSERT_TRUE(after);
  EXPECT_EQ(sample(after->body, series), n0 + 3) << after->body;
  EXPECT_GE(sample(after->body, "portal_http_request_duration_seconds_count"), count0 + 4);
  EXPECT_GE(sample(after->body, "portal_index_documents"), 25);
  EXPECT_NE(after->body.find(R"(portal_http_request_duration_seconds_bucket{le="+Inf"})"),
            std::string::npos);
}

TEST_F(HttpOpsTest, ServesTheOpenApiDescription) {
  auto c = client();
  auto res = c.Get("/api/v1/openapi.json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  json spec = json::parse(res->body);
  EXPECT_TRUE(spec["openapi"].get<std::string>().starts_with("3."));
  EXPECT_TRUE(spec["paths"].contains("/api/v1/search"));
}

TEST_F(HttpOpsTest, CorsHeadersOnlyForConfiguredOrigins) {
  auto c = client();
  auto allowed = c.Get("/api/v1/search?q=x", {{"Origin", "https://allowed.example"}});
  ASSERT_TRUE(allowed);
  EXPECT_EQ(allowed->get_header_value("Access-Control-Allow-Origin"), "https://allowed.example");
  auto other = c.Get("/api/v1/search?q=x", {{"Origin", "https://evil.example"}});
  ASSERT_TRUE(other);
  EXPECT_FALSE(other->has_header("Access-Control-Allow-Origin"));
  auto plain = c.Get("/api/v1/search?q=x");
  ASSERT_TRUE(plain);
  EXPECT_FALSE(plain->has_header("Access-Control-Allow-Origin"));

  std::string preflight = raw_exchange(
      daemon_->port(),
      "OPTIONS /api/v1/search HTTP/1.1\r\nHost: x\r\nOrigin: https://allowed.example\r\n"
      "Access-Control-Request-Method: GET\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(status_of(preflight), 204) << preflight;
  EXPECT_NE(preflight.find("Access-Control-Allow-Origin: https://allowed.example"),
            std::string::npos);
  EXPECT_NE(preflight.find("Access-Control-Allow-Methods: GET"), std::string::npos);
  // The write API is not offered to browsers.
  std::string write_preflight = raw_exchange(
      daemon_->port(),
      "OPTIONS /api/v1/documents/x HTTP/1.1\r\nHost: x\r\nOrigin: https://allowed.example\r\n"
      "Access-Control-Request-Method: PUT\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(status_of(write_preflight), 204);
  EXPECT_EQ(write_preflight.find("Access-Control-Allow-Origin"), std::string::npos);
  auto write = c.Delete("/api/v1/documents/none", {{"Origin", "https://allowed.example"}});
  ASSERT_TRUE(write);
  EXPECT_FALSE(write->has_header("Access-Control-Allow-Origin"));
}

TEST_F(HttpOpsTest, StaticPageServedAndTraversalRefused) {
  auto index = raw_get(daemon_->port(), "/");
  EXPECT_EQ(status_of(index), 200);
  EXPECT_NE(index.find("Content-Type: text/html"), std::string::npos);
  for (const char* target :
       {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd",
        "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "/.%2e/.%2e/etc/passwd", "/%252e%252e/etc/passwd",
        "/..\\..\\etc\\passwd", "//etc/passwd", "/index.html/../../../etc/passwd"}) {
    std::string res = raw_get(daemon_->port(), target);
    int status = status_of(res);
    EXPECT_TRUE(status == 400 || status == 404) << target << " -> " << status;
    EXPECT_EQ(res.find("root:"), std::string::npos) << target;
  }
}

TEST_F(HttpOpsTest, AccessLogHasOneJsonLinePerRequestAndNoKey) {
  auto c = client();
  c.Get("/api/v1/search?q=access-log-probe");
  c.Put("/api/v1/documents/log-1", bearer(kWriteKey), R"({"title":"log"})", "application/json");
  c.Delete("/api/v1/documents/log-1", bearer(kReadKey));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  std::string log = read_file(dir_->file("access.log"));
  EXPECT_EQ(log.find(kWriteKey), std::string::npos);
  EXPECT_EQ(log.find(kReadKey), std::string::npos);
  EXPECT_EQ(log.find("Bearer"), std::string::npos);
  EXPECT_EQ(log.find("access-log-probe"), std::string::npos) << "query strings stay out";
  bool saw_search = false, saw_put = false;
  std::istringstream lines(log);
  std::string line;
  while (std::getline(lines, line)) {
    json entry = json::parse(line, nullptr, false);
    ASSERT_FALSE(entry.is_discarded()) << line;
    for (const char* field : {"time", "method", "route", "status", "latency_ms"})
      EXPECT_TRUE(entry.contains(field)) << field << " in " << line;
    if (entry["route"] == "/api/v1/search" && entry["status"] == 200) {
      saw_search = true;
      EXPECT_TRUE(entry.contains("hits")) << line;
    }
    if (entry["route"] == "/api/v1/documents/{id}" && entry["method"] == "PUT") saw_put = true;
  }
  EXPECT_TRUE(saw_search);
  EXPECT_TRUE(saw_put);
}

// A daemon of its own for each behaviour that needs other settings.
class HttpOpsOwnDaemonTest : public ::testing::Test {
 protected:
  void SetUp() override { build_index(dir_.file("db"), sample_corpus(dir_, 10)); }
  TempDir dir_;
};

TEST_F(HttpOpsOwnDaemonTest, RateLimitAnswers429WithRetryAfter) {
  Daemon d(dir_.file("db"), {"--rate-limit", "0.5", "--rate-burst", "3"});
  httplib::Client c("127.0.0.1", d.port());
  for (int i = 0; i < 3; ++i) {
    auto ok = c.Get("/api/v1/search?q=x");
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->status, 200) << i;
  }
  auto limited = c.Get("/api/v1/search?q=x");
  ASSERT_TRUE(limited);
  EXPECT_EQ(limited->status, 429);
  EXPECT_GE(std::atoi(limited->get_header_value("Retry-After").c_str()), 1);
  EXPECT_EQ(json::parse(limited->body)["error"]["code"], "rate_limited");
  auto health = c.Get("/healthz");  // probes are not limited
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

TEST_F(HttpOpsOwnDaemonTest, ABurstOfNewConnectionsIsQueuedNotDropped) {
  // Keep-alive clients reconnect together (after --keep-alive-max-requests);
  // connections the kernel cannot queue for accept() are dropped and retried
  // by their clients seconds later. With the daemon stopped, the kernel alone
  // completes the handshakes of as many connections as the listen backlog.
  Daemon d(dir_.file("db"));
  ASSERT_EQ(::kill(d.pid(), SIGSTOP), 0);
  constexpr int kBurst = 64;
  std::vector<int> fds;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(d.port()));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  for (int i = 0; i < kBurst; ++i) {
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    ASSERT_GE(fd, 0);
    fds.push_back(fd);
    ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  }
  int connected = 0;
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(500);
  for (int fd : fds) {
    pollfd p{fd, POLLOUT, 0};
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        until - std::chrono::steady_clock::now());
    int error = 0;
    socklen_t len = sizeof error;
    if (::poll(&p, 1, std::max<int>(0, static_cast<int>(left.count()))) == 1 &&
        ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &len) == 0 && error == 0)
      ++connected;
  }
  ASSERT_EQ(::kill(d.pid(), SIGCONT), 0);
  for (int fd : fds) ::close(fd);
  EXPECT_EQ(connected, kBurst);
  httplib::Client c("127.0.0.1", d.port());
  auto health = c.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

TEST_F(HttpOpsOwnDaemonTest, ReadinessAndMetricsAnswerWhileSearchesFillTheGate) {
  // One search at a time, and a millisecond's wait for a turn: searches of
  // long speeches on four connections keep the gate full and some of them
  // are turned away. Probes do not wait at the gate, so they always answer.
  TempDir own;
  std::ifstream in(source_dir() + "/data/zelensky-addresses/docs.jsonl");
  std::ofstream out(own.file("speeches.jsonl"));
  std::string line;
  for (int i = 0; i < 150 && std::getline(in, line); ++i) out << line << "\n";
  out.close();
  build_index(own.file("db"), own.file("speeches.jsonl"));
  Daemon d(own.file("db"), {"--search-concurrency", "1", "--search-queue-ms", "1"});
  std::atomic<bool> stop{false};
  std::atomic<int> answered{0}, turned_away{0};
  std::vector<std::thread> searchers;
  for (int t = 0; t < 4; ++t)
    searchers.emplace_back([&, t] {
      httplib::Client c("127.0.0.1", d.port());
      c.set_keep_alive(true);
      const std::string q = t % 2 ? "people" : "Ukraine";
      while (!stop) {
        auto res = c.Get("/api/v1/search?per_page=100&q=" + q);
        if (res && res->status == 200) ++answered;
        if (res && res->status == 503) ++turned_away;
      }
    });
  httplib::Client probe("127.0.0.1", d.port());
  probe.set_keep_alive(true);
  int ready = 0, counted = 0, probes = 0;
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while ((turned_away < 50 || probes < 200) && std::chrono::steady_clock::now() < until) {
    ++probes;
    auto r = probe.Get("/readyz");
    ready += r && r->status == 200;
    auto m = probe.Get("/metrics");
    counted += m && m->status == 200 && sample(m->body, "portal_index_documents") == 150;
  }
  stop = true;
  for (auto& t : searchers) t.join();
  EXPECT_GE(turned_away, 50) << "the gate was never full";
  EXPECT_GT(answered, 0);
  EXPECT_EQ(ready, probes);
  EXPECT_EQ(counted, probes);
}

TEST_F(HttpOpsOwnDaemonTest, FacetColumnsCanBeTurnedOffAndCountTheSame) {
  Daemon with(dir_.file("db"));
  Daemon without_flag(dir_.file("db"), {"--no-facet-columns"});
  Daemon without_env(dir_.file("db"), {}, {"PORTAL_NO_FACET_COLUMNS=1"});
  auto metric = [](const Daemon& d) {
    httplib::Client c("127.0.0.1", d.port());
    auto m = c.Get("/metrics");
    return m ? sample(m->body, "portal_facet_columns_bytes") : -1.0;
  };
  EXPECT_GT(metric(with), 0);
  EXPECT_EQ(metric(without_flag), 0);
  EXPECT_EQ(metric(without_env), 0);
  auto facets = [](const Daemon& d) {
    httplib::Client c("127.0.0.1", d.port());
    auto r = c.Get("/api/v1/search?from=1900&collapse=false");
    return r && r->status == 200 ? json::parse(r->body)["facets"] : json();
  };
  json counted = facets(with);
  ASSERT_FALSE(counted.is_null());
  EXPECT_FALSE(counted["lang"].empty());
  EXPECT_EQ(facets(without_flag), counted);
  EXPECT_EQ(facets(without_env), counted);
}

TEST_F(HttpOpsOwnDaemonTest, ReadKeysRequiredWhenConfigured) {
  Daemon d(dir_.file("db"), {"--require-read-key"},
           {std::string("PORTAL_API_KEYS=read:") + kReadKey + ",write:" + kWriteKey});
  httplib::Client c("127.0.0.1", d.port());
  auto anonymous = c.Get("/api/v1/search?q=x");
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->status, 401);
  auto with_read = c.Get("/api/v1/search?q=x", bearer(kReadKey));
  ASSERT_TRUE(with_read);
  EXPECT_EQ(with_read->status, 200);
  auto with_write = c.Get("/api/v1/search?q=x", bearer(kWriteKey));
  ASSERT_TRUE(with_write);
  EXPECT_EQ(with_write->status, 200);
  auto health = c.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

TEST_F(HttpOpsOwnDaemonTest, IndexGoneGives503AndBackGives200) {
  Daemon d(dir_.file("db"));
  httplib::Client c("127.0.0.1", d.port());
  fs::rename(dir_.file("db"), dir_.file("db-away"));
  auto ready = c.Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 503);
  EXPECT_EQ(json::parse(ready->body)["error"]["code"], "index_unavailable");
  auto search = c.Get("/api/v1/search?q=x");
  ASSERT_TRUE(search);
  EXPECT_EQ(search->status, 503) << search->body;
  fs::rename(dir_.file("db-away"), dir_.file("db"));
  auto back = c.Get("/readyz");
  ASSERT_TRUE(back);
  EXPECT_EQ(back->status, 200);
}

TEST_F(HttpOpsOwnDaemonTest, WriteWhileAnotherWriterHoldsTheIndexIs503) {
  Daemon d(dir_.file("db"), {}, {std::string("PORTAL_API_KEYS=") + kWriteKey});
  httplib::Client c("127.0.0.1", d.port());
  {
    Xapian::WritableDatabase other(dir_.file("db"), Xapian::DB_OPEN);  // holds the write lock
    auto res = c.Put("/api/v1/documents/locked", bearer(kWriteKey), R"({"title":"t"})",
                     "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 503) << res->body;
    EXPECT_EQ(json::parse(res->body)["error"]["code"], "index_unavailable");
    auto search = c.Get("/api/v1/search?q=x");  // reading still works
    ASSERT_TRUE(search);
    EXPECT_EQ(search->status, 200);
  }
  auto res =
      c.Put("/api/v1/documents/locked", bearer(kWriteKey), R"({"title":"t"})", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 201) << res->body;
}

TEST_F(HttpOpsOwnDaemonTest, SigtermFinishesAndExitsZero) {
  Daemon d(dir_.file("db"));
  httplib::Client c("127.0.0.1", d.port());
  c.set_keep_alive(true);
  auto res = c.Get("/api/v1/search?q=x");  // leaves a keep-alive connection open
  ASSERT_TRUE(res);
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(d.stop(), 0);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(4));
}

TEST_F(HttpOpsOwnDaemonTest, MissingOrCorruptIndexStopsStartWithAMessage) {
  auto missing =
      run_process({searchd_bin(), "--db", dir_.file("nothing"), "--listen", "127.0.0.1:0"});
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_NE(missing.err.find(dir_.file("nothing")), std::string::npos) << missing.err;
  fs::create_directory(dir_.file("corrupt"));
  std::ofstream(dir_.file("corrupt/iamglass")) << "this is not an index";
  auto corrupt =
      run_process({searchd_bin(), "--db", dir_.file("corrupt"), "--listen", "127.0.0.1:0"});
  EXPECT_NE(corrupt.exit_code, 0);
  EXPECT_NE(corrupt.err.find("index"), std::string::npos) << corrupt.err;
}

TEST_F(HttpOpsOwnDaemonTest, SlowClientsDoNotStarveOthers) {
  // Four workers; six clients each send a request one byte every 200 ms, far
  // within the per-read timeout. Without a whole-request deadline they would
  // hold every worker for as long as they like.
  Daemon d(dir_.file("db"), {"--threads", "4", "--request-timeout-ms", "1000"});
  std::atomic<bool> stop{false};
  std::vector<std::thread> slow;
  for (int i = 0; i < 6; ++i) {
    slow.emplace_back([&, port = d.port()] {
      int fd = connect_to(port);
      std::string request = "GET /api/v1/search?q=" + std::string(200, 'a') + " HTTP/1.1\r\n";
      for (size_t k = 0; k < request.size() && !stop; ++k) {
        if (send(fd, &request[k], 1, MSG_NOSIGNAL) != 1) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
      }
      close(fd);
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  httplib::Client c("127.0.0.1", d.port());
  c.set_connection_timeout(4, 0);
  c.set_read_timeout(4, 0);
  int ok = 0;
  for (int i = 0; i < 5; ++i) {
    auto res = c.Get("/api/v1/search?q=x");
    ok += res && res->status == 200;
  }
  stop = true;
  for (auto& t : slow) t.join();
  EXPECT_EQ(ok, 5);
}

}  // namespace
}  // namespace portal::test
