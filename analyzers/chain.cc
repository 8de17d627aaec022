#include "analyzers/chain.h"

#include <algorithm>
#include <stdexcept>

namespace portal::analysis {
namespace {

class ChainAnalyzer final : public Analyzer {
 public:
  ChainAnalyzer(std::string lang, std::unique_ptr<Tokenizer> tokenizer,
                std::vector<std::unique_ptr<Stage>> stages)
      : lang_(std::move(lang)), tokenizer_(std::move(tokenizer)), stages_(std::move(stages)) {}

  std::string_view language() const override { return lang_; }

  void analyze(std::string_view text, std::vector<Token>& out,
               uint32_t first_position) const override {
    const size_t first = out.size();
    tokenize(text, out, first_position);
    const std::span<Token> tokens(out.data() + first, out.size() - first);
    for (const auto& stage : stages_) stage->apply(text, tokens);
    // A word may fold to nothing (only ignorable code points): drop it.
    auto empty = [](const Token& t) { return t.term.empty(); };
    out.erase(std::remove_if(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(), empty),
              out.end());
  }

  void tokenize(std::string_view text, std::vector<Token>& out,
                uint32_t first_position) const override {
    tokenizer_->tokenize(text, out, first_position);
  }

  void normalize(std::string_view text, std::span<Token> tokens) const override {
    for (const auto& stage : stages_)
      if (!stage->sets_key_only()) stage->apply(text, tokens);
  }

  void words(std::string_view text, std::vector<WordSpan>& out,
             uint32_t first_position) const override {
    tokenizer_->words(text, out, first_position);
  }

  Token raw_token(std::string_view text, const WordSpan& word) const override {
    return tokenizer_->raw_token(text, word);
  }

 private:
  std::string lang_;
  std::unique_ptr<Tokenizer> tokenizer_;
  std::vector<std::unique_ptr<Stage>> stages_;
};

}  // namespace

void Tokenizer::tokenize(std::string_view text, std::vector<Token>& out,
                         uint32_t first_position) const {
  std::vector<WordSpan> spans;
  words(text, spans, first_position);
  out.reserve(out.size() + spans.size());
  for (const auto& w : spans) out.push_back(raw_token(text, w));
}

std::unique_ptr<Analyzer> ChainBuilder::build() {
  if (!tokenizer_) throw std::logic_error("analyzer chain '" + lang_ + "' has no tokenizer");
  return std::make_unique<ChainAnalyzer>(std::move(lang_), std::move(tokenizer_),
                                         std::move(stages_));
}

}  // namespace portal::analysis
