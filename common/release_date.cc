#include "common/release_date.h"

#include <cctype>
#include <cstdint>

#include "common/date_text.h"
#include "common/dates.h"

namespace pressroom {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80; }

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Days since 1970-01-01 to a civil date (H. Hinnant's algorithm, exact for
// the proleptic Gregorian calendar).
std::optional<std::string> day_of_unix_days(int64_t days) {
  days += 719468;
  int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  auto doe = static_cast<unsigned>(days - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = static_cast<int64_t>(yoe) + era * 400;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  unsigned d = doy - (153 * mp + 2) / 5 + 1;
  unsigned m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  if (y < 1000 || y > 9999) return std::nullopt;
  return format_iso_day(static_cast<int>(y), static_cast<int>(m), static_cast<int>(d));
}

// All digits: YYYYMMDD, or Unix seconds (9–10 digits) or milliseconds (12–13).
std::optional<std::string> numeric_date(std::string_view s) {
  if (s.empty() || s.size() > 13) return std::nullopt;
  int64_t value = 0;
  for (char c : s) {
    if (!is_digit(c)) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (s.size() == 8) {
    int y = static_cast<int>(value / 10000), m = static_cast<int>(value / 100 % 100), d = static_cast<int>(value % 100);
    if (!is_valid_day(y, m, d)) return std::nullopt;
    return format_iso_day(y, m, d);
  }
  if (s.size() == 12 || s.size() == 13) value /= 1000;
  else if (s.size() != 9 && s.size() != 10) return std::nullopt;
  return day_of_unix_days(value / 86400);
}

// "10:00", "9:30:15.5 -0500", "at 10:00 a.m. EST", "10:00 (UTC)": a clock
// time, then only an am/pm marker and a zone (short letter codes, offsets).
bool is_time_of_day(std::string_view s) {
  s = trimmed(s);
  while (!s.empty() && (s.front() == ',' || s.front() == '-' || s.front() == '@' || s.front() == 'T')) {
    s.remove_prefix(1);
    s = trimmed(s);
  }
  for (std::string_view lead : {"at ", "a las ", "a la "})
    if (s.substr(0, lead.size()) == lead) s = trimmed(s.substr(lead.size()));
  size_t i = 0;
  while (i < s.size() && i < 2 && is_digit(s[i])) ++i;
  if (i == 0 || i >= s.size() || s[i] != ':') return false;
  if (i + 3 > s.size() || !is_digit(s[i + 1]) || !is_digit(s[i + 2])) return false;
  size_t letters = 0;
  for (char c : s.substr(i + 3)) {
    if (is_letter(c)) {
      if (++letters > 5) return false;  // a word, not a zone code
      continue;
    }
    letters = 0;
    if (!is_digit(c) && c != ':' && c != '.' && c != '+' && c != '-' && c != ' ' && c != '(' && c != ')')
      return false;
  }
  return true;
}

// Nothing, or one word (a weekday) with its punctuation.
bool is_weekday_or_nothing(std::string_view s) {
  s = trimmed(s);
  while (!s.empty() && (s.back() == ',' || s.back() == '.')) s.remove_suffix(1);
  for (char c : s)
    if (!is_letter(c)) return false;
  return true;
}

}  // namespace

std::optional<std::string> parse_release_date(std::string_view text) {
  text = trimmed(text);
  if (auto iso = normalize_iso_date(text)) return iso;
  if (auto written = parse_written_date(text)) return written;
  if (auto numeric = numeric_date(text)) return numeric;
  if (auto found = locate_written_date(text)) {
    if (is_weekday_or_nothing(text.substr(0, found->begin)) && is_time_of_day(text.substr(found->end)))
      return found->date;
  }
  return std::nullopt;
}

}  // namespace pressroom
