#include "analyzers/stemming.h"

#include <xapian.h>

#include <atomic>

#include "analyzers/bounded_cache.h"
#include "analyzers/uk_lemmatizer.h"

namespace portal::analysis {
namespace {

class SnowballStemmer final : public WordStemmer {
 public:
  SnowballStemmer(std::string language, size_t id) : language_(std::move(language)), id_(id) {}

  void stem(const std::string& term, std::vector<std::string>& out) const override {
    // Words repeat (Zipf): stems are remembered, process-wide and bounded.
    if (cache_.find(term, [&](const std::string& stem) { out.push_back(stem); })) return;
    std::string stem = thread_stemmer()(term);
    out.push_back(stem);
    cache_.insert(term, std::move(stem));
  }

 private:
  // Beyond this many words the cache is emptied.
  static constexpr size_t kMaxCachedStems = 200'000;

  // Xapian::Stem holds per-call state: one instance per thread and language.
  Xapian::Stem& thread_stemmer() const {
    thread_local std::vector<std::unique_ptr<Xapian::Stem>> stemmers;
    if (stemmers.size() <= id_) stemmers.resize(id_ + 1);
    if (!stemmers[id_]) stemmers[id_] = std::make_unique<Xapian::Stem>(language_);
    return *stemmers[id_];
  }

  std::string language_;
  size_t id_;
  mutable BoundedCache<std::string, std::string> cache_{kMaxCachedStems};
};

class StemWords final : public Stage {
 public:
  StemWords(Script native, std::shared_ptr<const WordStemmer> stemmer)
      : native_(native),
        stemmer_(std::move(stemmer)),
        latin_(snowball_stemmer("english")),
        russian_(snowball_stemmer("russian")),
        ukrainian_(ukrainian_lemmatizer()) {}

  void apply(std::string_view, std::span<Token> tokens) const override {
    for (auto& t : tokens) {
      if (t.stop) continue;
      if (const WordStemmer* stemmer = for_word(t.term)) stemmer->stem(t.term, t.stems);
    }
  }

 private:
  const WordStemmer* for_word(const std::string& term) const {
    Script script = script_of(term);
    if (script == native_ || script == Script::kOther) return stemmer_.get();
    if (script == Script::kLatin) return latin_.get();
    return has_ukrainian_letters(term) ? ukrainian_.get() : russian_.get();
  }

  Script native_;
  std::shared_ptr<const WordStemmer> stemmer_;
  std::shared_ptr<const WordStemmer> latin_, russian_, ukrainian_;
};

}  // namespace

std::shared_ptr<const WordStemmer> snowball_stemmer(std::string_view language) {
  static std::atomic<size_t> next_id{0};
  try {
    Xapian::Stem probe{std::string(language)};
    if (probe.is_none()) return nullptr;
  } catch (const Xapian::InvalidArgumentError&) {
    return nullptr;
  }
  return std::make_shared<SnowballStemmer>(std::string(language), next_id++);
}

std::unique_ptr<Stage> stem_words(Script native, std::shared_ptr<const WordStemmer> stemmer) {
  return std::make_unique<StemWords>(native, std::move(stemmer));
}

}  // namespace portal::analysis
