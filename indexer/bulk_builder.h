// Builds new databases from scratch, faster than adding every document to one
// growing database: documents go into small runs, each written as a database
// of its own by a pool of threads (small in-memory buffers, one flush into an
// empty B-tree), and the runs are merged by Xapian's compactor, which streams
// the sorted tables into one. Consecutive runs are merged `fan_in` at a time
// while documents still come, so the final merge opens few databases. The
// spelling words of all runs go to a few more databases (a share of the words
// each, one per thread), merged last, so that each word's n-grams are written
// once; they hold spelling keys (indexer/spelling_key.h), and the caller marks
// the result as such (schema::kSpellingKeysKey). Docids follow the order the
// documents were added in.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "indexer/index_writer.h"

namespace portal {

class BulkBuilder {
 public:
  // `staging`: a directory for the runs, created here and removed by the
  // destructor. `outputs`: how many databases are built (shards).
  BulkBuilder(const std::string& staging, unsigned outputs, const BulkOptions& options);
  // Drops whatever is not finished and removes the staging directory.
  ~BulkBuilder();
  BulkBuilder(const BulkBuilder&) = delete;
  BulkBuilder& operator=(const BulkBuilder&) = delete;

  // Adds a document to database `output`. Ids must be unique: nothing here
  // replaces. Blocks while the threads are behind. Throws the error of a run
  // that failed (e.g. a full disk).
  void add(unsigned output, PreparedDocument doc);
  // Writes the last runs and merges the runs of each output into paths[i],
  // which must not hold a database yet. Throws like add().
  void finish(const std::vector<std::string>& paths);
  // Documents added so far.
  unsigned long size() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace portal
