// Where the analyzers' language data (stopwords/, synonyms/) lives: the
// PORTAL_DATA_DIR environment variable when set, else the source tree's data/
// directory baked in at build time. Thread-safe.
#pragma once

#include <string>

namespace portal::analysis {

std::string data_directory();

}  // namespace portal::analysis
