// Analysis throughput per language: our analyzers against Xapian's plain
// TermGenerator with a Snowball stemmer, on the same text, in one run.
#include <benchmark/benchmark.h>
#include <xapian.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "analyzers/analyzer.h"

namespace {

// The first `bytes` of body text of the sample corpus in `lang`.
std::string sample_text(const std::string& lang, size_t bytes = 1 << 20) {
  std::ifstream in(std::string(PORTAL_SOURCE_DIR) + "/data/zelensky-addresses/docs.jsonl");
  std::string line, out;
  const std::string marker = "\"lang\": \"" + lang + "\"";
  while (out.size() < bytes && std::getline(in, line)) {
    if (line.find(marker) != std::string::npos) out += line + "\n";
  }
  if (out.empty()) throw std::runtime_error("no sample text for " + lang);
  return out;
}

void BM_Analyzer(benchmark::State& state, const std::string& lang) {
  std::string text = sample_text(lang);
  const auto& analyzer = portal::analysis::analyzer_for(lang);
  size_t tokens = 0;
  for (auto _ : state) {
    auto out = analyzer.analyze(text);
    tokens = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  if (tokens == 0) state.SkipWithError("no tokens");
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

void BM_XapianTermGenerator(benchmark::State& state, const std::string& lang) {
  std::string text = sample_text(lang);
  Xapian::TermGenerator tg;
  tg.set_stemmer(Xapian::Stem(lang == "uk" ? "russian" : lang));
  for (auto _ : state) {
    Xapian::Document doc;
    tg.set_document(doc);
    tg.index_text(text);
    benchmark::DoNotOptimize(doc.termlist_count());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

BENCHMARK_CAPTURE(BM_Analyzer, en, std::string("en"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_XapianTermGenerator, en, std::string("en"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Analyzer, uk, std::string("uk"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_XapianTermGenerator, uk, std::string("uk"))->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
