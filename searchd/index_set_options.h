// Which databases portal-searchd searches, and how it treats a failing one.
// No Xapian types: included by searcher.h and the daemon's command line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace portal {

// One shard of the index: a local database (a directory, or a Xapian stub file
// such as a sharded index directory's XAPIANDB) or a remote one served by
// xapian-tcpsrv.
struct ShardSpec {
  std::string path;  // local: database path
  std::string host;  // remote: host name or address
  int port = 0;      // remote: TCP port; 0 for a local shard

  bool remote() const { return port != 0; }
  // "tcp:HOST:PORT" or the path, as accepted by parse_shard_spec().
  std::string to_string() const;
};

// Parses "tcp:HOST:PORT" (a remote shard) or anything else as a local path.
// Throws std::invalid_argument for an empty spec or a malformed tcp: spec.
ShardSpec parse_shard_spec(std::string_view spec);

struct IndexSetOptions {
  // Searched together as one index (Xapian combines them, so ranking
  // statistics are global). At least one.
  std::vector<ShardSpec> shards;
  // Remote shards: the most a network operation may take, and the most a
  // connection may take to establish, in milliseconds. A shard that exceeds
  // them counts as down.
  int remote_timeout_ms = 2000;
  int connect_timeout_ms = 1000;
  // A shard that failed is not tried again for this long; meanwhile searches
  // fail at once (or, with allow_partial, skip it).
  int retry_after_ms = 1000;
  // A handle that searches remote shards is opened afresh (new connections)
  // once it is this old: xapian-tcpsrv opens its database for each
  // connection, and only then follows a shard's stub file to a rebuilt
  // generation. 0: never.
  int remote_refresh_ms = 30000;
  // When some shards are down, answer from the others and mark the result
  // partial, instead of failing.
  bool allow_partial = false;
};

}  // namespace portal
