// Ukrainian: ICU word break (apostrophes stay inside words) -> case fold
// (’ ʼ -> ', stress marks) -> stop words -> hunspell lemmas, suffix stripping
// for unknown words -> accent fold (Latin words) -> name keys.
#include "analyzers/cross_script_key.h"
#include "analyzers/languages.h"
#include "analyzers/normalize.h"
#include "analyzers/stemming.h"
#include "analyzers/stopwords.h"
#include "analyzers/uk_lemmatizer.h"
#include "analyzers/word_break.h"

namespace portal::analysis {

std::unique_ptr<Analyzer> make_ukrainian_analyzer() {
  return ChainBuilder("uk")
      .tokenizer(icu_word_break())
      .then(case_fold())
      .then(mark_stopwords(load_stopwords("uk")))
      .then(stem_words(Script::kCyrillic, ukrainian_lemmatizer()))
      .then(accent_fold())
      .then(name_keys())
      .build();
}

}  // namespace portal::analysis
