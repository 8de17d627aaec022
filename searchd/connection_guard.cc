#include "searchd/connection_guard.h"

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>

namespace portal::http {
namespace {

using Clock = std::chrono::steady_clock;

thread_local bool t_close_after_response = false;

int millis_until(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return static_cast<int>(std::max<long>(0, left.count()));
}

bool wait_for(int fd, short events, int timeout_ms) {
  pollfd p{fd, events, 0};
  int r;
  do {
    r = ::poll(&p, 1, timeout_ms);
  } while (r < 0 && errno == EINTR);
  return r > 0 && (p.revents & (events | POLLHUP | POLLERR));
}

void address_of(int fd, bool peer, std::string& ip, int& port) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  int rc = peer ? ::getpeername(fd, reinterpret_cast<sockaddr*>(&addr), &len)
                : ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  if (rc != 0) return;
  char host[NI_MAXHOST], serv[NI_MAXSERV];
  if (::getnameinfo(reinterpret_cast<sockaddr*>(&addr), len, host, sizeof host, serv, sizeof serv,
                    NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
    ip = host;
    port = std::atoi(serv);
  }
}

// A buffered socket stream whose reads fail once the current request's
// deadline has passed, however often the client sends a byte.
class DeadlineStream : public httplib::Stream {
 public:
  DeadlineStream(int fd, std::chrono::milliseconds read_timeout,
                 std::chrono::milliseconds write_timeout)
      : fd_(fd), read_timeout_(read_timeout), write_timeout_(write_timeout) {}

  void set_deadline(Clock::time_point deadline) { deadline_ = deadline; }
  bool has_buffered() const { return begin_ < end_; }

  bool is_readable() const override {
    return has_buffered() || wait_for(fd_, POLLIN, read_wait_ms());
  }
  bool is_writable() const override {
    return wait_for(fd_, POLLOUT, static_cast<int>(write_timeout_.count()));
  }
  ssize_t read(char* ptr, size_t size) override {
    if (!has_buffered()) {
      if (!wait_for(fd_, POLLIN, read_wait_ms())) return -1;
      ssize_t n;
      do {
        n = ::recv(fd_, buffer_, sizeof buffer_, 0);
      } while (n < 0 && errno == EINTR);
      if (n <= 0) return n;
      begin_ = 0;
      end_ = static_cast<size_t>(n);
    }
    size_t n = std::min(size, end_ - begin_);
    std::copy(buffer_ + begin_, buffer_ + begin_ + n, ptr);
    begin_ += n;
    return static_cast<ssize_t>(n);
  }
  // Sends what the socket takes now, waiting (up to the write timeout) only
  // when it takes nothing: one system call for a response that fits.
  ssize_t write(const char* ptr, size_t size) override {
    while (true) {
      ssize_t n = ::send(fd_, ptr, size, MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n >= 0) return n;
      if (errno == EINTR) continue;
      if (errno != EAGAIN && errno != EWOULDBLOCK) return -1;
      if (!is_writable()) return -1;
    }
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    address_of(fd_, true, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    address_of(fd_, false, ip, port);
  }
  socket_t socket() const override { return fd_; }

 private:
  int read_wait_ms() const {
    return std::min(static_cast<int>(read_timeout_.count()), millis_until(deadline_));
  }

  int fd_;
  std::chrono::milliseconds read_timeout_, write_timeout_;
  Clock::time_point deadline_ = Clock::time_point::max();
  char buffer_[4096];
  size_t begin_ = 0, end_ = 0;
};

}  // namespace

void close_connection_after_response() { t_close_after_response = true; }

GuardedServer::GuardedServer(std::chrono::milliseconds request_timeout,
                             std::chrono::milliseconds keep_alive_timeout)
    : request_timeout_(request_timeout), keep_alive_timeout_(keep_alive_timeout) {}

bool GuardedServer::set_listen_backlog(int backlog) {
  // Listening again on a listening socket changes its backlog.
  return svr_sock_ != INVALID_SOCKET && ::listen(svr_sock_, backlog) == 0;
}

bool GuardedServer::process_and_close_socket(socket_t sock) {
  int on = 1;
  ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
  auto millis = [](time_t sec, time_t usec) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::seconds(sec) +
                                                                 std::chrono::microseconds(usec));
  };
  DeadlineStream stream(sock, millis(read_timeout_sec_, read_timeout_usec_),
                        millis(write_timeout_sec_, write_timeout_usec_));
  bool ok = false;
  size_t left = keep_alive_max_count_;
  for (bool first = true; left > 0 && svr_sock_ != INVALID_SOCKET; first = false, --left) {
    if (!first && !stream.has_buffered()) {
      // Idle between two requests: wait in short slices to notice stop().
      auto idle_until = Clock::now() + keep_alive_timeout_;
      bool readable = false;
      while (!readable && svr_sock_ != INVALID_SOCKET && Clock::now() < idle_until)
        readable = wait_for(sock, POLLIN, std::min(100, millis_until(idle_until)));
      if (!readable) break;
    }
    stream.set_deadline(Clock::now() + request_timeout_);
    bool closed = false;
    t_close_after_response = false;
    ok = process_request(stream, left == 1, closed, nullptr);
    if (!ok || closed || t_close_after_response) break;
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return ok;
}

}  // namespace portal::http
