// What a highlighter needs to know of a normalised word, in a small record of
// fixed size: hashes of its normalised form and of its stems, and the form's
// first bytes for prefix queries. A process-wide cache holds one per word met
// in the texts of hits; an analysis::Token, with its strings on the heap,
// costs several cache misses to look at where this costs one.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>

#include <xxhash.h>

#include "analyzers/analyzer.h"

namespace portal {

// The hash by which normalised forms and stems are compared (XXH3, several
// times faster than std::hash on words). Two words could share one: at worst
// a wrong word is marked.
inline uint64_t form_hash(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

struct WordForms {
  static constexpr size_t kMaxStems = 3;
  // A prefix query of at most this many bytes is matched by `head`.
  static constexpr size_t kHead = 20;

  uint64_t term = 0;                        // form_hash of Token::term
  std::array<uint64_t, kMaxStems> stems{};  // form_hash of each non-empty stem
  uint8_t stem_count = 0;
  uint8_t size = 0;  // of Token::term in bytes, at most 255
  bool stop = false;
  std::array<char, kHead> head{};  // the first bytes of Token::term

  // The record of `t`; none when it has more than kMaxStems stems.
  static std::optional<WordForms> of(const analysis::Token& t) {
    WordForms f;
    for (const auto& s : t.stems) {
      if (s.empty()) continue;
      if (f.stem_count == kMaxStems) return std::nullopt;
      f.stems[f.stem_count++] = form_hash(s);
    }
    f.term = form_hash(t.term);
    f.size = static_cast<uint8_t>(std::min<size_t>(t.term.size(), 255));
    f.stop = t.stop;
    t.term.copy(f.head.data(), kHead);
    return f;
  }

  // Whether the form starts with `prefix`, of at most kHead bytes.
  bool starts_with(std::string_view prefix) const {
    return prefix.size() <= size && std::string_view(head.data(), prefix.size()) == prefix;
  }
};

// A cache line holds a record and its key.
static_assert(sizeof(WordForms) <= 56);

}  // namespace portal
