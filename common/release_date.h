// The date of a release as archives and CMS exports write it, turned into
// the archive's YYYY-MM-DD. Machine forms first (ISO 8601, YAML timestamps as
// Hugo and Jekyll write them, compact YYYYMMDD, Unix time), then the forms
// people write (date_text.h), with or without a time of day after them as in
// RSS and e-mail dates.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pressroom {

// Returns "YYYY-MM-DD" for `text` when the whole of it is one date, else
// nullopt. Accepted besides normalize_iso_date() and parse_written_date():
//   20201118                          compact, when it is a real day
//   1605700800 · 1605700800000        Unix seconds or milliseconds (UTC day)
//   Wed, 18 Nov 2020 10:00:00 -0500   a written date followed by a time of
//   November 18, 2020 10:00 AM EST    day, the weekday optional; its date is
//                                     kept as written (no shift to UTC)
// Numeric forms that are not year first (11/12/2020) stay rejected: they
// mean different days in different countries.
std::optional<std::string> parse_release_date(std::string_view text);

}  // namespace pressroom
