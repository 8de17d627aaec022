// Generations of an index directory: the on-disk layout described in
// schema.h ("On-disk layout"). Only file-system work here, no Xapian.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace portal {

// The index directory cannot be used as asked; the message says why.
class LayoutError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The generation DIR/XAPIANDB names ("gen-3"), or "" when there is no stub.
// Throws LayoutError when the stub exists but is not one this layout writes.
std::string live_generation(const std::string& dir);

// The number of shards of the live generation: 1 for an unsharded one, 0 when
// there is no stub. Throws LayoutError like live_generation().
unsigned live_shard_count(const std::string& dir);

// True when `dir` is itself a Xapian database (the layout before generations).
bool is_plain_database(const std::string& dir);

// The generation directories present in `dir` ("gen-1", "gen-4"), oldest first.
std::vector<std::string> list_generations(const std::string& dir);

// Creates `dir` if needed and an empty directory for the next generation
// (one more than the highest present); returns its name.
std::string create_generation(const std::string& dir);

// Makes `generation` (of `shards` shards, 1: unsharded) the live one: writes
// the stub to a temporary file, syncs it and rename()s it over DIR/XAPIANDB,
// then syncs the directory. Readers opening DIR see the old or the new
// generation, never anything else. A sharded generation also gets one stub per
// shard, DIR/shard-<i>, written the same way first (and those beyond `shards`
// are removed after the switch).
void switch_generation(const std::string& dir, const std::string& generation, unsigned shards = 1);

// Deletes every generation directory except `keep`.
void remove_generations_except(const std::string& dir, const std::string& keep);

// Total size in bytes of the regular files under `path`.
uint64_t disk_usage(const std::string& path);

// An exclusive lock on DIR/lock, held by the one process writing the index
// directory. Throws LayoutError when another process holds it.
class IndexDirLock {
 public:
  explicit IndexDirLock(const std::string& dir);
  ~IndexDirLock();
  IndexDirLock(const IndexDirLock&) = delete;
  IndexDirLock& operator=(const IndexDirLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace portal
