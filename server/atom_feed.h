// An Atom 1.0 feed (RFC 4287) of a search: what /feed.atom serves, newest
// first, so that a journalist can follow any search in a feed reader.
#pragma once

#include <string>
#include <vector>

#include "common/searcher.h"

namespace pressroom {

struct AtomFeed {
  std::string title;          // plain text
  std::string subtitle;       // plain text; may be empty
  std::string self_url;       // absolute URL of the feed; also its id
  std::string alternate_url;  // absolute URL of the same search as a page
  std::string base_url;       // the archive's root, no trailing slash, for entry links
  std::string author;         // the feed's author (entries without spokespeople fall back to it)
  std::string updated;        // RFC 3339; used when there are no entries
};

// The document, escaped for XML throughout. Each entry's id and alternate
// link are the release's page; its authors are the spokespeople; its
// summary is the release's summary or the snippet, as plain text.
std::string render_atom_feed(const AtomFeed& feed, const std::vector<SearchHit>& hits);

}  // namespace pressroom
