// Date ranges as the Y/M/D terms every release carries (schema.h), instead of
// a range over the date value slot. Why: OP_VALUE_RANGE reads the date value
// of every release in the archive for every query — a full pass that made a
// browse by year cost ~50 ms at 100k releases and grows with the archive —
// while a handful of year, month and day terms read only the postings of the
// days asked for. The matches are the same: each release has exactly one
// D, M and Y term, those of its kDate value.
#pragma once

#include <xapian.h>

#include <string>

namespace pressroom {

// The releases dated lo..hi inclusive ("YYYYMMDD"; lo may be "" and hi
// "99991231" for an open end), as an OR of whole years, whole months and
// single days: at most ~60 terms plus one per whole year. The range is first
// clamped to the dates `db` holds (its kDate value bounds), so that an open
// end does not enumerate centuries. Never an empty Query: a range nothing can
// match gives a term no release has.
Xapian::Query date_range_query(const std::string& lo, const std::string& hi, const Xapian::Database& db);

}  // namespace pressroom
