// The shards the daemon searches, opened as one Xapian database, and the
// health of each. Internal to the search library (it exposes Xapian types);
// DbPool pools the databases it opens.
#pragma once

#include <xapian.h>

#include <chrono>
#include <mutex>
#include <string>
#include <vector>

#include "searchd/index_set_options.h"

namespace portal {

// Thread-safe.
class ShardSet {
 public:
  // Throws std::invalid_argument for an empty set.
  explicit ShardSet(IndexSetOptions options);

  struct Opened {
    Xapian::Database db;               // the shards that are up, combined
    std::vector<std::string> missing;  // the others (only with allow_partial)
    std::string signature;             // see signature()
  };

  // Opens every shard (remote ones with the configured timeouts) and combines
  // them, so ranking statistics are global. A remote shard that fails to
  // open is marked down for retry_after_ms and not tried meanwhile. Throws
  // IndexUnavailable, naming the shard, when one is down (without
  // allow_partial) or all are.
  Opened open() const;

  // Identity of the local shards' stub files (a replica switched to a full
  // copy, a rebuilt generation): when it changes, handles must be opened
  // afresh, since Database::reopen() does not re-read stub files.
  std::string signature() const;

  // Marks the shard named in the error's context ("remote:tcp(HOST:PORT)")
  // down. Returns a message for the client naming it.
  std::string note_failure(const Xapian::NetworkError& e) const;

  const IndexSetOptions& options() const { return options_; }
  // The shards as given, comma-separated.
  const std::string& description() const { return description_; }

 private:
  using Clock = std::chrono::steady_clock;
  struct State {
    Clock::time_point down_until{};
    std::string last_error;
  };
  void mark_down(size_t shard, const std::string& error) const;

  IndexSetOptions options_;
  std::string description_;
  mutable std::mutex mutex_;
  mutable std::vector<State> state_;  // one per shard, guarded by mutex_
};

}  // namespace portal
