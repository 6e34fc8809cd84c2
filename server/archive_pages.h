// Browsing the archive by date: /archive (every year and month with its
// count), /archive/YYYY (a year's months and releases) and /archive/YYYY/MM
// (a month's releases, paged).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "common/release.h"
#include "server/html_layout.h"

namespace pressroom {

// Releases per month of one year.
struct ArchiveYear {
  int year = 0;
  uint64_t total = 0;
  std::array<uint64_t, 12> months{};  // [0] = January
};

// The archive's calendar, oldest year first; only years with releases.
using ArchiveCalendar = std::vector<ArchiveYear>;

std::string render_archive_index(const ArchiveCalendar& calendar, const PageAssets& assets);

struct ArchiveYearView {
  const ArchiveCalendar* calendar = nullptr;
  int year = 0;                   // a year of the calendar
  std::vector<Release> releases;  // the year's releases, newest first; empty when too many to list
};
std::string render_archive_year(const ArchiveYearView& view, const PageAssets& assets);

struct ArchiveMonthView {
  const ArchiveCalendar* calendar = nullptr;
  int year = 0, month = 0;        // a month with releases
  std::vector<Release> releases;  // this page of them, oldest first
  uint64_t total = 0;
  int page = 1, pages = 1;
};
std::string render_archive_month(const ArchiveMonthView& view, const PageAssets& assets);

}  // namespace pressroom
