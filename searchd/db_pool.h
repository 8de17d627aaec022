// A pool of read-only Xapian database handles, one per concurrent user.
//
// Xapian::Database handles must not be shared between threads: a request
// leases one handle for its whole duration. Each lease first brings the
// handle up to date: reopen() for new commits, and a fresh open by path when
// the database was switched (a stub file such as DIR/XAPIANDB pointing to a
// new generation, as portal-indexer --rebuild writes, which reopen() does not
// follow).
#pragma once

#include <xapian.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace portal {

class DbPool {
 public:
  struct Entry {
    std::unique_ptr<Xapian::Database> db;
    std::string signature;  // of the stub file when opened (see signature())
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

   private:
    const DbPool* pool_;
    Entry entry_;
  };

  // Opens one handle right away, so a missing index is reported at start-up.
  // Throws IndexUnavailable.
  explicit DbPool(std::string path);

  // Thread-safe. Throws IndexUnavailable when the index cannot be opened.
  Lease lease() const;
  const std::string& path() const { return path_; }

 private:
  Entry open() const;
  void update(Entry& entry) const;
  std::string signature() const;
  void give_back(Entry entry) const;

  std::string path_;
  mutable std::mutex mutex_;
  mutable std::vector<Entry> free_;  // guarded by mutex_
};

}  // namespace portal
