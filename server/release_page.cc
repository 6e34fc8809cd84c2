#include "server/release_page.h"

#include "common/paragraphs.h"
#include "server/search_params.h"

namespace pressroom {
namespace {

bool extracted(const Release& r, const std::string& field) {
  auto it = r.provenance.find(field);
  return it != r.provenance.end() && it->second == Provenance::Extracted;
}

// A marker on values an extractor recovered rather than the source stated,
// so that a journalist knows what to double-check.
std::string provenance_mark(const Release& r, const std::string& field) {
  return extracted(r, field) ? " <span class=\"provenance\">extracted<sup>*</sup></span>" : "";
}

// Paragraphs are separated by blank lines; single line breaks inside one
// are wrapping, not structure.
std::vector<std::string> paragraphs(const std::string& body) {
  std::vector<std::string> out;
  std::string current;
  size_t start = 0;
  while (start <= body.size()) {
    size_t end = body.find('\n', start);
    if (end == std::string::npos) end = body.size();
    std::string line = body.substr(start, end - start);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.pop_back();
    size_t lead = line.find_first_not_of(" \t");
    if (lead == std::string::npos) {
      if (!current.empty()) out.push_back(std::move(current));
      current.clear();
    } else {
      if (!current.empty()) current += ' ';
      current += line.substr(lead);
    }
    start = end + 1;
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

std::string host_of(const std::string& url) {
  size_t scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  size_t start = scheme + 3, end = url.find_first_of("/?#", start);
  std::string host = url.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (host.starts_with("www.")) host = host.substr(4);
  return host;
}

bool is_web_url(const std::string& url) { return url.starts_with("https://") || url.starts_with("http://"); }

std::string link_list(const std::vector<std::string>& values, const char* param) {
  std::string h = "<ul class=\"inline-list\">";
  for (const std::string& v : values)
    h += "<li><a" + attr("href", SearchParams().with(param, v).href("/")) + ">" + esc(v) + "</a></li>";
  return h + "</ul>";
}

std::string facts(const Release& r, const std::string& permalink) {
  std::string h = "<aside class=\"release-facts\" aria-labelledby=\"facts-title\">\n<h2 id=\"facts-title\" class=\"facts-title\">About this release</h2>\n<dl>\n";
  h += "<dt>Date</dt><dd><time" + attr("datetime", r.date) + ">" + esc(long_date(r.date)) + "</time>" +
       provenance_mark(r, "date") + "</dd>\n";
  h += "<dt>Type</dt><dd><a" + attr("href", SearchParams().with("type", r.type).href("/")) + ">" + esc(type_label(r.type)) +
       "</a>" + provenance_mark(r, "type") + "</dd>\n";
  if (!r.location.empty()) h += "<dt>Location</dt><dd>" + esc(r.location) + provenance_mark(r, "location") + "</dd>\n";
  if (!r.spokespeople.empty())
    h += "<dt>Spokespeople</dt><dd>" + link_list(r.spokespeople, "spokesperson") + provenance_mark(r, "spokespeople") + "</dd>\n";
  if (!r.topics.empty()) h += "<dt>Topics</dt><dd>" + link_list(r.topics, "topic") + provenance_mark(r, "topics") + "</dd>\n";
  if (!r.contacts.empty()) {
    h += "<dt>Press contacts</dt><dd><ul class=\"inline-list\">";
    for (const std::string& c : r.contacts) h += "<li>" + esc(c) + "</li>";
    h += "</ul></dd>\n";
  }
  if (!r.lang.empty()) h += "<dt>Language</dt><dd>" + esc(language_name(r.lang)) + "</dd>\n";
  if (!r.url.empty()) {
    h += "<dt>Original</dt><dd>";
    if (is_web_url(r.url)) {
      h += "<a class=\"source-link\" rel=\"noopener\"" + attr("href", r.url) + ">" + esc(host_of(r.url)) +
           "</a><span class=\"print-url\"> (" + esc(r.url) + ")</span>";
    } else {
      h += esc(r.url);
    }
    h += "</dd>\n";
  }
  h += "</dl>\n";
  if (!r.provenance.empty()) {
    bool any = false;
    for (const auto& [field, origin] : r.provenance) any = any || origin == Provenance::Extracted;
    if (any)
      h += "<p class=\"hint\"><sup>*</sup> Recovered from the text by the archive's indexer rather than stated by the "
           "source: worth checking against the original.</p>\n";
  }
  h += "<section class=\"cite\" aria-labelledby=\"cite-title\">\n<h2 id=\"cite-title\">Cite this release</h2>\n";
  h += "<p id=\"citation\" class=\"citation\">" + esc(citation_text(r, permalink)) + "</p>\n";
  h += "<div class=\"cite-actions\"><button type=\"button\" class=\"button small\" data-copy=\"#citation\" hidden>Copy "
       "citation</button><button type=\"button\" class=\"button small\" data-print hidden>Print</button></div>\n";
  h += "<p class=\"copy-status visually-hidden\" role=\"status\" aria-live=\"polite\"></p>\n";
  h += "</section>\n</aside>\n";
  return h;
}

std::string statements(const Release& r) {
  if (r.quotes.empty()) return {};
  std::string h = "<section class=\"statements\" aria-labelledby=\"statements-title\">\n<h2 id=\"statements-title\">"
                  "Statements in this release</h2>\n";
  for (const Quote& q : r.quotes) {
    h += "<figure class=\"quote\">\n<blockquote><p>" + esc(q.text) + "</p></blockquote>\n<figcaption>";
    if (!q.speaker.empty())
      h += "<a" + attr("href", SearchParams().with("spokesperson", q.speaker).href("/")) + ">" + esc(q.speaker) + "</a>";
    if (!q.role.empty()) h += ", " + esc(q.role);
    if (!q.organisation.empty()) h += ", " + esc(q.organisation);
    h += "</figcaption>\n</figure>\n";
  }
  return h + "</section>\n";
}

// Search results show one release of a group of copies; its page leads to
// the others, which may differ in a correction or come from another site.
std::string also_published(const ReleasePageView& view) {
  if (view.duplicates.empty()) return {};
  std::string h = "<section id=\"duplicates\" class=\"duplicates\" aria-labelledby=\"duplicates-title\">\n"
                  "<h2 id=\"duplicates-title\">Also published as</h2>\n<ul class=\"related-list\">\n";
  for (const Release& other : view.duplicates) {
    h += "<li><a" + attr("href", release_path(other.id)) + ">" + esc(other.title) + "</a><span class=\"related-meta\"><time" +
         attr("datetime", other.date) + ">" + esc(long_date(other.date)) + "</time> · " + esc(type_label(other.type));
    if (is_web_url(other.url)) h += " · " + esc(host_of(other.url));
    h += "</span></li>\n";
  }
  return h + "</ul>\n</section>\n";
}

std::string more(const ReleasePageView& view) {
  const Release& r = *view.release;
  std::string h = "<section id=\"related\" class=\"related\" aria-labelledby=\"related-title\"" +
                  attr("data-release-id", r.id) + (view.more.empty() ? " hidden" : "") + ">\n";
  h += "<h2 id=\"related-title\">" + esc(view.more_heading.empty() ? "Related releases" : view.more_heading) + "</h2>\n";
  h += "<ul class=\"related-list\">\n";
  for (const Release& other : view.more) {
    h += "<li><a" + attr("href", release_path(other.id)) + ">" + esc(other.title) + "</a><span class=\"related-meta\"><time" +
         attr("datetime", other.date) + ">" + esc(long_date(other.date)) + "</time> · " + esc(type_label(other.type)) +
         "</span></li>\n";
  }
  h += "</ul>\n";
  if (!view.more_href.empty()) h += "<p class=\"related-all\"><a" + attr("href", view.more_href) + ">All of them</a></p>\n";
  return h + "</section>\n";
}

}  // namespace

std::string citation_text(const Release& r, const std::string& permalink) {
  std::string title = r.title;
  bool ends_in_mark = !title.empty() && (title.back() == '.' || title.back() == '?' || title.back() == '!');
  std::string out = "“" + title + (ends_in_mark ? "" : ".") + "” " + type_label(r.type);
  if (!r.location.empty()) out += ", " + r.location;
  out += ", " + long_date(r.date) + ". ";
  if (is_web_url(r.url)) {
    out += r.url + " (archived at " + permalink + ").";
  } else {
    out += permalink + ".";
  }
  return out;
}

std::string render_release_page(const ReleasePageView& view, const PageAssets& assets) {
  const Release& r = *view.release;
  std::string year = r.date.substr(0, 4), month = r.date.size() >= 7 ? r.date.substr(5, 2) : "";
  std::string h = "<div class=\"wrap release-page\">\n";
  h += "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><ol><li><a href=\"/archive\">Archive</a></li>";
  h += "<li><a" + attr("href", "/archive/" + year) + ">" + esc(year) + "</a></li>";
  if (!month.empty())
    h += "<li><a" + attr("href", "/archive/" + year + "/" + month) + ">" + esc(month_name(std::stoi(month))) + "</a></li>";
  h += "</ol></nav>\n";
  std::string lang = r.lang.empty() ? "" : attr("lang", r.lang);
  h += "<article class=\"release\">\n<header class=\"release-head\">\n";
  h += "<p class=\"kicker\"><span class=\"type-tag\">" + esc(type_label(r.type)) + "</span></p>\n";
  h += "<h1 class=\"release-title\"" + lang + ">" + esc(r.title) + "</h1>\n";
  h += "<p class=\"dateline\"><time" + attr("datetime", r.date) + ">" + esc(long_date(r.date)) + "</time>";
  if (!r.location.empty()) h += " · " + esc(r.location);
  if (!r.spokespeople.empty()) {
    h += " · ";
    for (size_t i = 0; i < r.spokespeople.size(); ++i) h += (i ? ", " : "") + esc(r.spokespeople[i]);
  }
  h += "</p>\n</header>\n<div class=\"release-layout\">\n<div class=\"release-text\"" + lang + ">\n";
  // A summary that is the body's opening cut short (a CMS's excerpt) would
  // be read twice.
  if (!r.summary.empty() && !repeats_opening(r.summary, r.body))
    h += "<p class=\"summary\">" + esc(r.summary) + "</p>\n";
  for (const std::string& p : paragraphs(r.body)) h += "<p>" + esc(p) + "</p>\n";
  h += statements(r);
  h += "</div>\n";
  h += facts(r, view.permalink);
  h += "</div>\n</article>\n";
  h += also_published(view);
  h += more(view);
  h += "</div>\n";

  PageShell shell;
  shell.title = r.title;
  shell.description = !r.summary.empty() ? r.summary : type_label(r.type) + ", " + long_date(r.date);
  shell.canonical = view.permalink;
  shell.body_class = "page-release";
  return render_page(shell, assets, h);
}

}  // namespace pressroom
