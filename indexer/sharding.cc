#include "indexer/sharding.h"

namespace portal {

uint64_t fnv1a_64(std::string_view bytes) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

unsigned shard_for(std::string_view id, unsigned shard_count) {
  if (shard_count <= 1) return 0;
  return static_cast<unsigned>(fnv1a_64(id) % shard_count);
}

std::string shard_dir_name(unsigned i) { return "shard-" + std::to_string(i); }

}  // namespace portal
