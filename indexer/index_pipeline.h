// The indexing pipeline: one reader thread, a pool of workers that parse and
// analyse (prepare_document), and the calling thread writing to Xapian in
// input order, committing every `batch_size` documents.
#pragma once

#include <cstddef>
#include <vector>

#include "indexer/index_counts.h"
#include "indexer/index_writer.h"
#include "indexer/input_reader.h"
#include "indexer/progress.h"
#include "indexer/schema.h"

namespace portal {

struct PipelineOptions {
  size_t batch_size = 10000;              // commit every N written items
  unsigned workers = 2;                   // analysis threads (at least 1)
  size_t max_document_bytes = 10u << 20;  // larger lines and pages are errors
  bool strict = false;                    // stop at the first error
  // Load every analyzer's data (the Ukrainian dictionary takes 0.3 s) on a
  // thread of its own from the start, while the first documents are read and
  // analysed, rather than when a worker first needs it, the other workers
  // waiting for it: worth it for a large input such as a rebuild of the
  // archive, not for a small update with no Ukrainian word.
  bool preload_analyzers = false;
  std::vector<schema::ExtraField> extra_fields;
};

// Indexes every item of `reader`. Items are written in input order, so when
// an id comes twice the last one wins (with a warning). A bad item is reported
// as "FILE:LINE: reason" and skipped; with `strict`, the run stops there and
// the uncommitted batch is dropped (counts.stopped). Commits the last batch
// (but does not finish() the writer) unless stopped. Throws when writing fails
// (Xapian errors other than a rejected document); the uncommitted batch is
// then lost, everything committed before stays.
IndexCounts run_pipeline(InputReader& reader, IndexWriter& writer, const PipelineOptions& options,
                         ProgressReporter& progress);

}  // namespace portal
