// Helpers shared by the tests: temporary directories, child processes and a
// daemon started on a free loopback port.
#pragma once

#include <string>
#include <vector>

namespace portal::test {

// A fresh directory under $TMPDIR (or /tmp), removed with its contents on
// destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

struct ProcessResult {
  int exit_code = -1;  // -signal when killed by a signal
  std::string out, err;
  bool timed_out = false;
};

// Runs a program to completion (no shell), capturing stdout and stderr. With
// `timeout_ms` > 0 the program is killed (SIGKILL) when it runs longer, and
// `timed_out` is set.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& stdin_data = "",
                          int timeout_ms = 0);

// Paths baked in by the build.
std::string indexer_bin();
std::string searchd_bin();
std::string source_dir();  // repository root

// A real portal-searchd child process listening on 127.0.0.1 at a free port.
// Stops it (SIGTERM, then SIGKILL) on destruction.
class Daemon {
 public:
  // Starts `portal-searchd --db DB --listen 127.0.0.1:0 <extra_args>` and waits
  // until it reports its port. Throws std::runtime_error if it does not start.
  explicit Daemon(const std::string& db, const std::vector<std::string>& extra_args = {},
                  const std::vector<std::string>& env = {});
  ~Daemon();
  Daemon(const Daemon&) = delete;
  Daemon& operator=(const Daemon&) = delete;

  int port() const { return port_; }
  int pid() const { return pid_; }
  bool alive() const;
  // Sends SIGTERM and waits; returns the exit status (or -signal).
  int stop();

 private:
  int pid_ = -1;
  int port_ = 0;
  int out_fd_ = -1;
};

}  // namespace portal::test
