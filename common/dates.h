// Calendar dates as the archive uses them: stored as YYYY-MM-DD, indexed as
// YYYYMMDD (which sorts as a string), queried with partial bounds.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pressroom {

// True for a real calendar day (leap years included) in years 1000..9999.
bool is_valid_day(int year, int month, int day);

// Parses "YYYY-MM-DD", also accepting an ISO 8601 date-time or a
// "YYYY-MM-DD H:MM" form (a YAML timestamp), whose date part is kept as written (no time-zone
// shift: a release dated in its own zone stays on that day). Returns the
// normalised "YYYY-MM-DD", or nullopt for anything else or an impossible day.
std::optional<std::string> normalize_iso_date(std::string_view text);

// "YYYY-MM-DD" of a day (not checked: see is_valid_day()); the one place
// the archive's day form is written.
std::string format_iso_day(int year, int month, int day);

// Which end of a partial date a bound stands for.
enum class BoundSide { Lower, Upper };

// Turns "YYYY", "YYYY-MM" or "YYYY-MM-DD" into the first (Lower) or last
// (Upper) day it covers, as "YYYYMMDD". nullopt when malformed or impossible.
std::optional<std::string> date_bound(std::string_view text, BoundSide side);

// "2020-11-18" → "20201118". Expects a normalised date.
std::string compact_date(std::string_view iso_date);

// "20201118" → "2020-11-18": the inverse of compact_date(). Expects at least
// eight characters; only the first eight are read.
std::string expand_compact_date(std::string_view yyyymmdd);

}  // namespace pressroom
