// Fuzz target: arbitrary bytes through the analyzer of a language picked by
// the first byte. Offsets must stay inside the input and positions increase.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "analyzers/analyzer.h"

namespace {
constexpr const char* kLanguages[] = {"en", "fr", "ru", "uk", "de", "", "zh"};
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const char* lang = kLanguages[data[0] % (sizeof kLanguages / sizeof kLanguages[0])];
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  auto tokens = portal::analysis::analyzer_for(lang).analyze(text);
  uint32_t last_position = 0;
  for (const auto& t : tokens) {
    if (t.start > t.end || t.end > text.size()) std::abort();
    if (t.position < last_position) std::abort();
    last_position = t.position;
  }
  return 0;
}
