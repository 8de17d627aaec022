#include "searchd/recency.h"

#include <cmath>

#include "indexer/schema.h"

namespace portal {

long day_number(const std::string& date) {
  if (date.size() < 10) return 0;
  int y = 0, m = 0, d = 0;
  try {
    y = std::stoi(date.substr(0, 4));
    m = std::stoi(date.substr(5, 2));
    d = std::stoi(date.substr(8, 2));
  } catch (const std::exception&) {
    return 0;
  }
  // Days from civil (proleptic Gregorian calendar).
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

RecencySource::RecencySource(double max_weight, double half_life_days)
    : Xapian::ValuePostingSource(schema::kDateSlot),
      max_weight_(max_weight),
      half_life_days_(half_life_days) {}

void RecencySource::init(const Xapian::Database& db) {
  Xapian::ValuePostingSource::init(db);
  newest_day_ = day_number(db.get_value_upper_bound(schema::kDateSlot));
  set_maxweight(max_weight_);
}

double RecencySource::get_weight() const {
  long day = day_number(get_value());
  if (day == 0) return 0;
  double age = static_cast<double>(std::max(0L, newest_day_ - day));
  return max_weight_ * std::exp2(-age / half_life_days_);
}

RecencySource* RecencySource::clone() const {
  return new RecencySource(max_weight_, half_life_days_);
}

}  // namespace portal
