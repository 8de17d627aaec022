#include "indexer/iso_date.h"

#include <cstdio>

namespace portal {
namespace {

// Reads exactly `n` digits at s[pos], advancing pos; false if there are not.
bool digits(std::string_view s, size_t& pos, size_t n, int& value) {
  if (pos + n > s.size()) return false;
  value = 0;
  for (size_t i = 0; i < n; ++i) {
    char c = s[pos + i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  pos += n;
  return true;
}

bool expect(std::string_view s, size_t& pos, char c) {
  if (pos >= s.size() || s[pos] != c) return false;
  ++pos;
  return true;
}

int days_in_month(int year, int month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

// Checks the time part; sets `next_day` when the hour is 24 (see iso_day()).
bool valid_time(std::string_view s, size_t pos, bool& next_day) {
  int hour, minute, second;
  if (!digits(s, pos, 2, hour) || hour > 24 || !expect(s, pos, ':') || !digits(s, pos, 2, minute) ||
      minute > 59)
    return false;
  next_day = hour == 24;
  if (pos < s.size() && s[pos] == ':') {
    ++pos;
    if (!digits(s, pos, 2, second) || second > 60) return false;
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
      ++pos;
      size_t start = pos;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
      if (pos == start) return false;
    }
  }
  if (pos == s.size()) return true;
  if (s[pos] == 'Z') return pos + 1 == s.size();
  if (s[pos] != '+' && s[pos] != '-') return false;
  ++pos;
  int oh, om = 0;
  if (!digits(s, pos, 2, oh) || oh > 23) return false;
  if (pos == s.size()) return true;
  if (s[pos] == ':') ++pos;
  return digits(s, pos, 2, om) && om <= 59 && pos == s.size();
}

}  // namespace

std::optional<std::string> iso_day(std::string_view s) {
  size_t pos = 0;
  int year, month, day;
  if (!digits(s, pos, 4, year) || !expect(s, pos, '-') || !digits(s, pos, 2, month) ||
      !expect(s, pos, '-') || !digits(s, pos, 2, day))
    return std::nullopt;
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) return std::nullopt;
  bool next_day = false;
  if (pos < s.size()) {
    if (s[pos] != 'T' && s[pos] != ' ') return std::nullopt;
    if (!valid_time(s, pos + 1, next_day)) return std::nullopt;
  }
  if (!next_day) return std::string(s.substr(0, 10));
  if (++day > days_in_month(year, month)) {
    day = 1;
    if (++month > 12) month = 1, ++year;
    if (year > 9999) return std::nullopt;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return std::string(buf);
}

}  // namespace portal
