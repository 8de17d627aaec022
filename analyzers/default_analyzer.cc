// Any other language: ICU word break -> case fold -> Snowball stem where
// Xapian has one (Latin and Cyrillic words of another script get their
// script's stemmer) -> accent fold -> name keys.
#include "analyzers/cross_script_key.h"
#include "analyzers/languages.h"
#include "analyzers/normalize.h"
#include "analyzers/stemming.h"
#include "analyzers/word_break.h"

namespace portal::analysis {

std::unique_ptr<Analyzer> make_default_analyzer(const std::string& lang) {
  auto stemmer = lang.empty() ? nullptr : snowball_stemmer(lang);
  // With a stemmer, the language is taken to be written in Latin letters
  // (true of most Snowball languages); without one no script is native.
  Script native = stemmer ? Script::kLatin : Script::kOther;
  return ChainBuilder(lang)
      .tokenizer(icu_word_break())
      .then(case_fold())
      .then(stem_words(native, stemmer))
      .then(accent_fold())
      .then(name_keys())
      .build();
}

}  // namespace portal::analysis
