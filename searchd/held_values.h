// The values of one slot of every document of an index, held in memory as
// the index holds them: an array lookup where the index costs a B-tree
// lookup and, as a search's hits are scattered over the index, a block read
// (pread) or two a value.
//
// Thread safety: immutable once built.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace portal {

class HeldValues {
 public:
  // Reads the values of `slot` in `db` along its value stream, unless they
  // add up to more than `budget` bytes (4 a document included): then holds
  // none (held() false).
  HeldValues(const Xapian::Database& db, Xapian::valueno slot, size_t budget);

  // About the bytes HeldValues(db, slot, ...) would take, from the sizes of
  // the first values of the slot.
  static size_t estimate(const Xapian::Database& db, Xapian::valueno slot);

  Xapian::valueno slot() const { return slot_; }
  bool held() const { return !at_.empty(); }
  // The value of `did`; nullopt for none (an empty value), or when none are
  // held.
  std::optional<std::string_view> get(Xapian::docid did) const {
    if (did + 1 >= at_.size() || at_[did] == at_[did + 1]) return std::nullopt;
    return std::string_view(bytes_).substr(at_[did], at_[did + 1] - at_[did]);
  }
  size_t bytes() const { return bytes_.capacity() + at_.capacity() * sizeof(uint32_t); }

 private:
  Xapian::valueno slot_;
  // The value of d is bytes_[at_[d], at_[d + 1]); both empty when none are
  // held.
  std::string bytes_;
  std::vector<uint32_t> at_;
};

}  // namespace portal
