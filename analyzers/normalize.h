// Normalisation of words, in two steps so stemmers see accented words:
//  1. fold_case: Unicode NFKC with case folding, combining marks removed
//     (stress marks: `Украї́на` -> `україна`), Russian ё -> е, apostrophes
//     (’ ʼ ‘ `) -> '. Letters that are distinct in a language stay distinct
//     (й ї і є ґ are precomposed after NFKC and are kept).
//  2. fold_accents: Latin letters lose their diacritics (`défense` ->
//     `defense`, `œ` -> `oe`); other scripts are untouched.
// Both are thread-safe and allocate no ICU objects per call.
#pragma once

#include <memory>
#include <string>

#include "analyzers/chain.h"

namespace portal::analysis {

// Folds `word` in place (step 1 above).
void fold_case(std::string& word);

// Folds the accents of Latin letters in `word` in place (step 2 above).
void fold_accents(std::string& word);

// Both steps.
inline void fold(std::string& word) {
  fold_case(word);
  fold_accents(word);
}

// Stage: fold_case on every token's term.
std::unique_ptr<Stage> case_fold();

// Stage: fold_accents on every token's term and stems (run after stemming).
std::unique_ptr<Stage> accent_fold();

}  // namespace portal::analysis
