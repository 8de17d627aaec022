#include "analyzers/uk_lemmatizer.h"

#include <hunspell/hunspell.hxx>

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <stdexcept>

#include "analyzers/bounded_cache.h"
#include "analyzers/normalize.h"
#include "analyzers/script.h"
#include "analyzers/uk_suffix_stemmer.h"

namespace portal::analysis {
namespace {

constexpr const char* kAffix = "/usr/share/hunspell/uk_UA.aff";
constexpr const char* kDictionary = "/usr/share/hunspell/uk_UA.dic";
// Beyond this many cached words the cache is emptied (bounded memory).
constexpr size_t kMaxCached = 500'000;

class UkrainianLemmatizer final : public WordStemmer {
 public:
  void stem(const std::string& term, std::vector<std::string>& out) const override {
    if (cache_.find(term, [&](const std::vector<std::string>& lemmas) {
          out.insert(out.end(), lemmas.begin(), lemmas.end());
        }))
      return;
    std::vector<std::string> lemmas = lookup(term);
    out.insert(out.end(), lemmas.begin(), lemmas.end());
    cache_.insert(term, std::move(lemmas));
  }

 private:
  // Hunspell analyses a capitalised word both in lower case and as written,
  // lower-case readings first (`Київ`: `кий`, `Київ`), and a word in lower
  // case only as written (`київ`: `кий`): one lookup of the capitalised word
  // gives the readings of both, whichever way the word was written.
  std::vector<std::string> lookup(const std::string& term) const {
    std::vector<std::string> lemmas;
    dictionary_stems(capitalize(term), lemmas);
    if (lemmas.empty()) lemmas.push_back(ukrainian_suffix_stem(term));
    return lemmas;
  }

  void dictionary_stems(const std::string& word, std::vector<std::string>& out) const {
    std::vector<std::string> found;
    {
      std::lock_guard lock(hunspell_mutex_);
      found = hunspell().stem(word);
    }
    for (auto& lemma : found) {
      fold_case(lemma);
      if (std::find(out.begin(), out.end(), lemma) == out.end()) out.push_back(std::move(lemma));
    }
  }

  // Requires hunspell_mutex_.
  Hunspell& hunspell() const {
    if (!hunspell_) {
      if (!std::filesystem::exists(kAffix) || !std::filesystem::exists(kDictionary))
        throw std::runtime_error(std::string("missing Ukrainian dictionary ") + kDictionary +
                                 " (package hunspell-uk)");
      hunspell_ = std::make_unique<Hunspell>(kAffix, kDictionary);
    }
    return *hunspell_;
  }

  mutable std::mutex hunspell_mutex_;
  mutable std::unique_ptr<Hunspell> hunspell_;
  mutable BoundedCache<std::string, std::vector<std::string>> cache_{kMaxCached};
};

}  // namespace

std::shared_ptr<const WordStemmer> ukrainian_lemmatizer() {
  static const auto instance = std::make_shared<UkrainianLemmatizer>();
  return instance;
}

}  // namespace portal::analysis
