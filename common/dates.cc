#include "common/dates.h"

#include <cctype>
#include <cstdio>

namespace pressroom {
namespace {

int days_in_month(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// Reads exactly `width` digits at `pos`; -1 when they are not all digits.
int digits_at(std::string_view s, size_t pos, size_t width) {
  if (pos + width > s.size()) return -1;
  int value = 0;
  for (size_t i = pos; i < pos + width; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return -1;
    value = value * 10 + (s[i] - '0');
  }
  return value;
}

std::string format_compact(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", y, m, d);
  return buf;
}

}  // namespace

std::string format_iso_day(int year, int month, int day) {
  char buf[40];  // room for any int, so the compiler can see nothing is cut
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

bool is_valid_day(int year, int month, int day) {
  return year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= days_in_month(year, month);
}

std::optional<std::string> normalize_iso_date(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = digits_at(text, 0, 4), m = digits_at(text, 5, 2), d = digits_at(text, 8, 2);
  if (y < 0 || m < 0 || d < 0 || !is_valid_day(y, m, d)) return std::nullopt;
  if (text.size() > 10) {
    // Only a time may follow: H:MM or HH:MM, then seconds, fractions or a
    // zone offset. YAML timestamps (Hugo, Jekyll) allow a one-digit hour and
    // any run of spaces or tabs before it: "2017-09-06 3:00:31 -0400".
    std::string_view time = text.substr(10);
    if (time.front() == 'T' || time.front() == 't') time.remove_prefix(1);
    else if (time.front() != ' ' && time.front() != '\t') return std::nullopt;
    while (!time.empty() && (time.front() == ' ' || time.front() == '\t')) time.remove_prefix(1);
    size_t hour = digits_at(time, 0, 2) >= 0 ? 2 : digits_at(time, 0, 1) >= 0 ? 1 : 0;
    if (hour == 0 || time.size() < hour + 3 || time[hour] != ':' || digits_at(time, hour + 1, 2) < 0)
      return std::nullopt;
    if (time.substr(hour + 3).find_first_not_of("0123456789:.+-Zz ") != std::string_view::npos) return std::nullopt;
  }
  return format_iso_day(y, m, d);
}

std::optional<std::string> date_bound(std::string_view text, BoundSide side) {
  int y = digits_at(text, 0, 4);
  if (y < 1000) return std::nullopt;
  bool lower = side == BoundSide::Lower;
  if (text.size() == 4) return format_compact(y, lower ? 1 : 12, lower ? 1 : 31);
  if (text.size() < 7 || text[4] != '-') return std::nullopt;
  int m = digits_at(text, 5, 2);
  if (m < 1 || m > 12) return std::nullopt;
  if (text.size() == 7) return format_compact(y, m, lower ? 1 : days_in_month(y, m));
  if (text.size() != 10 || text[7] != '-') return std::nullopt;
  int d = digits_at(text, 8, 2);
  if (!is_valid_day(y, m, d)) return std::nullopt;
  return format_compact(y, m, d);
}

std::string compact_date(std::string_view iso_date) {
  std::string out;
  for (char c : iso_date)
    if (c != '-') out.push_back(c);
  return out;
}

std::string expand_compact_date(std::string_view yyyymmdd) {
  std::string out(yyyymmdd.substr(0, 4));
  out.append("-").append(yyyymmdd.substr(4, 2)).append("-").append(yyyymmdd.substr(6, 2));
  return out;
}

}  // namespace pressroom
