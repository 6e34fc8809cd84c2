// The shell every server-rendered page shares (head, masthead, footer) and
// the small formatting helpers the pages are written with.
//
// Escaping rule for every page: text from the index or the request enters
// HTML only through esc() (or attr-safe builders that call it); the one
// piece of markup not made here is a result's snippet, which passes through
// snippet_html() first. Pages carry no inline script or style (the
// Content-Security-Policy forbids both): behaviour is in web/app.js, looks in
// web/app.css, and elements are hooked by class and data- attributes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace pressroom {

// What the archive calls itself in titles, feeds and the OpenSearch entry.
inline constexpr std::string_view kSiteName = "Press archive";

// Versioned URLs of the page assets (see static_files.h), so that browsers
// may cache them for a year and still see a new version at once.
struct PageAssets {
  std::string stylesheet = "/app.css";
  std::string script = "/app.js";
  std::string icon = "/favicon.svg";
};

enum class Section { Search, Archive, Other };

struct PageShell {
  std::string title;         // plain text; " · <site name>" is appended
  std::string description;   // meta description, plain text; may be empty
  std::string canonical;     // absolute URL of this page, or empty
  std::string feed_href;     // the Atom feed of what the page shows, or empty
  std::string feed_title;    // plain text
  std::string body_class;    // e.g. "page-search"
  Section section = Section::Other;
  bool header_search = true;  // a small search box in the masthead
  std::string header_query;   // its value
};

// The whole document around `main_html` (which must already be safe HTML):
// head with stylesheet, deferred script, feed, OpenSearch and icon links; a
// skip link to #main; the masthead; <main id="main">; the footer.
std::string render_page(const PageShell& shell, const PageAssets& assets, std::string_view main_html);

// A page for a request that has no answer (404) or failed (400, 503, 500):
// what happened in the reader's words, a search box and ways back in.
std::string render_error_page(const std::string& heading, const std::string& message, const PageAssets& assets);

// & < > " ' escaped: safe in text and in double-quoted attribute values.
std::string esc(std::string_view text);

// ` name="value"` with the value escaped: an attribute for an HTML tag.
std::string attr(std::string_view name, std::string_view value);

// "2020-11-18" → "18 November 2020"; "2020-11" → "November 2020"; "2020"
// stays; anything else is returned unchanged.
std::string long_date(std::string_view iso);

// 1 → "January" … 12 → "December"; empty outside 1..12.
std::string month_name(int month);

// "press-release" → "Press release", "op-ed" → "Op-ed", "media-advisory" →
// "Media advisory"; unknown types are de-hyphenated and capitalised.
std::string type_label(std::string_view type);

// "en" → "English", "es" → "Spanish"; other codes as given.
std::string language_name(std::string_view code);

// The path of a release's page: "/releases/" + the id, percent-encoded
// segment by segment (ids may contain "/").
std::string release_path(std::string_view id);

// 12345 → "12,345".
std::string thousands(uint64_t n);

// A query as a heading quotes it: without the straight quotes of a query
// that is one quoted phrase, which curly quotes around it would double
// ("\"family detention\"" → "family detention").
std::string quotable_query(std::string_view q);

// (1, "release", "releases") → "1 release"; (1234, …) → "1,234 releases".
std::string count_noun(uint64_t n, std::string_view one, std::string_view many);

}  // namespace pressroom
