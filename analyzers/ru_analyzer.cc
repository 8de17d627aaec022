// Russian: ICU word break -> case fold (ё -> е, stress marks) -> stop words
// -> Snowball stem -> accent fold (Latin words) -> name keys.
#include "analyzers/cross_script_key.h"
#include "analyzers/languages.h"
#include "analyzers/normalize.h"
#include "analyzers/stemming.h"
#include "analyzers/stopwords.h"
#include "analyzers/word_break.h"

namespace portal::analysis {

std::unique_ptr<Analyzer> make_russian_analyzer() {
  return ChainBuilder("ru")
      .tokenizer(icu_word_break())
      .then(case_fold())
      .then(mark_stopwords(load_stopwords("ru")))
      .then(stem_words(Script::kCyrillic, snowball_stemmer("russian")))
      .then(accent_fold())
      .then(name_keys())
      .build();
}

}  // namespace portal::analysis
