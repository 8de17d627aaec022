#include "analyzers/data_dir.h"

#include <cstdlib>

namespace portal::analysis {

std::string data_directory() {
  if (const char* env = std::getenv("PORTAL_DATA_DIR"); env && *env) return env;
  return PORTAL_SOURCE_DATA_DIR;
}

}  // namespace portal::analysis
