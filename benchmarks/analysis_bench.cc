// Analysis throughput per language: our analyzers against Xapian's plain
// TermGenerator with a Snowball stemmer, on the same text, in one run.
//
//   BM_Analyzer/<lang>        analyzer_for(lang).analyze(text): tokens only
//   BM_IndexField/<lang>      the indexing path: index_field() into a document
//   BM_TermGenerator/<lang>   Xapian::TermGenerator + Snowball into a document
//                             (uk: the Russian stemmer; Xapian has no Ukrainian)
//
// Each benchmark checks its own work: the token or term count must be the
// same on every iteration. Figures and method: benchmarks/README.md.
#include <benchmark/benchmark.h>
#include <xapian.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "analyzers/analyzer.h"
#include "indexer/text_indexer.h"

namespace {

constexpr size_t kSampleBytes = 256 * 1024;

// The first kSampleBytes of article bodies in `lang` from the sample corpus.
const std::string& sample_text(const std::string& lang) {
  static std::map<std::string, std::string> cache;
  if (auto it = cache.find(lang); it != cache.end()) return it->second;
  static const std::map<std::string, std::string> corpus = {{"en", "zelensky-addresses"},
                                                            {"uk", "zelensky-addresses"},
                                                            {"fr", "wikinews-fr-winer"},
                                                            {"ru", "wikinews-ru-nerel"}};
  std::ifstream in(std::string(PORTAL_SOURCE_DIR) + "/data/" + corpus.at(lang) + "/docs.jsonl");
  std::string line, out;
  while (out.size() < kSampleBytes && std::getline(in, line)) {
    auto doc = nlohmann::json::parse(line);
    if (doc.value("lang", "") != lang || !doc["body"].is_string()) continue;
    out += doc["body"].get<std::string>();
    out += "\n\n";
  }
  if (out.empty()) throw std::runtime_error("no sample text for " + lang);
  return cache[lang] = std::move(out);
}

void BM_Analyzer(benchmark::State& state, const std::string& lang) {
  const std::string& text = sample_text(lang);
  const auto& analyzer = portal::analysis::analyzer_for(lang);
  const size_t expected = analyzer.analyze(text).size();
  std::vector<portal::analysis::Token> tokens;
  for (auto _ : state) {
    tokens.clear();
    analyzer.analyze(text, tokens);
    if (tokens.size() != expected) state.SkipWithError("token count changed");
    benchmark::DoNotOptimize(tokens.data());
  }
  state.counters["tokens"] = static_cast<double>(expected);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

void BM_IndexField(benchmark::State& state, const std::string& lang) {
  const std::string& text = sample_text(lang);
  const auto& analyzer = portal::analysis::analyzer_for(lang);
  Xapian::termcount expected = 0;
  for (auto _ : state) {
    Xapian::Document doc;
    uint32_t position = 0;
    portal::index_field(doc, analyzer, text, portal::TextField::kBody, position);
    if (expected == 0) expected = doc.termlist_count();
    if (doc.termlist_count() != expected) state.SkipWithError("term count changed");
  }
  state.counters["terms"] = static_cast<double>(expected);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

void BM_TermGenerator(benchmark::State& state, const std::string& lang) {
  const std::string& text = sample_text(lang);
  Xapian::TermGenerator tg;
  tg.set_stemmer(Xapian::Stem(lang == "uk" ? "russian" : lang));
  Xapian::termcount expected = 0;
  for (auto _ : state) {
    Xapian::Document doc;
    tg.set_document(doc);
    tg.index_text(text);
    if (expected == 0) expected = doc.termlist_count();
    if (doc.termlist_count() != expected) state.SkipWithError("term count changed");
  }
  state.counters["terms"] = static_cast<double>(expected);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

#define PORTAL_ANALYSIS_BENCHMARKS(lang)                                                     \
  BENCHMARK_CAPTURE(BM_Analyzer, lang, std::string(#lang))->Unit(benchmark::kMillisecond);   \
  BENCHMARK_CAPTURE(BM_IndexField, lang, std::string(#lang))->Unit(benchmark::kMillisecond); \
  BENCHMARK_CAPTURE(BM_TermGenerator, lang, std::string(#lang))->Unit(benchmark::kMillisecond)

PORTAL_ANALYSIS_BENCHMARKS(en);
PORTAL_ANALYSIS_BENCHMARKS(fr);
PORTAL_ANALYSIS_BENCHMARKS(ru);
PORTAL_ANALYSIS_BENCHMARKS(uk);

}  // namespace

BENCHMARK_MAIN();
