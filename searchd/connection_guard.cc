#include "searchd/connection_guard.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>

#include "searchd/deadline_stream.h"

namespace portal::http {
namespace {

thread_local bool t_close_after_response = false;

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
    if (!stream.flush()) ok = false;
    if (!ok || closed || t_close_after_response) break;
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return ok;
}

}  // namespace portal::http
