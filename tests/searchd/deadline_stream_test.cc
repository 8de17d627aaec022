// The connection stream of the HTTP layer sends a response's head with its
// body, over a socket pair.
#include "searchd/deadline_stream.h"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
#include <thread>

namespace portal::http {
namespace {

class DeadlineStreamTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds_), 0); }
  void TearDown() override {
    ::close(fds_[0]);
    ::close(fds_[1]);
  }
  // What the peer can read now, without waiting.
  std::string Available() {
    std::string out;
    char buf[65536];
    for (ssize_t n; (n = ::recv(fds_[1], buf, sizeof buf, MSG_DONTWAIT)) > 0;) out.append(buf, n);
    return out;
  }
  bool Write(DeadlineStream& s, const std::string& data) {
    for (size_t at = 0; at < data.size();) {
      ssize_t n = s.write(data.data() + at, data.size() - at);
      if (n < 0) return false;
      at += static_cast<size_t>(n);
    }
    return true;
  }

  int fds_[2];
  std::chrono::milliseconds timeout_{2000};
};

const std::string kHead = "HTTP/1.1 200 OK\r\nContent-Length: 7\r\n\r\n";

TEST_F(DeadlineStreamTest, TheHeadWaitsForTheBodyAndBothGoTogether) {
  DeadlineStream s(fds_[0], timeout_, timeout_);
  ASSERT_TRUE(Write(s, kHead));
  EXPECT_EQ(Available(), "");
  ASSERT_TRUE(Write(s, "{\"a\":1}"));
  EXPECT_EQ(Available(), kHead + "{\"a\":1}");
  EXPECT_TRUE(s.flush());
  EXPECT_EQ(Available(), "");
}

TEST_F(DeadlineStreamTest, AHeadWithoutBodyGoesOnFlush) {
  DeadlineStream s(fds_[0], timeout_, timeout_);
  const std::string head = "HTTP/1.1 204 No Content\r\n\r\n";
  ASSERT_TRUE(Write(s, head));
  EXPECT_TRUE(s.flush());
  EXPECT_EQ(Available(), head);
}

TEST_F(DeadlineStreamTest, InterimResponsesAndOtherDataGoAtOnce) {
  DeadlineStream s(fds_[0], timeout_, timeout_);
  for (std::string data :
       {"HTTP/1.1 100 Continue\r\n\r\n", "HTTP/1.1 417 Expectation Failed\r\n\r\n",
        "a chunk of a body\r\n\r\n"}) {
    ASSERT_TRUE(Write(s, data));
    EXPECT_EQ(Available(), data);
  }
}

// A body larger than the socket takes at once: sent in parts, the head
// first, nothing lost or repeated.
TEST_F(DeadlineStreamTest, ALargeBodyArrivesWhole) {
  std::string body(4 << 20, 'x');
  for (size_t i = 0; i < body.size(); i += 4093) body[i] = static_cast<char>('a' + i % 26);
  const std::string head =
      "HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  std::string received;
  std::thread reader([&] {
    char buf[65536];
    while (received.size() < head.size() + body.size()) {
      ssize_t n = ::recv(fds_[1], buf, sizeof buf, 0);
      if (n <= 0) break;
      received.append(buf, n);
    }
  });
  DeadlineStream s(fds_[0], timeout_, timeout_);
  EXPECT_TRUE(Write(s, head));
  EXPECT_TRUE(Write(s, body));
  EXPECT_TRUE(s.flush());
  reader.join();
  EXPECT_TRUE(received == head + body) << "received " << received.size() << " bytes";
}

TEST_F(DeadlineStreamTest, WritesToAClosedPeerFail) {
  DeadlineStream s(fds_[0], timeout_, timeout_);
  ::shutdown(fds_[1], SHUT_RDWR);
  ASSERT_TRUE(Write(s, kHead));  // held
  EXPECT_FALSE(Write(s, "{\"a\":1}"));
  ASSERT_TRUE(Write(s, kHead));
  EXPECT_FALSE(s.flush());
}

}  // namespace
}  // namespace portal::http
