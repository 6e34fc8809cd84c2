// The OpenSearch 1.1 description (/opensearch.xml) that lets a browser add
// the archive as a search engine, and feed readers find the Atom search.
#pragma once

#include <string>

namespace pressroom {

// `base_url` is the archive's root without a trailing slash.
std::string render_opensearch(const std::string& base_url);

}  // namespace pressroom
