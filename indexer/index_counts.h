// What an indexing run did, for progress lines and the final summary.
#pragma once

namespace portal {

struct IndexCounts {
  unsigned long indexed = 0;     // new documents
  unsigned long updated = 0;     // replaced documents whose content changed
  unsigned long unchanged = 0;   // documents already indexed as they are
  unsigned long deleted = 0;     // documents removed
  unsigned long skipped = 0;     // bad documents or inputs, reported and left out
  unsigned long duplicates = 0;  // ids seen again in the same run (the last won)
  unsigned long not_found = 0;   // deletions of ids that were not indexed
  bool stopped = false;          // --strict stopped the run at an error

  unsigned long processed() const { return indexed + updated + unchanged + deleted + skipped; }
};

}  // namespace portal
