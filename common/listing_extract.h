// Newsroom listing pages ("News", "Press releases", page 1 of 40): a run of
// entries, each a dated, labelled link to a release with a short summary.
// Recognised by their shape, not by any one CMS's markup, so that WordPress
// (<article class="post …">), Drupal (<li class="views-row">) and hand-made
// lists (<div class="post">, table rows) all read the same way.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/html_text.h"

namespace pressroom {

// One entry of a listing.
struct ListingEntry {
  std::string title;    // the text of the entry's main link
  std::string url;      // that link resolved against the page's address
  std::string date;     // YYYY-MM-DD
  std::string type;     // from the entry's label ("Press Release" → press-release), else from a
                        // CMS class ("category-statements"); "" when none
  std::string summary;  // the entry's other text (date, label and "Read more" left out); may be ""
  std::string lang;     // the entry's own lang, or its link's hreflang; "" when it has none
  int line = 0;         // 1-based line of the entry in the page
};

// The entries of `page` when it is a listing, in page order, each URL once;
// an empty vector when it is not. A page is a listing when at least three
// sibling elements of one kind (the same tag, and a class they share or no
// class at all) each hold exactly one main link (the one in a heading, else
// the one with a clearly longest text; "Read more" and label links do not
// count) and a date, and those entries hold at least 40% of the page's
// text outside navigation and other page chrome. Sibling runs of the same
// kind elsewhere on the page (a grid cut into rows) are entries too.
// `base_url` is the absolute address links are resolved against; when it is
// "" links are kept as written. `body_sizes`, when given, must be the
// TextSizes of page.body() (a caller that needs them too computes them once).
std::vector<ListingEntry> find_listing_entries(const html::Document& page, std::string_view base_url,
                                               const html::TextSizes* body_sizes = nullptr);

}  // namespace pressroom
