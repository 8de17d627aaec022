#include "indexer/iso_date.h"

#include <gtest/gtest.h>

namespace portal {
namespace {

TEST(IsoDateTest, AcceptsDatesAndDateTimes) {
  const std::pair<const char*, const char*> cases[] = {
      {"2022-02-24", "2022-02-24"},
      {"2024-02-29", "2024-02-29"},
      {"2000-02-29", "2000-02-29"},
      {"2022-02-24T05:30", "2022-02-24"},
      {"2022-02-24T05:30:59", "2022-02-24"},
      {"2022-02-24 05:30:59", "2022-02-24"},
      {"2022-02-24T05:30:59.123Z", "2022-02-24"},
      {"2022-02-24T05:30:00+02:00", "2022-02-24"},
      {"2022-02-24T05:30:00-0330", "2022-02-24"},
      {"2016-12-31T23:59:60Z", "2016-12-31"},
      {"2022-03-11T24:04:30", "2022-03-12"},
      {"2022-12-31T24:00:00", "2023-01-01"},
      {"2022-02-28T24:00", "2022-03-01"},
  };
  for (const auto& [in, day] : cases) {
    auto got = iso_day(in);
    ASSERT_TRUE(got.has_value()) << in;
    EXPECT_EQ(*got, day) << in;
  }
}

TEST(IsoDateTest, RejectsWhatIsNotADate) {
  const char* bad[] = {"",
                       "2022",
                       "2022-2-24",
                       "2022-13-01",
                       "2022-00-10",
                       "2022-02-30",
                       "2023-02-29",
                       "1900-02-29",
                       "2022-02-24T",
                       "2022-02-24T25:00",
                       "2022-02-24T10:60",
                       "2022-02-24T10:00:61",
                       "2022-02-24X10:00",
                       "2022-02-24T10:00+25:00",
                       "2022-02-24T10:00Zjunk",
                       "24/02/2022",
                       "2022-02-24T10:00:00.",
                       "yesterday"};
  for (const char* in : bad) EXPECT_FALSE(iso_day(in).has_value()) << in;
}

}  // namespace
}  // namespace portal
