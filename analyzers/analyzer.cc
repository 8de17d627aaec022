#include "analyzers/analyzer.h"

#include <xapian.h>

#include <map>
#include <memory>
#include <mutex>

#include <unicode/brkiter.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

namespace portal::analysis {
namespace {

// Default chain: ICU word break -> case fold -> Snowball stem (if any).
class DefaultAnalyzer final : public Analyzer {
 public:
  explicit DefaultAnalyzer(std::string lang) : lang_(std::move(lang)) {
    try {
      if (!lang_.empty()) stemmer_ = Xapian::Stem(lang_);
    } catch (const Xapian::InvalidArgumentError&) {
      // No Snowball stemmer for this language: terms stay unstemmed.
    }
  }

  std::string_view language() const override { return lang_; }

  void analyze(std::string_view text, std::vector<Token>& out,
               uint32_t first_position) const override {
    UErrorCode status = U_ZERO_ERROR;
    thread_local std::unique_ptr<icu::BreakIterator> words(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !words) return;
    // Break the UTF-8 bytes in place: boundaries are byte offsets into `text`,
    // even where invalid sequences are read as U+FFFD.
    UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_FAILURE(status)) return;
    words->setText(ut, status);
    uint32_t position = first_position;
    int32_t start = words->first();
    for (int32_t end = words->next(); end != icu::BreakIterator::DONE;
         start = end, end = words->next()) {
      if (words->getRuleStatus() == UBRK_WORD_NONE) continue;
      icu::UnicodeString word =
          icu::UnicodeString::fromUTF8(icu::StringPiece(text.data() + start, end - start));
      word.foldCase();
      Token token;
      word.toUTF8String(token.term);
      if (!stemmer_.is_none()) token.stems.push_back(stemmer_(token.term));
      token.position = position++;
      token.start = static_cast<uint32_t>(start);
      token.end = static_cast<uint32_t>(end);
      out.push_back(std::move(token));
    }
    utext_close(ut);
  }

 private:
  std::string lang_;
  Xapian::Stem stemmer_;
};

}  // namespace

std::string normalize_language_tag(std::string_view lang) {
  std::string out;
  for (char c : lang) {
    if (c == '-' || c == '_') break;
    out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  }
  return out;
}

const Analyzer& analyzer_for(std::string_view lang) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<Analyzer>, std::less<>> analyzers;
  std::string tag = normalize_language_tag(lang);
  std::lock_guard lock(mutex);
  auto it = analyzers.find(tag);
  if (it == analyzers.end()) {
    it = analyzers.emplace(tag, std::make_unique<DefaultAnalyzer>(tag)).first;
  }
  return *it->second;
}

}  // namespace portal::analysis
