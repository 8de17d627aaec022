// Fuzz target: one JSON Lines record through the article parser.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "indexer/article.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    portal::parse_article(std::string_view(reinterpret_cast<const char*>(data), size));
  } catch (const portal::ArticleError&) {
    // A clear rejection is the expected outcome for most inputs.
  }
  return 0;
}
