// Stages for apostrophes that are not part of the word:
//  - French elision: `l'OTAN` -> `otan`, `d’Ukraine` -> `ukraine`,
//    `qu’il` -> `il` (the token's start offset moves past the apostrophe);
//  - English possessive: `Russia's` -> `russia`.
// Run after case_fold (apostrophes are U+0027 by then). Thread-safe.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "analyzers/chain.h"

namespace portal::analysis {

// `articles`: the elided words, folded, without apostrophe ("l", "qu", ...).
std::unique_ptr<Stage> strip_elision(std::vector<std::string> articles);

std::unique_ptr<Stage> strip_possessive();

// The French elided articles and pronouns.
std::vector<std::string> french_elisions();

}  // namespace portal::analysis
