#include "server/opensearch.h"

#include "server/html_layout.h"
#include "server/xml_text.h"

namespace pressroom {

std::string render_opensearch(const std::string& base_url) {
  std::string base = xml_escape(base_url);
  std::string name = xml_escape(kSiteName);
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<OpenSearchDescription xmlns=\"http://a9.com/-/spec/opensearch/1.1/\">\n"
         "<ShortName>" + name + "</ShortName>\n"
         "<Description>Search the press releases, statements and reports of the " + name + ".</Description>\n"
         "<InputEncoding>UTF-8</InputEncoding>\n"
         "<OutputEncoding>UTF-8</OutputEncoding>\n"
         "<Image type=\"image/svg+xml\">" + base + "/favicon.svg</Image>\n"
         "<Url type=\"text/html\" method=\"get\" template=\"" + base + "/?q={searchTerms}&amp;page={startPage?}\"/>\n"
         "<Url type=\"application/atom+xml\" method=\"get\" template=\"" + base + "/feed.atom?q={searchTerms}\"/>\n"
         "<Url type=\"application/opensearchdescription+xml\" rel=\"self\" template=\"" + base + "/opensearch.xml\"/>\n"
         "</OpenSearchDescription>\n";
}

}  // namespace pressroom
