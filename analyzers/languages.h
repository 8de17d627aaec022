// The analyzer chains, one per language, registered by analyzer.cc. Each
// factory throws std::runtime_error when its language data is missing.
#pragma once

#include <memory>
#include <string>

#include "analyzers/analyzer.h"

namespace portal::analysis {

std::unique_ptr<Analyzer> make_english_analyzer();
std::unique_ptr<Analyzer> make_french_analyzer();
std::unique_ptr<Analyzer> make_russian_analyzer();
std::unique_ptr<Analyzer> make_ukrainian_analyzer();
// Any other language tag (or ""): word break, folding, the Snowball stemmer
// Xapian has for `lang`, if any.
std::unique_ptr<Analyzer> make_default_analyzer(const std::string& lang);

}  // namespace portal::analysis
