#include <memory>

#include "benchmarks/relevance/system.h"
#include "indexer/index_writer.h"
#include "searchd/searcher.h"

namespace portal::eval {
namespace {

class EngineSystem final : public System {
 public:
  EngineSystem(const std::string& index_dir, const RankingOptions& ranking)
      : searcher_(index_dir, options(ranking)) {}

  std::string name() const override { return "portalsearch"; }

  std::vector<ScoredDoc> search(const std::string& query, std::size_t k) override {
    std::vector<ScoredDoc> out;
    SearchRequest request;
    request.q = query;
    request.per_page = 100;
    // The API pages by at most 100: gather pages until k documents or the end.
    for (request.page = 1; out.size() < k; ++request.page) {
      SearchResult result = searcher_.search(request);
      for (auto& hit : result.hits) out.push_back({std::move(hit.id), hit.score});
      if (result.hits.size() < static_cast<std::size_t>(request.per_page)) break;
    }
    if (out.size() > k) out.resize(k);
    return out;
  }

 private:
  static SearcherOptions options(const RankingOptions& ranking) {
    SearcherOptions o;
    o.ranking = ranking;
    return o;
  }

  Searcher searcher_;
};

std::string build_index(const Collection& collection, const std::string& index_dir) {
  IndexWriter writer(index_dir);
  for (const auto& doc : collection.docs) writer.upsert(doc);
  writer.commit();
  return index_dir;
}

}  // namespace

std::unique_ptr<System> make_engine_system(const Collection& collection,
                                           const std::string& index_dir,
                                           const RankingOptions& ranking) {
  return std::make_unique<EngineSystem>(build_index(collection, index_dir), ranking);
}

}  // namespace portal::eval
