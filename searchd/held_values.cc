#include "searchd/held_values.h"

#include <algorithm>
#include <limits>

namespace portal {
namespace {

// Values read before the total is estimated.
constexpr size_t kSampled = 1000;

}  // namespace

size_t HeldValues::estimate(const Xapian::Database& db, Xapian::valueno slot) {
  const size_t offsets = (db.get_lastdocid() + 2) * sizeof(uint32_t);
  size_t read = 0, bytes = 0;
  for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot) && read < kSampled;
       ++it, ++read)
    bytes += (*it).size();
  if (read == 0) return offsets;
  return offsets + static_cast<size_t>(static_cast<double>(bytes) / static_cast<double>(read) *
                                       db.get_value_freq(slot));
}

HeldValues::HeldValues(const Xapian::Database& db, Xapian::valueno slot, size_t budget)
    : slot_(slot) {
  budget = std::min<size_t>(budget, std::numeric_limits<uint32_t>::max());
  const size_t last = db.get_lastdocid();
  const size_t offsets = (last + 2) * sizeof(uint32_t);
  if (offsets >= budget) return;
  budget -= offsets;
  at_.reserve(last + 2);
  at_.push_back(0);  // docid 0
  // The first values tell when the rest will not fit, before they are read.
  const double with_values = db.get_value_freq(slot);
  size_t read = 0;
  for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
    while (at_.size() <= it.get_docid()) at_.push_back(static_cast<uint32_t>(bytes_.size()));
    const std::string value = *it;
    if (bytes_.size() + value.size() > budget ||
        (++read == kSampled && bytes_.size() / double(read) * with_values > 2.0 * budget)) {
      bytes_ = {};
      at_ = {};
      return;
    }
    bytes_ += value;
  }
  while (at_.size() <= last + 1) at_.push_back(static_cast<uint32_t>(bytes_.size()));
  bytes_.shrink_to_fit();
}

}  // namespace portal
