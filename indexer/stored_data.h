// The encoding of document data (schema.h, "Stored document data").
//
// An article is stored as its JSON, compressed with zstd behind a one-byte
// marker when that is worth it. Xapian would otherwise deflate the JSON
// itself: zlib's inflate then took most of the time of reading a hit's
// article (and, over a page of ten hits, a tenth to a sixth of a search),
// where zstd decodes it two to three times faster at about the same size.
// Xapian leaves the zstd frame as it is: deflate cannot shrink it.
//
// Data written before this encoding (plain JSON) reads back unchanged, so
// older indexes stay readable.
//
// Thread-safe: each thread keeps its own compression contexts.
#pragma once

#include <string>
#include <string_view>

namespace portal {

// The document data for an article's JSON.
std::string encode_stored(std::string_view json);

// The article's JSON from document data written by encode_stored() (or by
// older versions, as plain JSON). Throws Xapian::DatabaseCorruptError when
// the data is marked as compressed but does not decode.
std::string decode_stored(std::string_view data);

}  // namespace portal
