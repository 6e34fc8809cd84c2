// Sitemaps (sitemaps.org protocol 0.9) of the release pages, so that search
// engines find every release; large archives get a sitemap index.
#pragma once

#include <string>
#include <vector>

namespace pressroom {

// The most URLs one sitemap lists before the archive is split into several
// under an index (the protocol allows 50,000; smaller files are quicker to make).
inline constexpr size_t kSitemapChunk = 10000;

struct SitemapUrl {
  std::string loc;      // absolute URL
  std::string lastmod;  // YYYY-MM-DD, or empty
};

// <urlset> of `urls`.
std::string render_sitemap(const std::vector<SitemapUrl>& urls);

// <sitemapindex> of `sitemaps` (each loc a sitemap's URL).
std::string render_sitemap_index(const std::vector<SitemapUrl>& sitemaps);

}  // namespace pressroom
