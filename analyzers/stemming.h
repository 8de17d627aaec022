// Stemming: a WordStemmer maps a folded word to its stems or lemmas, and the
// stem_words stage applies one to every token that is not a stop word.
//
// Thread safety: every WordStemmer may be called from any number of threads
// (Snowball stemmers are kept per thread and their stems cached process-wide
// under a lock; the hunspell lemmatizer is locked and cached).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/chain.h"
#include "analyzers/script.h"

namespace portal::analysis {

class WordStemmer {
 public:
  virtual ~WordStemmer() = default;
  // Appends the stems of `term` (case-folded) to `out`.
  virtual void stem(const std::string& term, std::vector<std::string>& out) const = 0;
};

// Xapian's Snowball stemmer for `language` ("english", "fr", ...); nullptr
// when Xapian has none for it.
std::shared_ptr<const WordStemmer> snowball_stemmer(std::string_view language);

// Stage: stems every token that is not a stop word. Words written in the
// language's own script (or in none, like numbers) use `stemmer` (which may be
// nullptr: no stems); words of another script use that script's stemmer
// (Latin: English; Cyrillic: Ukrainian when the word has a letter only
// Ukrainian uses, else Russian), so a Latin name in Cyrillic text is still
// stemmed sensibly.
std::unique_ptr<Stage> stem_words(Script native, std::shared_ptr<const WordStemmer> stemmer);

}  // namespace portal::analysis
