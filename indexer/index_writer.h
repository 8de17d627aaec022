// Writes prepared documents into an index directory (layout: schema.h),
// upserting by id, in batches committed atomically.
#pragma once

#include <xapian.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "indexer/article.h"
#include "indexer/schema.h"

namespace portal {

// Spelling-table words of a document with their frequencies (see schema.h,
// "Spelling and autocomplete").
using SpellingWords = std::vector<std::pair<std::string, Xapian::termcount>>;

// Everything the writer needs about one article, computed off the writer
// thread: the document (build_document) and its spelling words.
struct PreparedDocument {
  std::string id;
  Xapian::Document doc;
  SpellingWords spelling;
};

// Builds the document and its spelling words. Throws ArticleError like
// build_document(). Thread-safe.
PreparedDocument prepare_document(const Article& article,
                                  const std::vector<schema::ExtraField>& extra_fields);

// The spelling words of a built document. Thread-safe.
SpellingWords spelling_words(const Xapian::Document& doc);

// How a rebuild writes its new index (indexer/bulk_builder.h): in runs of
// `run_documents` documents written by `threads` threads, merged `fan_in` at a
// time and into one database per shard at the end. run_documents = 0 writes
// the new index directly, as an update does.
struct BulkOptions {
  size_t run_documents = 2000;
  unsigned threads = 2;
  unsigned fan_in = 16;
};

class IndexWriter {
 public:
  enum class Mode {
    kUpdate,   // write into the live generation (created if there is none)
    kRebuild,  // write a fresh generation, made live by finish()
  };
  enum class Outcome { kAdded, kReplaced, kUnchanged };

  // Opens the index directory `dir` for writing and takes its lock. In kUpdate
  // mode, generations left over by an interrupted rebuild are removed.
  // `extra_fields` is the configuration documents are built with, recorded in
  // the index; nullopt (for deletions only) keeps the recorded one. Throws
  // std::runtime_error (LayoutError, or wrapping a Xapian error) when the
  // directory cannot be written, is locked by another writer, or (kUpdate) a
  // non-empty index was built with another extra-field configuration (a
  // rebuild is needed).
  // `shards`: the number of shards (layout: schema.h; 1: unsharded). 0 keeps
  // the live index's number (1 for a new index). In kUpdate mode a number
  // other than the live index's is an error (LayoutError): changing it needs
  // a rebuild.
  // A kRebuild writer builds the new index in bulk (`bulk`): nothing is
  // written into it before finish(), which merges the runs, then applies the
  // final state of each id the run gave more than once (replaced or deleted).
  IndexWriter(const std::string& dir, Mode mode,
              const std::optional<std::vector<schema::ExtraField>>& extra_fields,
              unsigned shards = 0, const BulkOptions& bulk = {});
  // kUpdate mode with the extra-field configuration recorded in the index
  // (none for a new index).
  explicit IndexWriter(const std::string& dir);
  // Uncommitted changes are dropped (as abandon()).
  ~IndexWriter();
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  // Adds or replaces the document with the same id (in the shard the id is
  // routed to, indexer/sharding.h). A document whose stored
  // data equals the indexed one is left alone (kUnchanged): re-indexing the
  // same input changes nothing. Replacing or adding updates the spelling
  // table. Throws Xapian::Error when Xapian rejects the document.
  Outcome upsert(const PreparedDocument& prepared);
  // The same, taking the document over: in a bulk rebuild it is written by
  // another thread, and Xapian's handles must not be shared across threads.
  Outcome upsert(PreparedDocument&& prepared);
  // Prepares (in the calling thread, with the writer's extra-field
  // configuration) and upserts. Throws ArticleError like build_document().
  Outcome upsert(const Article& article);
  // Removes the document; returns false when no such id was indexed.
  bool remove(const std::string& id);
  // Makes everything written so far durable and visible to readers (a no-op
  // for a bulk rebuild, whose documents become visible at finish()). Shards
  // are committed one after the other, so a reader may briefly see some
  // shards' new state beside others' old state.
  void commit();
  // Drops the changes since the last commit. In kRebuild mode, also deletes
  // the new generation: the live one is untouched.
  void abandon();
  // Commits. In kRebuild mode, then makes the new generation live and, after
  // `grace_seconds`, deletes the older ones.
  void finish(double grace_seconds = 0);

  // Number of documents in the index being written (all shards).
  unsigned long size() const;
  // Number of shards being written (1: unsharded).
  unsigned shard_count() const;
  // The generation being written ("gen-2"), "" for a plain database directory.
  const std::string& generation() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace portal
