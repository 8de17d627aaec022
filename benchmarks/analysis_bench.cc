// Analysis throughput per language: our analyzers against Xapian's plain
// TermGenerator with a Snowball stemmer, on the same text, in one run.
//
//   BM_Analyzer/<lang>        analyzer_for(lang).analyze(text): tokens only
//   BM_IndexField/<lang>      the indexing path: index_field() into a document
//   BM_TermGenerator/<lang>   Xapian::TermGenerator + Snowball into a document
//                             (uk: the Russian stemmer; Xapian has no Ukrainian)
//   BM_WordBreak/<lang>       the tokenizer's word spans (analyzers/word_break.h)
//   BM_WordBreakIcu/<lang>    the same spans with ICU finding every boundary
//   BM_Snippet/<lang>         a page of ten hits' snippets (searchd/snippets.h)
//                             for a two-word query, one Highlighter per page
//
// Each benchmark checks its own work: the token or term count must be the
// same on every iteration. Figures and method: benchmarks/README.md.
#include <benchmark/benchmark.h>
#include <xapian.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "analyzers/analyzer.h"
#include "analyzers/word_break.h"
#include "indexer/text_indexer.h"
#include "searchd/snippets.h"

namespace {

constexpr size_t kSampleBytes = 256 * 1024;

// Article bodies in `lang` from the sample corpus, kSampleBytes in all at most.
const std::vector<std::string>& sample_bodies(const std::string& lang) {
  static std::map<std::string, std::vector<std::string>> cache;
  if (auto it = cache.find(lang); it != cache.end()) return it->second;
  static const std::map<std::string, std::string> corpus = {{"en", "zelensky-addresses"},
                                                            {"uk", "zelensky-addresses"},
                                                            {"fr", "wikinews-fr-winer"},
                                                            {"ru", "wikinews-ru-nerel"}};
  std::ifstream in(std::string(PORTAL_SOURCE_DIR) + "/data/" + corpus.at(lang) + "/docs.jsonl");
  std::string line;
  std::vector<std::string> out;
  size_t bytes = 0;
  while (bytes < kSampleBytes && std::getline(in, line)) {
    auto doc = nlohmann::json::parse(line);
    if (doc.value("lang", "") != lang || !doc["body"].is_string()) continue;
    out.push_back(doc["body"].get<std::string>());
    bytes += out.back().size() + 2;
  }
  if (out.empty()) throw std::runtime_error("no sample text for " + lang);
  return cache[lang] = std::move(out);
}

// The bodies of sample_bodies(lang), joined.
const std::string& sample_text(const std::string& lang) {
  static std::map<std::string, std::string> cache;
  if (auto it = cache.find(lang); it != cache.end()) return it->second;
  std::string out;
  for (const auto& body : sample_bodies(lang)) out += body + "\n\n";
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

void word_break(benchmark::State& state, const std::string& lang,
                const portal::analysis::Tokenizer& tokenizer) {
  const std::string& text = sample_text(lang);
  std::vector<portal::analysis::WordSpan> words;
  tokenizer.words(text, words, 0);
  const size_t expected = words.size();
  for (auto _ : state) {
    words.clear();
    tokenizer.words(text, words, 0);
    if (words.size() != expected) state.SkipWithError("word count changed");
    benchmark::DoNotOptimize(words.data());
  }
  state.counters["words"] = static_cast<double>(expected);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

void BM_WordBreak(benchmark::State& state, const std::string& lang) {
  word_break(state, lang, *portal::analysis::icu_word_break());
}

void BM_WordBreakIcu(benchmark::State& state, const std::string& lang) {
  word_break(state, lang, *portal::analysis::icu_only_word_break());
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

// Snippets of the bodies, ten to a page, for the two most frequent words of
// 12 bytes or more of the text (6 Cyrillic letters, 12 Latin; not stop
// words): the work of a page of hits, most of whose words a fresh
// Highlighter has not met.
void BM_Snippet(benchmark::State& state, const std::string& lang) {
  const auto& bodies = sample_bodies(lang);
  const auto& analyzer = portal::analysis::analyzer_for(lang);
  std::map<std::string, size_t> counts;
  for (const auto& t : analyzer.analyze(sample_text(lang)))
    if (!t.stop && t.end - t.start >= 12 && !t.compound) ++counts[t.term];
  std::vector<std::pair<size_t, std::string>> by_count;
  for (const auto& [term, n] : counts) by_count.emplace_back(n, term);
  std::sort(by_count.rbegin(), by_count.rend());
  const std::vector<std::string> words = {by_count.at(0).second, by_count.at(1).second};
  size_t expected = 0;
  for (auto _ : state) {
    size_t marked = 0;
    for (size_t page = 0; page < bodies.size(); page += 10) {
      portal::Highlighter h(words, {});
      for (size_t i = page; i < std::min(bodies.size(), page + 10); ++i)
        marked += h.snippet(bodies[i], lang, 240).html.find("<mark>") != std::string::npos;
    }
    if (expected == 0) expected = marked;
    if (marked == 0 || marked != expected) state.SkipWithError("marked snippets changed");
  }
  state.counters["marked"] = static_cast<double>(expected);
  state.counters["bodies"] = static_cast<double>(bodies.size());
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * bodies.size()));
}

#define PORTAL_ANALYSIS_BENCHMARKS(lang)                                                        \
  BENCHMARK_CAPTURE(BM_Analyzer, lang, std::string(#lang))->Unit(benchmark::kMillisecond);      \
  BENCHMARK_CAPTURE(BM_IndexField, lang, std::string(#lang))->Unit(benchmark::kMillisecond);    \
  BENCHMARK_CAPTURE(BM_TermGenerator, lang, std::string(#lang))->Unit(benchmark::kMillisecond); \
  BENCHMARK_CAPTURE(BM_WordBreak, lang, std::string(#lang))->Unit(benchmark::kMillisecond);     \
  BENCHMARK_CAPTURE(BM_WordBreakIcu, lang, std::string(#lang))->Unit(benchmark::kMillisecond);  \
  BENCHMARK_CAPTURE(BM_Snippet, lang, std::string(#lang))->Unit(benchmark::kMillisecond)

PORTAL_ANALYSIS_BENCHMARKS(en);
PORTAL_ANALYSIS_BENCHMARKS(fr);
PORTAL_ANALYSIS_BENCHMARKS(ru);
PORTAL_ANALYSIS_BENCHMARKS(uk);

}  // namespace

BENCHMARK_MAIN();
