// An analyzer built as a chain: a tokenizer, then stages that each rewrite or
// annotate the tokens in place (fold case, strip elisions, mark stop words,
// stem...). The per-language files (en_analyzer.cc, ...) list their chain one
// stage per line.
//
// Thread safety: stages are immutable after construction and must tolerate
// concurrent apply() calls (thread-local or locked state only).
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/analyzer.h"

namespace portal::analysis {

// Splits text into raw tokens: `term` is the word as written (compounds
// joined, acronym dots removed), with positions and byte offsets.
class Tokenizer {
 public:
  virtual ~Tokenizer() = default;
  // Appends where each word of `text` is (Analyzer::words).
  virtual void words(std::string_view text, std::vector<WordSpan>& out,
                     uint32_t first_position) const = 0;
  // The raw token of a word words() found in `text`.
  virtual Token raw_token(std::string_view text, const WordSpan& word) const = 0;

  void tokenize(std::string_view text, std::vector<Token>& out, uint32_t first_position) const;
};

// One step of the chain. `text` is the analysed text, `tokens` the tokens the
// tokenizer produced for it (their offsets point into `text`).
class Stage {
 public:
  virtual ~Stage() = default;
  virtual void apply(std::string_view text, std::span<Token> tokens) const = 0;
  // Whether the stage sets Token::key and nothing else (Analyzer::normalize
  // skips it).
  virtual bool sets_key_only() const { return false; }
};

class ChainBuilder {
 public:
  explicit ChainBuilder(std::string lang) : lang_(std::move(lang)) {}
  ChainBuilder& tokenizer(std::unique_ptr<Tokenizer> t) {
    tokenizer_ = std::move(t);
    return *this;
  }
  ChainBuilder& then(std::unique_ptr<Stage> stage) {
    stages_.push_back(std::move(stage));
    return *this;
  }
  // Throws std::logic_error when no tokenizer was set.
  std::unique_ptr<Analyzer> build();

 private:
  std::string lang_;
  std::unique_ptr<Tokenizer> tokenizer_;
  std::vector<std::unique_ptr<Stage>> stages_;
};

}  // namespace portal::analysis
