#include "server/sitemap.h"

#include "server/xml_text.h"

namespace pressroom {
namespace {

std::string entries(const std::vector<SitemapUrl>& urls, const char* element) {
  std::string x;
  for (const SitemapUrl& u : urls) {
    x += std::string("<") + element + "><loc>" + xml_escape(u.loc) + "</loc>";
    if (!u.lastmod.empty()) x += "<lastmod>" + xml_escape(u.lastmod) + "</lastmod>";
    x += std::string("</") + element + ">\n";
  }
  return x;
}

}  // namespace

std::string render_sitemap(const std::vector<SitemapUrl>& urls) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n" +
         entries(urls, "url") + "</urlset>\n";
}

std::string render_sitemap_index(const std::vector<SitemapUrl>& sitemaps) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n" +
         entries(sitemaps, "sitemap") + "</sitemapindex>\n";
}

}  // namespace pressroom
