// A release's own page (/releases/{id}): readable on a phone, printable, with
// everything a journalist needs to quote and cite it.
#pragma once

#include <string>
#include <vector>

#include "common/release.h"
#include "server/html_layout.h"

namespace pressroom {

struct ReleasePageView {
  const Release* release = nullptr;  // the whole release, body and quotes included
  std::string permalink;             // absolute URL of this page
  // Releases shown under "More on …" when the page is served (the page's
  // script may replace them with /api/releases/{id}/related when that exists).
  std::vector<Release> more;
  std::string more_heading;          // e.g. "More on Family Detention"
  std::string more_href;             // a search for all of them
  // The release's copies (near duplicates: the same text posted again, a
  // listing entry of it), shown as "Also published as".
  std::vector<Release> duplicates;
};

// The citation line a journalist can paste:
// “Title.” Type, Location, 18 November 2020. <source URL> (archived at <permalink>).
std::string citation_text(const Release& release, const std::string& permalink);

std::string render_release_page(const ReleasePageView& view, const PageAssets& assets);

}  // namespace pressroom
