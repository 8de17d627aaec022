#include "analyzers/elision.h"

#include <algorithm>

namespace portal::analysis {
namespace {

// Byte length of the apostrophe starting at `s[i]` in the original text
// (' or a multi-byte variant), 0 if there is none.
size_t apostrophe_length(std::string_view s, size_t i) {
  if (s[i] == '\'' || s[i] == '`') return 1;
  for (std::string_view a : {"\u2019", "\u02BC", "\u2018", "\u02BB"})
    if (s.substr(i, a.size()) == a) return a.size();
  return 0;
}

class StripElision final : public Stage {
 public:
  explicit StripElision(std::vector<std::string> articles) : articles_(std::move(articles)) {}

  void apply(std::string_view text, std::span<Token> tokens) const override {
    for (auto& t : tokens) {
      size_t apos = t.term.find('\'');
      if (apos == std::string::npos || apos + 1 >= t.term.size()) continue;
      std::string_view head(t.term.data(), apos);
      if (std::find(articles_.begin(), articles_.end(), head) == articles_.end()) continue;
      t.term.erase(0, apos + 1);
      // Move the start offset past the first apostrophe of the original word.
      for (size_t i = t.start; i < t.end; ++i) {
        if (size_t len = apostrophe_length(text, i)) {
          t.start = static_cast<uint32_t>(i + len);
          break;
        }
      }
    }
  }

 private:
  std::vector<std::string> articles_;
};

class StripPossessive final : public Stage {
 public:
  void apply(std::string_view text, std::span<Token> tokens) const override {
    for (auto& t : tokens) {
      if (t.term.size() < 3 || !t.term.ends_with("'s")) continue;
      t.term.resize(t.term.size() - 2);
      // The original ends with an apostrophe (1 to 3 bytes) and an s.
      for (size_t len = 1; len <= 3 && t.start + len + 1 < t.end; ++len) {
        if (apostrophe_length(text, t.end - 1 - len) == len) {
          t.end = static_cast<uint32_t>(t.end - 1 - len);
          break;
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Stage> strip_elision(std::vector<std::string> articles) {
  return std::make_unique<StripElision>(std::move(articles));
}

std::unique_ptr<Stage> strip_possessive() { return std::make_unique<StripPossessive>(); }

std::vector<std::string> french_elisions() {
  return {"l", "d",  "j",     "m",      "n",      "s",      "t",
          "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"};
}

}  // namespace portal::analysis
