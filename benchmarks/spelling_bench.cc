// Spelling suggestions by script: Xapian's spelling table holding words as
// UTF-8 beside one holding spelling keys (indexer/spelling_key.h, what the
// indexer writes), both built here from the words of one of our indexes, in
// one run. For a seeded draw of its words in Cyrillic and in Latin letters,
// each with one letter dropped, it times the suggestion for the misspelling
// in either table, and counts how often that suggestion is the word itself
// and how often the two tables suggest the same word.
//   bench_spelling --portal-db DIR [--words N] [--seed S]
#include <xapian.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <unistd.h>

#include "analyzers/script.h"
#include "benchmarks/latency.h"
#include "indexer/spelling_key.h"
#include "searchd/spelling.h"

namespace fs = std::filesystem;
using portal::bench::ms_since;
using portal::bench::summarize;

namespace {

constexpr unsigned kMaxEdits = 2;

using Words = std::vector<std::pair<std::string, Xapian::termcount>>;

bool cyrillic(const std::string& w) {
  return portal::analysis::script_of(w) == portal::analysis::Script::kCyrillic;
}
// ASCII letters only (English): the words whose keys are the words themselves.
bool latin(const std::string& w) {
  return std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// The code points of `w` as UTF-8 pieces.
std::vector<std::string> letters(const std::string& w) {
  std::vector<std::string> out;
  for (size_t i = 0; i < w.size();) {
    size_t n = 1;
    while (i + n < w.size() && (static_cast<unsigned char>(w[i + n]) & 0xC0) == 0x80) ++n;
    out.push_back(w.substr(i, n));
    i += n;
  }
  return out;
}

// Builds a spelling table at `path` from `words` (as spelling keys or as
// they are); returns the seconds it took, commit included.
double build(const std::string& path, const Words& words, bool keys) {
  auto start = std::chrono::steady_clock::now();
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
  for (const auto& [word, freq] : words)
    db.add_spelling(keys ? portal::spelling_key(word) : word, freq);
  db.commit();
  return ms_since(start) / 1000;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"bench_spelling: spelling suggestions, UTF-8 words beside spelling keys"};
  std::string portal_db;
  size_t per_script = 200;
  unsigned seed = 7;
  app.add_option("--portal-db", portal_db, "our index (its spelling words are read)")->required();
  app.add_option("--words", per_script, "misspellings per script");
  app.add_option("--seed", seed, "seed of the draw");
  CLI11_PARSE(app, argc, argv);

  Xapian::Database index(portal_db);
  Words words;
  for (auto it = index.spellings_begin(); it != index.spellings_end(); ++it)
    words.emplace_back(portal::spelling_word(*it), it.get_termfreq());
  std::sort(words.begin(), words.end());

  const fs::path dir = fs::temp_directory_path() / ("bench-spelling-" + std::to_string(getpid()));
  fs::create_directories(dir);
  const double utf8_s = build((dir / "utf8").string(), words, false);
  const double keys_s = build((dir / "keys").string(), words, true);
  std::printf("build words=%zu utf8_seconds=%.2f keys_seconds=%.2f ratio=%.2f\n", words.size(),
              utf8_s, keys_s, utf8_s / keys_s);

  Xapian::Database utf8((dir / "utf8").string()), keyed((dir / "keys").string());
  std::mt19937 rng(seed);
  int failed = 0;
  for (const std::string script : {"cyrillic", "latin"}) {
    std::vector<std::string> pool;
    for (const auto& [word, freq] : words) {
      const auto l = letters(word);
      if (l.size() >= 5 && (script == "cyrillic" ? cyrillic(word) : latin(word)))
        pool.push_back(word);
    }
    std::shuffle(pool.begin(), pool.end(), rng);
    pool.resize(std::min(pool.size(), per_script));
    std::vector<double> utf8_ms, keys_ms;
    size_t utf8_found = 0, keys_found = 0, same = 0;
    for (const auto& word : pool) {
      auto l = letters(word);
      l.erase(l.begin() + 1 + static_cast<long>(rng() % (l.size() - 2)));  // not the first or last
      std::string typo;
      for (const auto& c : l) typo += c;
      auto start = std::chrono::steady_clock::now();
      const std::string a = utf8.get_spelling_suggestion(typo, kMaxEdits);
      utf8_ms.push_back(ms_since(start));
      start = std::chrono::steady_clock::now();
      const std::string b = portal::spelling_word(
          keyed.get_spelling_suggestion(portal::spelling_key(typo), kMaxEdits));
      keys_ms.push_back(ms_since(start));
      utf8_found += a == word;
      keys_found += b == word;
      same += a == b;
      // Self-check: a suggestion decoded from the keys is a word within reach.
      if (!b.empty() && portal::edit_distance(typo, b, kMaxEdits) > kMaxEdits) {
        std::cerr << "bench_spelling: '" << typo << "' gave '" << b << "'\n";
        ++failed;
      }
    }
    if (pool.empty()) continue;
    const auto u = summarize(utf8_ms), k = summarize(keys_ms);
    const double n = static_cast<double>(pool.size());
    std::printf(
        "suggest script=%s n=%zu utf8_p50_ms=%.3f utf8_p95_ms=%.3f keys_p50_ms=%.3f "
        "keys_p95_ms=%.3f p50_ratio=%.1f utf8_found=%.2f keys_found=%.2f same=%.2f\n",
        script.c_str(), pool.size(), u.p50_ms, u.p95_ms, k.p50_ms, k.p95_ms,
        k.p50_ms > 0 ? u.p50_ms / k.p50_ms : 0.0, utf8_found / n, keys_found / n, same / n);
    // Self-check: most misspellings lead back to their word (a tie of two
    // words as near and as frequent may give the other; the two tables then
    // differ now and then: `same`).
    if (keys_found * 2 < pool.size()) {
      std::cerr << "bench_spelling: the keys found " << keys_found << " words of " << pool.size()
                << "\n";
      ++failed;
    }
  }
  fs::remove_all(dir);
  return failed ? 1 : 0;
}
