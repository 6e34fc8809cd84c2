// Exports of a search (/export.csv, /export.jsonl): one row per release with
// a fixed set of columns, for spreadsheets and scripts.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "common/release.h"

namespace pressroom {

// The columns, in their fixed order. Lists (topics, spokespeople) are
// joined with "; " in CSV and are arrays in JSON Lines.
inline constexpr std::array<std::string_view, 8> kExportColumns = {"id",           "date",     "type", "title", "topics",
                                                                   "spokespeople", "location", "url"};

// The most rows an export holds (the rest of a larger search is left out;
// the response says how many matched).
inline constexpr size_t kMaxExportRows = 10000;

// One CSV field per RFC 4180 (quoted when it holds a comma, a quote, CR or
// LF; quotes doubled), defused for spreadsheets: a cell that starts with
// = + - @ tab or CR is prefixed with ' so that it is never run as a formula.
std::string csv_cell(std::string_view value);

// The header line and one line per release, each ending in CRLF.
std::string csv_header();
std::string csv_row(const Release& release);

// One JSON object per line (keys in kExportColumns order), ending in LF.
std::string jsonl_row(const Release& release);

}  // namespace pressroom
