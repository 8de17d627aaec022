#include "searchd/deadline_stream.h"

#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/uio.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>

namespace portal::http {
namespace {

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

}  // namespace

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

bool DeadlineStream::is_readable() const {
  return has_buffered() || wait_for(fd_, POLLIN, read_wait_ms());
}

bool DeadlineStream::is_writable() const {
  return wait_for(fd_, POLLOUT, static_cast<int>(write_timeout_.count()));
}

ssize_t DeadlineStream::read(char* ptr, size_t size) {
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

ssize_t DeadlineStream::write(const char* ptr, size_t size) {
  const std::string_view data(ptr, size);
  if (held_.empty() && is_final_head(data)) {
    held_.assign(data);
    return static_cast<ssize_t>(size);
  }
  while (!held_.empty()) {
    ssize_t n = send_parts(held_, data);
    if (n < 0) {
      held_.clear();
      return -1;
    }
    if (static_cast<size_t>(n) < held_.size()) {
      held_.erase(0, static_cast<size_t>(n));
      continue;
    }
    n -= static_cast<ssize_t>(held_.size());
    held_.clear();
    return n;
  }
  return send_parts(data, {});
}

bool DeadlineStream::flush() {
  while (!held_.empty()) {
    ssize_t n = send_parts(held_, {});
    if (n < 0) {
      held_.clear();
      return false;
    }
    held_.erase(0, static_cast<size_t>(n));
  }
  return true;
}

void DeadlineStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  address_of(fd_, true, ip, port);
}

void DeadlineStream::get_local_ip_and_port(std::string& ip, int& port) const {
  address_of(fd_, false, ip, port);
}

bool DeadlineStream::is_final_head(std::string_view data) {
  return data.size() > 13 && data.starts_with("HTTP/1.") && data.ends_with("\r\n\r\n") &&
         data[9] >= '2' && data[9] <= '5' && data.substr(9, 3) != "417";
}

// Sends what the socket takes now of `first` then `second`, in one call.
ssize_t DeadlineStream::send_parts(std::string_view first, std::string_view second) const {
  iovec parts[2] = {{const_cast<char*>(first.data()), first.size()},
                    {const_cast<char*>(second.data()), second.size()}};
  msghdr msg{};
  msg.msg_iov = parts;
  msg.msg_iovlen = second.empty() ? 1 : 2;
  while (true) {
    ssize_t n = ::sendmsg(fd_, &msg, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n >= 0) return n;
    if (errno == EINTR) continue;
    if (errno != EAGAIN && errno != EWOULDBLOCK) return -1;
    if (!is_writable()) return -1;
  }
}

}  // namespace portal::http
