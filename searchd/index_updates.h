// Writes through the search library: upsert and delete of articles in the
// index the daemon serves, through the indexer's IndexWriter. Every call
// commits before it returns, so the next search (whose database handle is
// re-opened per request) sees the change.
//
// Thread safety: calls are serialised by an internal mutex. The write lock of
// the index is held only during a call, so portal-indexer can write between
// calls; a call made while another process holds the lock fails with
// IndexUnavailable.
#pragma once

#include <memory>
#include <string>

namespace portal {

struct WriteResult {
  unsigned long created = 0, updated = 0;
};

class IndexUpdater {
 public:
  // `db_path`: the index directory (sharded or not: articles are routed to
  // their shard). Empty: every write fails with IndexUnavailable.
  explicit IndexUpdater(std::string db_path);
  ~IndexUpdater();
  IndexUpdater(const IndexUpdater&) = delete;
  IndexUpdater& operator=(const IndexUpdater&) = delete;

  // `json`: one article object (the format of the JSON Lines input) or an
  // array of them. All are validated before any is written. Throws
  // InvalidRequest("body") for bad JSON or an invalid article,
  // IndexUnavailable when the index cannot be written.
  WriteResult upsert(const std::string& json);
  // Deletes the article with id `id`. Throws NotFound when there is none,
  // IndexUnavailable when the index cannot be written.
  void remove(const std::string& id);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace portal
