#include "server/html_layout.h"

#include <array>
#include <cctype>

#include "common/snippet.h"
#include "server/search_params.h"

namespace pressroom {

std::string esc(std::string_view text) { return html_escape(text); }

std::string attr(std::string_view name, std::string_view value) {
  std::string out = " ";
  out += name;
  out += "=\"";
  out += esc(value);
  out += '"';
  return out;
}

std::string month_name(int month) {
  static constexpr std::array<const char*, 12> kMonths = {"January", "February", "March",     "April",
                                                          "May",     "June",     "July",      "August",
                                                          "September", "October", "November", "December"};
  return month >= 1 && month <= 12 ? kMonths[month - 1] : "";
}

std::string long_date(std::string_view iso) {
  auto digits = [&](size_t from, size_t n) {
    if (iso.size() < from + n) return false;
    for (size_t i = from; i < from + n; ++i)
      if (!std::isdigit(static_cast<unsigned char>(iso[i]))) return false;
    return true;
  };
  if (!digits(0, 4)) return std::string(iso);
  std::string year(iso.substr(0, 4));
  if (iso.size() == 4) return year;
  if (iso.size() < 7 || iso[4] != '-' || !digits(5, 2)) return std::string(iso);
  std::string month = month_name(std::stoi(std::string(iso.substr(5, 2))));
  if (month.empty()) return std::string(iso);
  if (iso.size() == 7) return month + " " + year;
  if (iso.size() != 10 || iso[7] != '-' || !digits(8, 2)) return std::string(iso);
  int day = std::stoi(std::string(iso.substr(8, 2)));
  return std::to_string(day) + " " + month + " " + year;
}

std::string type_label(std::string_view type) {
  if (type == "op-ed") return "Op-ed";
  std::string out(type);
  for (char& c : out)
    if (c == '-' || c == '_') c = ' ';
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

std::string language_name(std::string_view code) {
  if (code == "en") return "English";
  if (code == "es") return "Spanish";
  return std::string(code);
}

std::string release_path(std::string_view id) { return "/releases/" + percent_encode(id, true); }

std::string thousands(uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string quotable_query(std::string_view q) {
  if (q.size() >= 2 && q.front() == '"' && q.back() == '"' && q.find('"', 1) == q.size() - 1)
    q = q.substr(1, q.size() - 2);
  return std::string(q);
}

std::string count_noun(uint64_t n, std::string_view one, std::string_view many) {
  return thousands(n) + " " + std::string(n == 1 ? one : many);
}

std::string render_page(const PageShell& shell, const PageAssets& assets, std::string_view main_html) {
  std::string title = shell.title.empty() ? std::string(kSiteName) : shell.title + " · " + std::string(kSiteName);
  std::string h;
  h.reserve(main_html.size() + 4096);
  h += "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  h += "<title>" + esc(title) + "</title>\n";
  if (!shell.description.empty()) h += "<meta name=\"description\" content=\"" + esc(shell.description) + "\">\n";
  if (!shell.canonical.empty()) h += "<link rel=\"canonical\" href=\"" + esc(shell.canonical) + "\">\n";
  h += "<link rel=\"stylesheet\" href=\"" + esc(assets.stylesheet) + "\">\n";
  h += "<link rel=\"icon\" type=\"image/svg+xml\" href=\"" + esc(assets.icon) + "\">\n";
  if (!shell.feed_href.empty())
    h += "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"" + esc(shell.feed_title) + "\" href=\"" +
         esc(shell.feed_href) + "\">\n";
  h += "<link rel=\"search\" type=\"application/opensearchdescription+xml\" title=\"" + esc(kSiteName) +
       "\" href=\"/opensearch.xml\">\n";
  h += "<script src=\"" + esc(assets.script) + "\" defer></script>\n</head>\n";
  h += "<body class=\"" + esc(shell.body_class) + "\">\n";
  h += "<a class=\"skip-link\" href=\"#main\">Skip to content</a>\n";

  auto nav_link = [&](const char* href, const char* label, Section section) {
    std::string current = shell.section == section ? " aria-current=\"page\"" : "";
    return std::string("<li><a href=\"") + href + "\"" + current + ">" + label + "</a></li>";
  };
  h += "<header class=\"masthead\">\n<div class=\"wrap masthead-inner\">\n"
       "<a class=\"brand\" href=\"/\"><svg class=\"brand-mark\" aria-hidden=\"true\" viewBox=\"0 0 24 24\" "
       "width=\"24\" height=\"24\"><path d=\"M4 3h12l4 4v14H4z\" fill=\"none\" stroke=\"currentColor\" "
       "stroke-width=\"2\"/><path d=\"M8 10h8M8 14h8M8 18h5\" stroke=\"currentColor\" stroke-width=\"2\"/></svg>"
       "<span>" + esc(kSiteName) + "</span></a>\n";
  if (shell.header_search) {
    h += "<form class=\"mini-search\" role=\"search\" action=\"/\" method=\"get\">"
         "<label class=\"visually-hidden\" for=\"mini-q\">Search the archive</label>"
         "<input id=\"mini-q\" name=\"q\" type=\"search\" placeholder=\"Search releases\" value=\"" +
         esc(shell.header_query) + "\"><button type=\"submit\" class=\"button\">Search</button></form>\n";
  }
  h += "<nav class=\"site-nav\" aria-label=\"Site\"><ul>" + nav_link("/", "Search", Section::Search) +
       nav_link("/archive", "Archive", Section::Archive) + "</ul></nav>\n</div>\n</header>\n";
  h += "<main id=\"main\" tabindex=\"-1\">\n";
  h += main_html;
  h += "\n</main>\n";
  h += "<footer class=\"site-footer\">\n<div class=\"wrap\">\n<p>" + esc(kSiteName) +
       " — every release, statement and report, searchable.</p>\n<ul class=\"footer-links\">"
       "<li><a href=\"/archive\">Browse by date</a></li>"
       "<li><a href=\"/feed.atom\">Atom feed of new releases</a></li>"
       "<li><a href=\"/embed-example.html\">Put this search on your site</a></li>"
       "<li><a href=\"/sitemap.xml\">Sitemap</a></li></ul>\n</div>\n</footer>\n</body>\n</html>\n";
  return h;
}

std::string render_error_page(const std::string& heading, const std::string& message, const PageAssets& assets) {
  std::string h = "<div class=\"wrap error-page\">\n<h1>" + esc(heading) + "</h1>\n<p class=\"lede\">" + esc(message) + "</p>\n";
  h += "<form class=\"search search-compact\" role=\"search\" action=\"/\" method=\"get\">"
       "<label for=\"error-q\">Search the archive instead</label><div class=\"search-row\">"
       "<input id=\"error-q\" name=\"q\" type=\"search\"><button type=\"submit\" class=\"button primary\">Search</button></div></form>\n";
  h += "<p><a href=\"/\">Latest releases</a> · <a href=\"/archive\">Browse by date</a></p>\n</div>\n";
  PageShell shell;
  shell.title = heading;
  shell.body_class = "page-error";
  shell.header_search = false;
  return render_page(shell, assets, h);
}

}  // namespace pressroom
