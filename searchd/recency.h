// An optional relevance boost for newer articles, as a Xapian posting source
// over the date value slot ("YYYY-MM-DD"). Ages are measured from the newest
// date in the index, so an archive ranks the same whatever today's date is.
//
// Thread safety: like any PostingSource, one instance per query (Xapian clones
// it per database).
#pragma once

#include <xapian.h>

namespace portal {

class RecencySource : public Xapian::ValuePostingSource {
 public:
  // `max_weight`: the boost of an article from the newest day; it halves
  // every `half_life_days` before that.
  RecencySource(double max_weight, double half_life_days = 90);
  double get_weight() const override;
  RecencySource* clone() const override;
  void init(const Xapian::Database& db) override;
  std::string name() const override { return "portal::RecencySource"; }

 private:
  double max_weight_, half_life_days_;
  long newest_day_ = 0;
};

// Days since 1970-01-01 of "YYYY-MM-DD..." (0 when it is not a date).
long day_number(const std::string& date);

}  // namespace portal
