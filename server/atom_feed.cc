#include "server/atom_feed.h"

#include "server/html_layout.h"
#include "server/snippet_markup.h"
#include "server/xml_text.h"

namespace pressroom {

std::string render_atom_feed(const AtomFeed& feed, const std::vector<SearchHit>& hits) {
  // Entries come newest first, so the first one dates the feed.
  std::string updated = hits.empty() ? feed.updated : rfc3339_day(hits.front().release.date);
  std::string x = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  x += "<id>" + xml_escape(feed.self_url) + "</id>\n";
  x += "<title type=\"text\">" + xml_escape(feed.title) + "</title>\n";
  if (!feed.subtitle.empty()) x += "<subtitle type=\"text\">" + xml_escape(feed.subtitle) + "</subtitle>\n";
  x += "<updated>" + xml_escape(updated) + "</updated>\n";
  x += "<link rel=\"self\" type=\"application/atom+xml\" href=\"" + xml_escape(feed.self_url) + "\"/>\n";
  x += "<link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(feed.alternate_url) + "\"/>\n";
  x += "<author><name>" + xml_escape(feed.author) + "</name><uri>" + xml_escape(feed.base_url + "/") + "</uri></author>\n";
  x += "<generator>pressroom</generator>\n";
  for (const SearchHit& hit : hits) {
    const Release& r = hit.release;
    std::string page = feed.base_url + release_path(r.id);
    std::string lang = r.lang.empty() ? "" : " xml:lang=\"" + xml_escape(r.lang) + "\"";
    x += "<entry" + lang + ">\n";
    x += "<id>" + xml_escape(page) + "</id>\n";
    x += "<title type=\"text\">" + xml_escape(r.title) + "</title>\n";
    x += "<updated>" + xml_escape(rfc3339_day(r.date)) + "</updated>\n";
    x += "<published>" + xml_escape(rfc3339_day(r.date)) + "</published>\n";
    x += "<link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(page) + "\"/>\n";
    if (r.url.starts_with("https://") || r.url.starts_with("http://"))
      x += "<link rel=\"via\" href=\"" + xml_escape(r.url) + "\"/>\n";
    for (const std::string& person : r.spokespeople) x += "<author><name>" + xml_escape(person) + "</name></author>\n";
    for (const std::string& topic : r.topics) x += "<category term=\"" + xml_escape(topic) + "\"/>\n";
    x += "<category term=\"" + xml_escape(r.type) + "\" label=\"" + xml_escape(type_label(r.type)) + "\"/>\n";
    std::string summary = r.summary.empty() ? snippet_text(hit.snippet) : r.summary;
    if (!summary.empty()) x += "<summary type=\"text\">" + xml_escape(summary) + "</summary>\n";
    x += "</entry>\n";
  }
  x += "</feed>\n";
  return x;
}

}  // namespace pressroom
