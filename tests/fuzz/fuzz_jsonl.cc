// Fuzz target: a whole JSON Lines input through the reader; every line ends as
// an article or as a FILE:LINE error, never as a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "indexer/jsonl_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  unsigned long seen = 0;
  portal::read_jsonl(
      in, "fuzz.jsonl",
      [&](portal::Article&& a) {
        if (a.id.empty()) std::abort();  // the parser must reject an empty id
        ++seen;
        return true;
      },
      [&](const portal::ReadError& e) {
        if (e.line == 0 || e.reason.empty()) std::abort();  // errors must say where and why
        ++seen;
        return true;
      });
  return 0;
}
