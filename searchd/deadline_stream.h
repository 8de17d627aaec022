// The socket stream of a GuardedServer connection (connection_guard.h):
// buffered reads that fail once the current request's deadline has passed,
// and writes that send a response's head together with its body. Internal
// to the HTTP layer.
#pragma once

#include <httplib.h>

#include <chrono>
#include <string>
#include <string_view>

#include <sys/socket.h>

namespace portal::http {

using Clock = std::chrono::steady_clock;

// Milliseconds left until `deadline`, at least 0.
int millis_until(Clock::time_point deadline);
// Waits up to `timeout_ms` for `events` (or an error) on `fd`.
bool wait_for(int fd, short events, int timeout_ms);

class DeadlineStream : public httplib::Stream {
 public:
  DeadlineStream(int fd, std::chrono::milliseconds read_timeout,
                 std::chrono::milliseconds write_timeout)
      : fd_(fd), read_timeout_(read_timeout), write_timeout_(write_timeout) {}

  void set_deadline(Clock::time_point deadline) { deadline_ = deadline; }
  bool has_buffered() const { return begin_ < end_; }

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  // Sends what the socket takes now, waiting (up to the write timeout) only
  // when it takes nothing. The status line and headers of a final response
  // are held back and sent with the first write of its body (or by flush()),
  // so that a response that fits takes one system call and one segment.
  ssize_t write(const char* ptr, size_t size) override;
  // Sends what write() holds back, if anything; false when the connection
  // failed. Called after each response.
  bool flush();
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return fd_; }

 private:
  // "HTTP/1.x NNN ...\r\n\r\n" with a status of 200 or more other than 417:
  // the head of a response whose body (if any) is written next. An interim
  // "100 Continue" (or a 417 refusing one) must go out at once.
  static bool is_final_head(std::string_view data);
  ssize_t send_parts(std::string_view first, std::string_view second) const;
  int read_wait_ms() const {
    return std::min(static_cast<int>(read_timeout_.count()), millis_until(deadline_));
  }

  int fd_;
  std::chrono::milliseconds read_timeout_, write_timeout_;
  Clock::time_point deadline_ = Clock::time_point::max();
  char buffer_[4096];
  size_t begin_ = 0, end_ = 0;
  std::string held_;  // a response's head, held back by write()
};

}  // namespace portal::http
