// Helpers for the scale tests: background processes in their own process
// group (so a server and the children it forks can be stopped, paused and
// killed together) and free loopback ports.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace portal::test {

// A free TCP port on 127.0.0.1 (bound and released; a small race is possible).
int free_port();

// True once something accepts TCP connections on 127.0.0.1:port, polling in
// short steps until `timeout_ms` has passed.
bool wait_for_port(int port, int timeout_ms = 10000);

// A background process (no shell) with stdout and stderr sent to /dev/null,
// killed with its whole process group on destruction.
class Child {
 public:
  explicit Child(const std::vector<std::string>& argv, const std::vector<std::string>& env = {});
  ~Child();
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  // Sends `sig` to the process group (SIGSTOP pauses a server and its workers).
  void signal(int sig) const;
  // Kills the group with SIGKILL and reaps the process; idempotent.
  void kill();
  int pid() const { return pid_; }

 private:
  int pid_ = -1;
};

// xapian-tcpsrv serving the database `db` on a free loopback port, and the
// daemon's --shard spec for it ("tcp:127.0.0.1:PORT"). Throws
// std::runtime_error when it does not start.
struct RemoteShard {
  std::unique_ptr<Child> server;
  std::string spec;
};
RemoteShard serve_remotely(const std::string& db);

}  // namespace portal::test
