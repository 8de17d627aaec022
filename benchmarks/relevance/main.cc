// portal-eval: ranking quality of portalsearch against two baselines on a test
// collection (benchmarks/relevance/README.md).
#include <CLI/CLI.hpp>

#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "benchmarks/relevance/evaluate.h"
#include "benchmarks/relevance/report.h"

namespace {

namespace fs = std::filesystem;

// A scratch directory for the engine's index, removed on exit.
class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (fs::temp_directory_path() / "portal-eval-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create a temporary directory");
    path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  fs::path path() const { return path_; }

 private:
  fs::path path_;
};

bool split_host_port(const std::string& s, std::string& host, int& port) {
  auto colon = s.rfind(':');
  if (colon == std::string::npos || colon == 0) return false;
  host = s.substr(0, colon);
  try {
    port = std::stoi(s.substr(colon + 1));
  } catch (const std::exception&) {
    return false;
  }
  return port > 0 && port < 65536;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"portal-eval: ranking quality of portalsearch and two baselines on a collection"};
  std::string collection_dir = PORTAL_DEFAULT_COLLECTION;
  std::string http, run_file;
  std::vector<std::string> systems{"portalsearch", "xapian", "fts5"};
  app.add_option("--collection", collection_dir,
                 "collection directory (docs.jsonl, queries.jsonl, qrels.txt)")
      ->capture_default_str();
  app.add_option("--systems", systems, "systems to run: portalsearch, xapian, fts5")
      ->delimiter(',')
      ->check(CLI::IsMember({"portalsearch", "xapian", "fts5"}))
      ->capture_default_str();
  app.add_option("--http", http,
                 "ask a live portal-searchd at HOST:PORT (serving this collection) instead of "
                 "indexing the collection in-process");
  app.add_option("--run-file", run_file, "write portalsearch's run in TREC format to this file");
  portal::RankingOptions ranking;
  auto* knobs = app.add_option_group("ranking", "portalsearch's ranking (default: as shipped)");
  knobs->add_option("--k1", ranking.bm25_k1, "BM25 k1")->capture_default_str();
  knobs->add_option("--b", ranking.bm25_b, "BM25 b")->capture_default_str();
  knobs
      ->add_option("--max-all-words", ranking.max_all_words,
                   "longest query that requires all its words")
      ->capture_default_str();
  knobs->add_option("--title-weight", ranking.title_weight, "title boost")->capture_default_str();
  knobs->add_option("--phrase-weight", ranking.phrase_weight, "whole-phrase boost")
      ->capture_default_str();
  knobs->add_option("--near-weight", ranking.near_weight, "all-words-near boost")
      ->capture_default_str();
  knobs
      ->add_option("--rescore-window", ranking.rescore_window,
                   "first matches the boosts rescore (0: every match)")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  try {
    auto collection = portal::eval::load_collection(collection_dir);
    std::cout << "collection " << collection.name << ": " << collection.docs.size()
              << " documents, " << collection.queries.size() << " queries, language "
              << collection.language << "\n";
    for (const auto& reason : collection.skipped) std::cerr << "skipped " << reason << "\n";
    std::vector<portal::eval::Evaluation> results;
    std::unique_ptr<ScratchDir> scratch;
    for (const auto& name : systems) {
      std::unique_ptr<portal::eval::System> system;
      if (name == "portalsearch" && !http.empty()) {
        std::string host;
        int port = 0;
        if (!split_host_port(http, host, port)) {
          std::cerr << "portal-eval: --http must be HOST:PORT, got '" << http << "'\n";
          return 2;
        }
        system = portal::eval::make_http_system(host, port);
      } else if (name == "portalsearch") {
        scratch = std::make_unique<ScratchDir>();
        system = portal::eval::make_engine_system(collection, (scratch->path() / "db").string(),
                                                  ranking);
      } else if (name == "xapian") {
        system = portal::eval::make_xapian_baseline(collection);
      } else {
        system = portal::eval::make_fts5_baseline(collection);
      }
      results.push_back(portal::eval::evaluate(*system, collection));
      if (name == "portalsearch" && !run_file.empty()) {
        std::ofstream out(run_file);
        portal::eval::write_trec_run(out, results.back().run, results.back().system);
        if (!out) throw std::runtime_error(run_file + ": cannot write");
      }
    }
    portal::eval::print_table(std::cout, results);
  } catch (const std::exception& e) {
    std::cerr << "portal-eval: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
