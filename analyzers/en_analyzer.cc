// English: ICU word break -> case fold -> possessive -> stop words -> Snowball
// (Porter2) stem -> accent fold -> name keys.
#include "analyzers/cross_script_key.h"
#include "analyzers/elision.h"
#include "analyzers/languages.h"
#include "analyzers/normalize.h"
#include "analyzers/stemming.h"
#include "analyzers/stopwords.h"
#include "analyzers/word_break.h"

namespace portal::analysis {

std::unique_ptr<Analyzer> make_english_analyzer() {
  return ChainBuilder("en")
      .tokenizer(icu_word_break())
      .then(case_fold())
      .then(strip_possessive())
      .then(mark_stopwords(load_stopwords("en")))
      .then(stem_words(Script::kLatin, snowball_stemmer("english")))
      .then(accent_fold())
      .then(name_keys())
      .build();
}

}  // namespace portal::analysis
