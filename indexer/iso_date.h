// ISO 8601 dates as articles give them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace portal {

// Accepts an ISO 8601 calendar date "YYYY-MM-DD" or a date-time
// "YYYY-MM-DDThh:mm[:ss[.fraction]][Z|+hh:mm|-hh:mm]" ('T' or one space
// between date and time), with real calendar checks (month 1-12, day within
// the month, leap years, hour 0-24, minute 0-59, second 0-60). Returns the day
// "YYYY-MM-DD" as written (no time-zone shift), or nullopt when unparseable.
// Hour 24 means the next day (exporters write "24:04:30" for 00:04:30 of the
// day after): "2022-03-11T24:04:30" gives "2022-03-12".
std::optional<std::string> iso_day(std::string_view date);

}  // namespace portal
