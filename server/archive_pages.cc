#include "server/archive_pages.h"

#include <algorithm>

#include "server/search_params.h"

namespace pressroom {
namespace {

std::string two_digits(int n) {
  std::string out = n < 10 ? "0" : "";
  out += std::to_string(n);
  return out;
}

std::string month_path(int year, int month) { return "/archive/" + std::to_string(year) + "/" + two_digits(month); }

const ArchiveYear* find_year(const ArchiveCalendar& calendar, int year) {
  for (const ArchiveYear& y : calendar)
    if (y.year == year) return &y;
  return nullptr;
}

// Shading of a calendar cell: five steps relative to the busiest month.
int heat(uint64_t count, uint64_t most) {
  if (count == 0 || most == 0) return 0;
  return std::min<int>(4, 1 + static_cast<int>((count - 1) * 4 / most));
}

std::string crumbs(const std::vector<std::pair<std::string, std::string>>& trail) {
  std::string h = "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><ol>";
  for (const auto& [href, label] : trail) h += "<li><a" + attr("href", href) + ">" + esc(label) + "</a></li>";
  return h + "</ol></nav>\n";
}

std::string release_row(const Release& r, bool with_year) {
  std::string date = long_date(r.date);
  if (!with_year && date.size() > 5) date = date.substr(0, date.size() - 5);  // "18 November"
  std::string lang = !r.lang.empty() && r.lang != "en" ? attr("lang", r.lang) : "";
  return "<li class=\"listing-item\"><time" + attr("datetime", r.date) + ">" + esc(date) + "</time><span class=\"type-tag\">" +
         esc(type_label(r.type)) + "</span><a" + attr("href", release_path(r.id)) + lang + ">" + esc(r.title) + "</a></li>\n";
}

std::string neighbours(const std::string& prev_href, const std::string& prev_label, const std::string& next_href,
                       const std::string& next_label, const char* aria) {
  if (prev_href.empty() && next_href.empty()) return {};
  std::string h = "<nav class=\"neighbours\"" + attr("aria-label", aria) + "><ul>";
  if (!prev_href.empty()) h += "<li class=\"prev\"><a rel=\"prev\"" + attr("href", prev_href) + ">‹ " + esc(prev_label) + "</a></li>";
  if (!next_href.empty()) h += "<li class=\"next\"><a rel=\"next\"" + attr("href", next_href) + ">" + esc(next_label) + " ›</a></li>";
  return h + "</ul></nav>\n";
}

PageShell archive_shell(const std::string& title, const std::string& description) {
  PageShell shell;
  shell.title = title;
  shell.description = description;
  shell.body_class = "page-archive";
  shell.section = Section::Archive;
  return shell;
}

}  // namespace

std::string render_archive_index(const ArchiveCalendar& calendar, const PageAssets& assets) {
  uint64_t total = 0, most = 0;
  for (const ArchiveYear& y : calendar) {
    total += y.total;
    for (uint64_t m : y.months) most = std::max(most, m);
  }
  std::string h = "<div class=\"wrap archive-page\">\n<h1>Archive</h1>\n";
  if (calendar.empty()) {
    h += "<p class=\"lede\">The archive is empty.</p>\n</div>\n";
    return render_page(archive_shell("Archive", "Every release by year and month."), assets, h);
  }
  h += "<p class=\"lede\">" + count_noun(total, "release", "releases") + " from " + std::to_string(calendar.front().year) +
       " to " + std::to_string(calendar.back().year) + ". Pick a year or a month.</p>\n";
  h += "<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"calendar-caption\" tabindex=\"0\">\n";
  h += "<table class=\"calendar\">\n<caption id=\"calendar-caption\">Releases per month</caption>\n<thead><tr><th scope=\"col\">Year</th>";
  for (int m = 1; m <= 12; ++m)
    h += "<th scope=\"col\"><abbr" + attr("title", month_name(m)) + ">" + month_name(m).substr(0, 3) + "</abbr></th>";
  h += "</tr></thead>\n<tbody>\n";
  for (auto it = calendar.rbegin(); it != calendar.rend(); ++it) {
    const ArchiveYear& y = *it;
    std::string year = std::to_string(y.year);
    h += "<tr><th scope=\"row\"><a" + attr("href", "/archive/" + year) + ">" + year + "</a> <span class=\"year-total\">" +
         thousands(y.total) + "</span></th>";
    for (int m = 1; m <= 12; ++m) {
      uint64_t n = y.months[m - 1];
      if (n == 0) {
        h += "<td class=\"heat0\"><span class=\"visually-hidden\">none</span></td>";
      } else {
        h += "<td class=\"heat" + std::to_string(heat(n, most)) + "\"><a" + attr("href", month_path(y.year, m)) +
             attr("aria-label", month_name(m) + " " + year + ": " + count_noun(n, "release", "releases")) + ">" +
             thousands(n) + "</a></td>";
      }
    }
    h += "</tr>\n";
  }
  h += "</tbody>\n</table>\n</div>\n</div>\n";
  return render_page(archive_shell("Archive", "Every release by year and month."), assets, h);
}

std::string render_archive_year(const ArchiveYearView& view, const PageAssets& assets) {
  const ArchiveCalendar& calendar = *view.calendar;
  const ArchiveYear* y = find_year(calendar, view.year);
  std::string year = std::to_string(view.year);
  std::string h = "<div class=\"wrap archive-page\">\n" + crumbs({{"/archive", "Archive"}});
  h += "<h1>" + year + "</h1>\n<p class=\"lede\">" + count_noun(y ? y->total : 0, "release", "releases") + " in " + year +
       ". <a" + attr("href", SearchParams().with("from", year).with("to", year).href("/")) + ">Search within " + year + "</a></p>\n";

  std::string prev, next;
  for (const ArchiveYear& other : calendar) {
    if (other.year < view.year) prev = std::to_string(other.year);
    if (other.year > view.year && next.empty()) next = std::to_string(other.year);
  }
  h += neighbours(prev.empty() ? "" : "/archive/" + prev, prev, next.empty() ? "" : "/archive/" + next, next, "Other years");

  h += "<ol class=\"month-strip\">\n";
  for (int m = 1; m <= 12; ++m) {
    uint64_t n = y ? y->months[m - 1] : 0;
    if (n == 0) {
      h += "<li class=\"none\"><span class=\"month-name\">" + month_name(m) + "</span><span class=\"month-count\">—</span></li>\n";
    } else {
      h += "<li><a" + attr("href", month_path(view.year, m)) + "><span class=\"month-name\">" + month_name(m) +
           "</span><span class=\"month-count\">" + count_noun(n, "release", "releases") + "</span></a></li>\n";
    }
  }
  h += "</ol>\n";

  if (!view.releases.empty()) {
    // Newest month first, the way a newsroom reads a year back.
    for (int m = 12; m >= 1; --m) {
      std::string prefix = year + "-" + two_digits(m);
      std::string items;
      for (const Release& r : view.releases)
        if (r.date.starts_with(prefix)) items += release_row(r, false);
      if (items.empty()) continue;
      h += "<section class=\"listing\" aria-labelledby=\"m" + std::to_string(m) + "\">\n<h2 id=\"m" + std::to_string(m) +
           "\"><a" + attr("href", month_path(view.year, m)) + ">" + month_name(m) + "</a></h2>\n<ul class=\"listing-list\">\n" +
           items + "</ul>\n</section>\n";
    }
  }
  h += "</div>\n";
  return render_page(archive_shell(year, "Releases of " + year + " by month."), assets, h);
}

std::string render_archive_month(const ArchiveMonthView& view, const PageAssets& assets) {
  const ArchiveCalendar& calendar = *view.calendar;
  std::string year = std::to_string(view.year), label = month_name(view.month) + " " + year;
  std::string key = year + "-" + two_digits(view.month);
  std::string h = "<div class=\"wrap archive-page\">\n" + crumbs({{"/archive", "Archive"}, {"/archive/" + year, year}});
  h += "<h1>" + esc(label) + "</h1>\n<p class=\"lede\">" + count_noun(view.total, "release", "releases") + ". <a" +
       attr("href", SearchParams().with("from", key).with("to", key).href("/")) + ">Search within " + esc(label) + "</a></p>\n";

  // The nearest months with releases either side, across years.
  std::pair<int, int> prev{0, 0}, next{0, 0};
  for (const ArchiveYear& y : calendar)
    for (int m = 1; m <= 12; ++m) {
      if (y.months[m - 1] == 0) continue;
      std::pair<int, int> at{y.year, m}, here{view.year, view.month};
      if (at < here) prev = at;
      if (at > here && next.first == 0) next = at;
    }
  auto label_of = [](std::pair<int, int> ym) { return month_name(ym.second) + " " + std::to_string(ym.first); };
  h += neighbours(prev.first ? month_path(prev.first, prev.second) : "", prev.first ? label_of(prev) : "",
                  next.first ? month_path(next.first, next.second) : "", next.first ? label_of(next) : "", "Other months");

  h += "<ul class=\"listing-list\">\n";
  for (const Release& r : view.releases) h += release_row(r, false);
  h += "</ul>\n";
  if (view.pages > 1) {
    h += "<nav class=\"pager\" aria-label=\"Pages\"><ul>";
    for (int p = 1; p <= view.pages; ++p) {
      std::string href = month_path(view.year, view.month) + (p > 1 ? "?page=" + std::to_string(p) : "");
      h += "<li><a" + attr("href", href) + (p == view.page ? " aria-current=\"page\"" : "") +
           "><span class=\"visually-hidden\">Page </span>" + std::to_string(p) + "</a></li>";
    }
    h += "</ul></nav>\n";
  }
  h += "</div>\n";
  return render_page(archive_shell(label, "Releases of " + label + "."), assets, h);
}

}  // namespace pressroom
