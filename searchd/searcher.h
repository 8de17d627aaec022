// The search library: runs queries against an index. Usable without HTTP.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace portal {

// The caller asked for something invalid (bad parameter, bad query syntax).
// Maps to HTTP 400.
class InvalidRequest : public std::runtime_error {
 public:
  InvalidRequest(std::string parameter, const std::string& message)
      : std::runtime_error(message), parameter_(std::move(parameter)) {}
  const std::string& parameter() const { return parameter_; }

 private:
  std::string parameter_;
};

// The index cannot be used right now (missing, corrupt, being replaced).
// Maps to HTTP 503.
class IndexUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct SearchRequest {
  std::string q;
  int page = 1;       // from 1
  int per_page = 10;  // 1..100
};

struct Hit {
  std::string id, title, url, lang, date, snippet;
  double score = 0;
};

struct SearchResult {
  unsigned long total = 0;
  std::vector<Hit> hits;
};

// Thread-safe: any number of threads may call search() at once; each call
// takes a database handle of its own from an internal pool.
class Searcher {
 public:
  // Opens the index at `db_path`. Throws IndexUnavailable if it cannot.
  explicit Searcher(std::string db_path);
  ~Searcher();
  Searcher(const Searcher&) = delete;
  Searcher& operator=(const Searcher&) = delete;

  SearchResult search(const SearchRequest& request) const;
  unsigned long document_count() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace portal
