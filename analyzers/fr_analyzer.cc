// French: ICU word break -> case fold -> elision -> stop words -> Snowball
// stem (on accented words) -> accent fold -> name keys.
#include "analyzers/cross_script_key.h"
#include "analyzers/elision.h"
#include "analyzers/languages.h"
#include "analyzers/normalize.h"
#include "analyzers/stemming.h"
#include "analyzers/stopwords.h"
#include "analyzers/word_break.h"

namespace portal::analysis {

std::unique_ptr<Analyzer> make_french_analyzer() {
  return ChainBuilder("fr")
      .tokenizer(icu_word_break())
      .then(case_fold())
      .then(strip_elision(french_elisions()))
      .then(mark_stopwords(load_stopwords("fr")))
      .then(stem_words(Script::kLatin, snowball_stemmer("french")))
      .then(accent_fold())
      .then(name_keys())
      .build();
}

}  // namespace portal::analysis
