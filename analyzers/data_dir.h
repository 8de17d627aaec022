// Where the binaries find their read-only data: the language data (stopwords/,
// synonyms/) and the facet configuration (data_directory), and the search page
// (web_directory).
//
// In order: the PORTAL_DATA_DIR environment variable (the search page then in
// its web/ subdirectory); the installed layout beside the running binary
// (<prefix>/bin/../share/portalsearch, as `cmake --install` and the Debian
// package lay it out, wherever the prefix is); the source tree, for binaries
// run from the build tree; and the install prefix chosen at build time.
// Command-line flags override these where the binaries have them. Thread-safe.
#pragma once

#include <string>

namespace portal::analysis {

std::string data_directory();  // holds facets.json, stopwords/, synonyms/
std::string web_directory();   // holds index.html

}  // namespace portal::analysis
