#include "indexer/sharding.h"

#include <algorithm>
#include <bit>

#include "indexer/schema.h"

namespace portal {

uint64_t fnv1a_64(std::string_view bytes) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

unsigned sample_level(std::string_view key) {
  // FNV-1a's bits are not even enough for this on ids that differ in their
  // last characters; MurmurHash3's 64-bit finaliser mixes them.
  uint64_t h = fnv1a_64(key);
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  unsigned level = h == 0 ? 64 : static_cast<unsigned>(std::countr_zero(h));
  return std::min(level, schema::kMaxSampleLevel);
}

unsigned shard_for(std::string_view id, unsigned shard_count) {
  if (shard_count <= 1) return 0;
  return static_cast<unsigned>(fnv1a_64(id) % shard_count);
}

std::string shard_dir_name(unsigned i) { return "shard-" + std::to_string(i); }

}  // namespace portal
