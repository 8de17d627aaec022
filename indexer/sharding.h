// Routing of articles to the shards of a sharded index (layout: schema.h).
//
// An article lives in shard fnv1a_64(id) % N, where fnv1a_64 is the 64-bit
// FNV-1a hash of the id's UTF-8 bytes (offset basis 0xcbf29ce484222325, prime
// 0x100000001b3). The hash is stable across platforms and releases, so
// updates and deletions of an id always reach the shard that holds it.
// Changing N needs a rebuild (`portal-indexer index --rebuild --shards N`).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace portal {

// 64-bit FNV-1a of `bytes`.
uint64_t fnv1a_64(std::string_view bytes);

// The shard (0..shard_count-1) that holds article `id`; 0 when shard_count <= 1.
unsigned shard_for(std::string_view id, unsigned shard_count);

// The sample level (schema::kSamplePrefix) of an article whose translation
// group, else id, is `key`: the number of trailing zero bits of fnv1a_64(key)
// passed through MurmurHash3's 64-bit finaliser, at most
// schema::kMaxSampleLevel.
unsigned sample_level(std::string_view key);

// "shard-<i>": the name of shard i inside a generation (and of its stub file).
std::string shard_dir_name(unsigned i);

}  // namespace portal
