// Search latency over 1, 2 and 4 local shards and over 2 and 4 remote shards
// (xapian-tcpsrv on loopback), through the search library (no HTTP), on the
// same documents in one run. The baseline is the single unsharded index
// (BM_Search/local/1). A configuration that does not find the same totals and
// top hits as the baseline is reported on stderr before the timings.
//
//   build/bin/bench_shards [--corpus FILE.jsonl ...] [benchmark flags]
// Default corpus: data/zelensky-addresses, wikinews-fr-winer, wikinews-ru-nerel.
#include <benchmark/benchmark.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <thread>

#include "indexer/index_writer.h"
#include "indexer/jsonl_reader.h"
#include "indexer/sharding.h"
#include "searchd/searcher.h"

extern char** environ;

namespace {

namespace fs = std::filesystem;

const char* const kQueries[] = {
    "sanctions",     "Україна",  "Paris", "Россия",      "président",     "peace negotiations",
    "оборона армія", "élection", "Путин", "energy grid", "\"world war\"", "Маріуполь"};

struct Env {
  fs::path dir;
  std::vector<pid_t> servers;  // xapian-tcpsrv process groups
  std::map<std::string, std::unique_ptr<portal::Searcher>> searchers;
  ~Env() {
    for (pid_t p : servers) {
      kill(-p, SIGKILL);
      waitpid(p, nullptr, 0);
    }
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};
Env* g_env = nullptr;

pid_t start_tcpsrv(int port, const std::string& db) {
  std::vector<std::string> args{
      "xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port", std::to_string(port), db};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
  pid_t pid = 0;
  if (posix_spawnp(&pid, "xapian-tcpsrv", nullptr, &attr, argv.data(), environ) != 0)
    throw std::runtime_error("cannot start xapian-tcpsrv");
  posix_spawnattr_destroy(&attr);
  return pid;
}

void index_corpus(const std::vector<std::string>& files,
                  const std::function<void(portal::Article&&)>& add) {
  for (const auto& f : files) {
    std::ifstream in(f);
    if (!in) throw std::runtime_error("cannot read " + f);
    portal::read_jsonl(
        in, f,
        [&](portal::Article&& a) {
          add(std::move(a));
          return true;
        },
        [](const portal::ReadError&) { return true; });
  }
}

// The total and the page, with hits of equal score in id order (the order
// among them follows docids, which differ between a single index and
// interleaved shards); of the last run of equal scores, which the page end
// may cut differently, only its size.
std::string signature(const portal::SearchResult& r) {
  std::string s = std::to_string(r.total) + ":";
  size_t start = 0;
  while (start < r.hits.size()) {
    size_t end = start;
    std::vector<std::string> ids;
    while (end < r.hits.size() &&
           std::abs(r.hits[end].score - r.hits[start].score) <= 1e-9 * r.hits[start].score)
      ids.push_back(r.hits[end++].id);
    std::sort(ids.begin(), ids.end());
    if (end == r.hits.size()) {
      s += std::to_string(ids.size()) + " tied";
    } else {
      for (const auto& id : ids) s += id + ",";
    }
    start = end;
  }
  return s;
}

void set_up(const std::vector<std::string>& files) {
  g_env = new Env;
  g_env->dir = fs::temp_directory_path() / ("portal-shards-bench-" + std::to_string(getpid()));
  fs::create_directories(g_env->dir);
  {
    using Mode = portal::IndexWriter::Mode;
    const std::vector<portal::schema::ExtraField> none;
    portal::IndexWriter single((g_env->dir / "single").string(), Mode::kUpdate, none, 1);
    std::vector<std::unique_ptr<portal::IndexWriter>> sharded;
    for (unsigned n : {2u, 4u})
      sharded.push_back(std::make_unique<portal::IndexWriter>(
          (g_env->dir / ("shards" + std::to_string(n))).string(), Mode::kUpdate, none, n));
    index_corpus(files, [&](portal::Article&& a) {
      auto prepared = portal::prepare_document(a, none);
      single.upsert(prepared);
      for (auto& w : sharded) w->upsert(prepared);
    });
    single.finish();
    for (auto& w : sharded) w->finish();
    std::cerr << single.size() << " documents\n";
  }
  auto& s = g_env->searchers;
  s["local/1"] = std::make_unique<portal::Searcher>((g_env->dir / "single").string());
  int port = 43000 + getpid() % 10000;
  for (unsigned n : {2u, 4u}) {
    std::string root = (g_env->dir / ("shards" + std::to_string(n))).string();
    s["local/" + std::to_string(n)] = std::make_unique<portal::Searcher>(root);
    portal::IndexSetOptions remote;
    for (unsigned i = 0; i < n; ++i) {
      g_env->servers.push_back(start_tcpsrv(port, root + "/" + portal::shard_dir_name(i)));
      remote.shards.push_back(portal::parse_shard_spec("tcp:127.0.0.1:" + std::to_string(port)));
      ++port;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    s["remote/" + std::to_string(n)] = std::make_unique<portal::Searcher>(remote);
  }
  // Check our own work: every configuration ranks like the single index.
  for (const char* q : kQueries) {
    portal::SearchRequest r;
    r.q = q;
    std::string expected = signature(s["local/1"]->search(r));
    for (auto& [name, searcher] : s)
      if (signature(searcher->search(r)) != expected)
        std::cerr << "warning: " << name << " differs from local/1 on '" << q << "'\n";
  }
}

void BM_Search(benchmark::State& state, const std::string& config) {
  const portal::Searcher& searcher = *g_env->searchers.at(config);
  size_t i = 0, hits = 0;
  for (auto _ : state) {
    portal::SearchRequest r;
    r.q = kQueries[i++ % std::size(kQueries)];
    hits += searcher.search(r).hits.size();
  }
  if (hits == 0) state.SkipWithError("no hits");
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> files;
  std::vector<char*> rest{argv[0]};
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "--corpus" && i + 1 < argc)
      files.push_back(argv[++i]);
    else
      rest.push_back(argv[i]);
  }
  if (files.empty())
    for (const char* c : {"zelensky-addresses", "wikinews-fr-winer", "wikinews-ru-nerel"})
      files.push_back(std::string(PORTAL_SOURCE_DIR) + "/data/" + c + "/docs.jsonl");
  try {
    set_up(files);
  } catch (const std::exception& e) {
    std::cerr << "bench_shards: " << e.what() << "\n";
    return 1;
  }
  for (const char* config : {"local/1", "local/2", "local/4", "remote/2", "remote/4"})
    benchmark::RegisterBenchmark(("BM_Search/" + std::string(config)).c_str(), BM_Search,
                                 std::string(config))
        ->Unit(benchmark::kMillisecond)
        ->MinTime(2.0);
  int n = static_cast<int>(rest.size());
  benchmark::Initialize(&n, rest.data());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  delete g_env;
  return 0;
}
