// A pool of read-only Xapian database handles, one per concurrent user.
//
// Xapian::Database handles must not be shared between threads: a request
// leases one handle for its whole duration. Each lease first brings the
// handle up to date: reopen() for new commits, and a fresh open by path when
// the database was switched (a stub file such as DIR/XAPIANDB pointing to a
// new generation, as portal-indexer --rebuild writes, which reopen() does not
// follow).
//
// The database may combine several local and remote shards (ShardSet). A
// handle opened while some shards were down (allow_partial) is used for one
// lease only, so the next request tries the missing shards again; after a
// network error the pooled handles are dropped (their connections may be
// broken) and the failing shard is marked down. A handle with remote shards
// is opened afresh after IndexSetOptions::remote_refresh_ms, so that the
// servers, which follow a rebuild only on a new connection, serve it.
#pragma once

#include <xapian.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "searchd/shard_set.h"

namespace portal {

class DbPool {
 public:
  struct Entry {
    std::unique_ptr<Xapian::Database> db;
    std::string signature;             // of the stub file when opened (see signature())
    std::vector<std::string> missing;  // shards that were down when opened
    std::chrono::steady_clock::time_point opened;
    // Whether this lease found the handle up to date (reopen() moved it to
    // no newer revision), and the pool's changes_ before it looked.
    bool current = false;
    uint64_t changes = 0;
  };

  // A leased handle, returned to the pool on destruction.
  class Lease {
   public:
    Lease(const DbPool& pool, Entry entry) : pool_(&pool), entry_(std::move(entry)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = default;
    ~Lease();
    Xapian::Database& db() { return *entry_.db; }
    // Brings the handle up to date after DatabaseModifiedError (re-opens by
    // path if reopen() is not enough). Throws IndexUnavailable.
    void refresh();
    // True when some shards were down and the handle searches the others.
    bool partial() const { return !entry_.missing.empty(); }
    // What identifies the contents the handle sees, for what is kept per
    // revision: the UUID and revision of a single local database; for
    // shards, whose revision Xapian does not tell, the count of changes the
    // pool's handles had seen when this lease found its handle up to date.
    // Empty when it cannot tell: the handle was opened or moved to a newer
    // revision during this lease, and other handles may still show the
    // older one under the same count.
    std::string revision() const;
    // After a network error: marks the failing shard down, drops the pooled
    // handles and opens this one afresh (without the shard, with
    // allow_partial). Returns a message naming the shard. Throws
    // IndexUnavailable when the set cannot be opened.
    std::string recover(const Xapian::NetworkError& e);

   private:
    const DbPool* pool_;
    Entry entry_;
  };

  // Opens one handle right away, so a missing index is reported at start-up.
  // Throws IndexUnavailable.
  explicit DbPool(std::string path);
  // The same over a set of shards. Remote shards that are down at start are
  // tolerated: searches fail (or are partial) until they come up.
  explicit DbPool(IndexSetOptions shards);

  // Thread-safe. Throws IndexUnavailable when the index cannot be opened.
  Lease lease() const;
  const std::string& path() const { return shards_.description(); }
  bool allow_partial() const { return shards_.options().allow_partial; }

 private:
  Entry open() const;
  void update(Entry& entry) const;
  std::string signature() const;
  void give_back(Entry entry) const;
  void drop_free() const;

  // Counts the times a handle was opened or moved to a newer revision. A
  // handle found up to date after reading it shows the newest revision
  // there was at the time; every handle that reached that revision counted
  // its move before its next lease, so handles found up to date after
  // reading the same count show the same revision.
  void changed(Entry& entry) const;

  ShardSet shards_;
  bool remote_ = false;  // some shards are remote
  mutable std::atomic<uint64_t> changes_{0};
  mutable std::mutex mutex_;
  mutable std::vector<Entry> free_;  // guarded by mutex_
};

}  // namespace portal
