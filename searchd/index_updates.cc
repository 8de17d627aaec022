#include "searchd/index_updates.h"

#include <mutex>
#include <nlohmann/json.hpp>
#include <vector>

#include "indexer/article.h"
#include "indexer/index_writer.h"
#include "searchd/searcher.h"

namespace portal {

struct IndexUpdater::Impl {
  std::string path;
  std::mutex mutex;

  template <typename F>
  auto write(F&& f) {
    std::lock_guard lock(mutex);
    if (path.empty())
      throw IndexUnavailable(
          "this daemon searches several shards or a remote one: write with portal-indexer "
          "(the write API needs one local index, --db DIR)");
    std::unique_ptr<IndexWriter> writer;
    try {
      writer = std::make_unique<IndexWriter>(path);
    } catch (const std::runtime_error& e) {
      throw IndexUnavailable(e.what());
    }
    auto result = f(*writer);
    try {
      writer->commit();
    } catch (const std::exception& e) {
      throw IndexUnavailable(std::string("cannot commit to the index: ") + e.what());
    }
    return result;
  }
};

IndexUpdater::IndexUpdater(std::string db_path) : impl_(std::make_unique<Impl>()) {
  impl_->path = std::move(db_path);
}

IndexUpdater::~IndexUpdater() = default;

WriteResult IndexUpdater::upsert(const std::string& json) {
  auto parsed = nlohmann::json::parse(json, nullptr, false);
  if (parsed.is_discarded()) throw InvalidRequest("body", "the body is not valid JSON");
  if (!parsed.is_array()) parsed = nlohmann::json::array({parsed});
  if (parsed.empty()) throw InvalidRequest("body", "no article given");
  std::vector<Article> articles;
  for (size_t i = 0; i < parsed.size(); ++i) {
    try {
      articles.push_back(parse_article(parsed[i].dump()));
    } catch (const ArticleError& e) {
      throw InvalidRequest("body", "article " + std::to_string(i + 1) + ": " + e.what());
    }
  }
  return impl_->write([&](IndexWriter& writer) {
    WriteResult r;
    for (const auto& a : articles)
      ++(writer.upsert(a) == IndexWriter::Outcome::kAdded ? r.created : r.updated);
    return r;
  });
}

void IndexUpdater::remove(const std::string& id) {
  bool removed = impl_->write([&](IndexWriter& writer) { return writer.remove(id); });
  if (!removed) throw NotFound("no document with id '" + id + "'");
}

}  // namespace portal
