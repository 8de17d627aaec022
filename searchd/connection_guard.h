// An httplib::Server whose connections cannot hold a worker thread for long.
//
// The library reads with a per-read timeout only, so a client that sends one
// byte a second would keep a worker (one of a fixed pool) forever. Here each
// request must arrive in full within `request_timeout` of its first byte (or
// of the connection being accepted) and idle connections are closed after the
// keep-alive timeout; a client too slow is disconnected. This replaces the
// library's connection loop (process_and_close_socket) with the same logic
// plus those deadlines. Internal to the HTTP layer.
#pragma once

#include <httplib.h>

#include <chrono>

namespace portal::http {

// Makes the connection of the request answered on this thread close after its
// response: for answers given without reading the request's body, which would
// otherwise be parsed as the next request.
void close_connection_after_response();

class GuardedServer : public httplib::Server {
 public:
  GuardedServer(std::chrono::milliseconds request_timeout,
                std::chrono::milliseconds keep_alive_timeout);
  // After binding: lets the kernel queue up to `backlog` connections for
  // accept() (capped by net.core.somaxconn). The library listens with a
  // backlog of 5: when many keep-alive clients reconnect at once (each after
  // its connection's last request), the kernel drops the connections beyond
  // it, and their clients retry after 1, 3, 7 s. False if it failed.
  bool set_listen_backlog(int backlog);

 private:
  bool process_and_close_socket(socket_t sock) override;

  std::chrono::milliseconds request_timeout_;
  std::chrono::milliseconds keep_alive_timeout_;
};

}  // namespace portal::http
