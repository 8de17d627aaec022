#include "searchd/searcher.h"

#include <xapian.h>

#include <mutex>
#include <nlohmann/json.hpp>

#include "analyzers/analyzer.h"
#include "indexer/schema.h"
#include "searchd/query_terms.h"

namespace portal {
namespace {

// Skeleton query: every word is required.
Xapian::Query build_query(const std::string& q) {
  auto languages = query_languages(q);
  std::vector<Xapian::Query> required;
  for (const auto& w : analysis::analyzer_for("").analyze(q))
    required.push_back(word_query(std::string_view(q).substr(w.start, w.end - w.start), languages));
  if (required.empty()) return Xapian::Query::MatchAll;
  return Xapian::Query(Xapian::Query::OP_AND, required.begin(), required.end());
}

}  // namespace

struct Searcher::Impl {
  std::string path;
  mutable std::mutex mutex;
  mutable std::vector<std::unique_ptr<Xapian::Database>> pool;

  std::unique_ptr<Xapian::Database> acquire() const {
    {
      std::lock_guard lock(mutex);
      if (!pool.empty()) {
        auto db = std::move(pool.back());
        pool.pop_back();
        db->reopen();
        return db;
      }
    }
    try {
      return std::make_unique<Xapian::Database>(path);
    } catch (const Xapian::Error& e) {
      throw IndexUnavailable("cannot open index '" + path + "': " + e.get_description());
    }
  }
  void release(std::unique_ptr<Xapian::Database> db) const {
    std::lock_guard lock(mutex);
    pool.push_back(std::move(db));
  }
};

Searcher::Searcher(std::string db_path) : impl_(std::make_unique<Impl>()) {
  impl_->path = std::move(db_path);
  impl_->release(impl_->acquire());
}

Searcher::~Searcher() = default;

unsigned long Searcher::document_count() const {
  auto db = impl_->acquire();
  unsigned long n = db->get_doccount();
  impl_->release(std::move(db));
  return n;
}

SearchResult Searcher::search(const SearchRequest& request) const {
  if (request.page < 1) throw InvalidRequest("page", "page must be 1 or more");
  if (request.per_page < 1 || request.per_page > 100)
    throw InvalidRequest("per_page", "per_page must be between 1 and 100");
  auto db = impl_->acquire();
  SearchResult result;
  Xapian::Enquire enquire(*db);
  enquire.set_query(build_query(request.q));
  if (request.q.empty()) enquire.set_sort_by_value(schema::kDateSlot, true);
  Xapian::MSet mset = enquire.get_mset((request.page - 1) * request.per_page, request.per_page);
  result.total = mset.get_matches_estimated();
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    auto stored = nlohmann::json::parse(it.get_document().get_data());
    Hit hit;
    hit.id = stored.value("id", "");
    hit.title = stored.value("title", "");
    hit.url = stored["url"].is_string() ? stored["url"].get<std::string>() : "";
    hit.lang = stored["lang"].is_string() ? stored["lang"].get<std::string>() : "";
    hit.date = stored["date"].is_string() ? stored["date"].get<std::string>() : "";
    std::string body = stored["body"].is_string() ? stored["body"].get<std::string>() : "";
    hit.snippet = mset.snippet(body, 200);
    hit.score = it.get_weight();
    result.hits.push_back(std::move(hit));
  }
  impl_->release(std::move(db));
  return result;
}

}  // namespace portal
