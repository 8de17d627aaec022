// Writes articles into a Xapian database, upserting by id.
#pragma once

#include <memory>
#include <string>

#include "indexer/article.h"

namespace portal {

class IndexWriter {
 public:
  // Opens (creating if needed) the database in directory `db_path`.
  // Throws std::runtime_error when it cannot be opened for writing.
  explicit IndexWriter(const std::string& db_path);
  ~IndexWriter();
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  // Adds or replaces the article with the same id. Returns true when an
  // article with that id was already in the index.
  bool upsert(const Article& article);
  // Removes the article; returns false when no such id was indexed.
  bool remove(const std::string& id);
  // Makes everything written so far durable and visible to readers.
  void commit();
  // Number of documents in the index.
  unsigned long size() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace portal
