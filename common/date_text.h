// Dates as people write them in releases, listings and reports ("November 18,
// 2020", "18 de noviembre de 2020", "Nov. 18, 2020"), turned into the archive's
// YYYY-MM-DD. English and Spanish month names; numeric forms only when they
// are unambiguous (year first), because 11/12/2020 means different days in
// Tucson and in Hermosillo.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace pressroom {

// Parses `text` when the whole of it is one date, and returns "YYYY-MM-DD".
// Accepted (case-insensitive, ordinals such as 18th / 1.º allowed, any
// whitespace including no-break spaces):
//   November 18, 2020 · Nov 18 2020 · Nov. 18, 2020 · Sept. 8, 2021
//   18 November 2020 · 18 Nov. 2020 · 18-Nov-2020
//   18 de noviembre de 2020 · 18 de noviembre del 2020 · noviembre 18, 2020
//   2020-11-18 · 2020/11/18 · an ISO 8601 date-time (its date kept as written)
// A leading weekday ("Wednesday, November 18, 2020", "miércoles 18 de
// noviembre de 2020") and surrounding punctuation are ignored. A range
// ("December 3–4, 2021") gives its first day. Returns nullopt for anything
// else, for a date without a day ("November 2020") and for impossible days
// ("February 30, 2021").
std::optional<std::string> parse_written_date(std::string_view text);

// A date found inside a longer text: its value and the bytes it occupies.
struct WrittenDate {
  std::string date;   // YYYY-MM-DD
  size_t begin = 0;   // byte offset of its first character in the text
  size_t end = 0;     // one past its last byte (a trailing ordinal or "." included)
};

// The first date in `text` in any form parse_written_date accepts (without
// the weekday, which is left outside [begin, end)), or nullopt when there is
// none. Digits glued to letters or to other digits ("A18", "120201") are not
// taken for a date.
std::optional<WrittenDate> locate_written_date(std::string_view text);

// locate_written_date(text)->date, for callers that only need the value.
std::optional<std::string> find_written_date(std::string_view text);

}  // namespace pressroom
