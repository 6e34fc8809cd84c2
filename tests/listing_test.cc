// Specification of common/listing_extract.h, common/listing_dedup.h and
// common/listing_type_label.h: a newsroom listing page becomes one release
// per entry, and an entry whose full page is also in the archive is dropped.
#include "common/listing_extract.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "common/html_reader.h"
#include "common/ingest.h"
#include "common/listing_dedup.h"
#include "common/listing_type_label.h"
#include "common/release_validation.h"

namespace pressroom {
namespace {

const std::string kFile = "web/newsroom.html";
const std::string kDefaultId = "web/newsroom";

ReadBatch read(const std::string& html) { return HtmlReader().read(kFile, html, kDefaultId); }

std::vector<ListingEntry> entries_of(const std::string& html, const std::string& base = "https://e.org/news/") {
  html::Document doc(html);
  return find_listing_entries(doc, base);
}

std::string describe(const std::vector<ListingEntry>& entries) {
  std::string out = std::to_string(entries.size()) + " entries:";
  for (const ListingEntry& e : entries) out += "\n  [" + e.date + " " + e.type + " " + e.url + " | " + e.title + "]";
  return out;
}

// WordPress's archive loop, as themes print it.
std::string wordpress_entry(const std::string& day, const std::string& label, const std::string& url,
                            const std::string& title, const std::string& summary) {
  return "<article class=\"post-12 post type-post status-publish hentry category-x\">"
         "<header class=\"entry-header\"><div class=\"entry-meta\"><span class=\"cat-links\"><a href=\"/category/x\" "
         "rel=\"category tag\">" + label + "</a></span> <span class=\"sep\">|</span> <time class=\"entry-date\" "
         "datetime=\"" + day + "T09:00:00-07:00\">" + day + "</time></div>"
         "<h2 class=\"entry-title\"><a href=\"" + url + "\" rel=\"bookmark\">" + title + "</a></h2></header>"
         "<div class=\"entry-summary\"><p>" + summary + "</p></div>"
         "<a class=\"more-link\" href=\"" + url + "\">Read more<span class=\"screen-reader-text\"> " + title +
         "</span></a></article>\n";
}

std::string wordpress_listing() {
  return "<html lang=\"en-US\"><head><title>Newsroom | Puentes</title>"
         "<link rel=\"canonical\" href=\"https://puentes.example.org/news/\"></head><body>"
         "<header class=\"site-header\"><nav><a href=\"/\">Home</a> <a href=\"/news\">Newsroom</a></nav></header>"
         "<main><h1>Newsroom</h1><p>Releases from the Puentes press office.</p>" +
         wordpress_entry("2020-11-18", "Press Release", "https://puentes.example.org/news/2020/11/18/covid",
                         "COVID-19 Outbreak at Family Detention", "Puentes calls on ICE to release families.") +
         wordpress_entry("2020-10-02", "Statement", "/news/2020/10/02/statement-court",
                         "Statement on the Court&#8217;s Ruling", "The ruling protects children.") +
         wordpress_entry("2020-09-02", "Media Advisory", "2020/09/02/advisory-letters",
                         "Families to Deliver 3,000 Letters", "Children of deported parents will deliver letters.") +
         wordpress_entry("2020-08-11", "Report", "https://puentes.example.org/news/2020/08/11/report",
                         "Report on Hotel Detention", "") +
         "<nav class=\"pagination\"><a href=\"/news/page/2\">2</a> <a href=\"/news/page/3\">3</a></nav></main>"
         "<aside class=\"sidebar\"><h2>Most read</h2><ul>"
         "<li><a href=\"/news/a\">Most read release number one</a> <span>May 1, 2020</span></li>"
         "<li><a href=\"/news/b\">Most read release number two</a> <span>May 2, 2020</span></li>"
         "<li><a href=\"/news/c\">Most read release number three</a> <span>May 3, 2020</span></li></ul></aside>"
         "<footer><p>&copy; Puentes Human Rights Center</p></footer></body></html>";
}

// ------------------------------------------------------------------ detection and fields

TEST(Listing, ReadsOneReleasePerEntry) {
  ReadBatch batch = read(wordpress_listing());
  EXPECT_TRUE(batch.issues.empty());
  ASSERT_EQ(batch.releases.size(), 4u);
  const Release& r = batch.releases[0];
  EXPECT_EQ(r.title, "COVID-19 Outbreak at Family Detention");
  EXPECT_EQ(r.url, "https://puentes.example.org/news/2020/11/18/covid");
  EXPECT_EQ(r.date, "2020-11-18");
  EXPECT_EQ(r.type, "press-release");
  EXPECT_EQ(r.summary, "Puentes calls on ICE to release families.");
  EXPECT_EQ(r.body, r.summary);
  EXPECT_EQ(r.lang, "en-US");
  EXPECT_EQ(r.source, kFile);
  EXPECT_GT(r.source_line, 0);
}

TEST(Listing, ResolvesEntryLinksAgainstTheCanonicalUrl) {
  ReadBatch batch = read(wordpress_listing());
  ASSERT_EQ(batch.releases.size(), 4u);
  EXPECT_EQ(batch.releases[1].url, "https://puentes.example.org/news/2020/10/02/statement-court");
  EXPECT_EQ(batch.releases[2].url, "https://puentes.example.org/news/2020/09/02/advisory-letters");
}

TEST(Listing, ResolvesEntryLinksAgainstTheBaseHref) {
  std::string html = wordpress_listing();
  html.replace(html.find("<link rel"), 0, "<base href=\"https://archive.example.net/puentes/\">");
  ReadBatch batch = read(html);
  ASSERT_EQ(batch.releases.size(), 4u);
  EXPECT_EQ(batch.releases[1].url, "https://archive.example.net/news/2020/10/02/statement-court");
  EXPECT_EQ(batch.releases[2].url, "https://archive.example.net/puentes/2020/09/02/advisory-letters");
}

TEST(Listing, TakesTheTypeFromEachEntrysLabel) {
  ReadBatch batch = read(wordpress_listing());
  ASSERT_EQ(batch.releases.size(), 4u);
  std::vector<std::string> types;
  for (const Release& r : batch.releases) types.push_back(r.type);
  EXPECT_EQ(types, (std::vector<std::string>{"press-release", "statement", "media-advisory", "report"}));
}

TEST(Listing, DecodesEntitiesInEntryTitles) {
  ReadBatch batch = read(wordpress_listing());
  ASSERT_EQ(batch.releases.size(), 4u);
  EXPECT_EQ(batch.releases[1].title, "Statement on the Court\xE2\x80\x99s Ruling");
}

TEST(Listing, LeavesTheSummaryEmptyWhenAnEntryHasNone) {
  ReadBatch batch = read(wordpress_listing());
  ASSERT_EQ(batch.releases.size(), 4u);
  EXPECT_EQ(batch.releases[3].summary, "");
  EXPECT_EQ(batch.releases[3].body, "");
}

TEST(Listing, GivesEntriesIdsFromTheirUrls) {
  ReadBatch batch = read(wordpress_listing());
  ASSERT_EQ(batch.releases.size(), 4u);
  EXPECT_EQ(batch.releases[0].id, "puentes.example.org/news/2020/11/18/covid");
  for (const Release& r : batch.releases) EXPECT_TRUE(is_valid_release_id(r.id)) << r.id;
}

TEST(Listing, GivesEntriesNumberedIdsWhenThePageHasNoAddress) {
  std::string html = wordpress_listing();
  html.erase(html.find("<link rel"), html.find("</head>") - html.find("<link rel"));
  ReadBatch batch = read(html);
  ASSERT_EQ(batch.releases.size(), 4u);
  EXPECT_EQ(batch.releases[0].id, "puentes.example.org/news/2020/11/18/covid");  // absolute link
  EXPECT_EQ(batch.releases[1].id, kDefaultId + "/2");
  EXPECT_EQ(batch.releases[1].url, "/news/2020/10/02/statement-court");
}

TEST(Listing, MarksEntriesAsListingAndTheirFieldsAsExtracted) {
  ReadBatch batch = read(wordpress_listing());
  ASSERT_FALSE(batch.releases.empty());
  const Release& r = batch.releases[0];
  EXPECT_TRUE(is_listing_entry(r));
  EXPECT_EQ(r.provenance.at(kListingMarker), Provenance::Extracted);
  for (const char* field : {"title", "url", "date", "type", "summary"}) {
    ASSERT_TRUE(r.provenance.count(field)) << field;
    EXPECT_EQ(r.provenance.at(field), Provenance::Extracted) << field;
  }
}

TEST(Listing, EntriesPassValidation) {
  ReadBatch batch = ingest(HtmlReader(), kFile, wordpress_listing(), kDefaultId);
  EXPECT_TRUE(batch.issues.empty());
  EXPECT_EQ(batch.releases.size(), 4u);
}

TEST(Listing, ReadsDrupalViewsRowsWithWrittenDates) {
  std::string rows;
  const std::vector<std::pair<std::string, std::string>> dated = {
      {"Nov 18, 2020", "2020-11-18"}, {"18 November 2020", "2020-11-18"}, {"2019-06-12", "2019-06-12"},
      {"Posted on October 3, 2019", "2019-10-03"}, {"18 de noviembre de 2020", "2020-11-18"}};
  for (size_t i = 0; i < dated.size(); ++i)
    rows += "<li class=\"views-row views-row-" + std::to_string(i + 1) + "\"><div class=\"views-field-title\">"
            "<span class=\"field-content\"><a href=\"/node/" + std::to_string(100 + i) + "\">Release title number " +
            std::to_string(i + 1) + "</a></span></div><div class=\"views-field-created\"><span>" + dated[i].first +
            "</span></div><div class=\"views-field-type\">Statement</div></li>";
  auto entries = entries_of("<body><div class=\"view-content\"><ul>" + rows + "</ul></div></body>");
  ASSERT_EQ(entries.size(), dated.size()) << describe(entries);
  for (size_t i = 0; i < dated.size(); ++i) {
    EXPECT_EQ(entries[i].date, dated[i].second) << dated[i].first;
    EXPECT_EQ(entries[i].type, "statement");
    EXPECT_EQ(entries[i].url, "https://e.org/node/" + std::to_string(100 + i));
  }
}

TEST(Listing, ReadsPlainDivsAndLabelsSharingALineWithTheDate) {
  std::string posts;
  for (int i = 1; i <= 3; ++i)
    posts += "<div class=\"post\"><p class=\"meta\">Press Release \xE2\x80\x94 March " + std::to_string(i) +
             ", 2021</p><h3><a href=\"/p/" + std::to_string(i) + "\">A release title " + std::to_string(i) +
             "</a></h3><p>Summary sentence number " + std::to_string(i) + ".</p><p><a href=\"/p/" +
             std::to_string(i) + "\">Continue reading \xC2\xBB</a></p></div>";
  auto entries = entries_of("<body><div id=\"content\">" + posts + "</div></body>");
  ASSERT_EQ(entries.size(), 3u) << describe(entries);
  EXPECT_EQ(entries[0].date, "2021-03-01");
  EXPECT_EQ(entries[0].type, "press-release");
  EXPECT_EQ(entries[0].title, "A release title 1");
  EXPECT_EQ(entries[0].summary, "Summary sentence number 1.");
}

TEST(Listing, ReadsClasslessListItemsAndTableRows) {
  std::string items, rows;
  for (int i = 1; i <= 3; ++i) {
    items += "<li><a href=\"/r/" + std::to_string(i) + "\">Statement on item number " + std::to_string(i) +
             "</a> (Jan " + std::to_string(i) + ", 2022)</li>";
    rows += "<tr><td>2022-02-0" + std::to_string(i) + "</td><td><a href=\"/t/" + std::to_string(i) +
            "\">Report on row number " + std::to_string(i) + "</a></td></tr>";
  }
  EXPECT_EQ(entries_of("<body><ul>" + items + "</ul></body>").size(), 3u);
  auto table = entries_of("<body><table><tbody>" + rows + "</tbody></table></body>");
  ASSERT_EQ(table.size(), 3u) << describe(table);
  EXPECT_EQ(table[2].date, "2022-02-03");
}

TEST(Listing, ReadsCardsWhoseWholeBodyIsTheLink) {
  std::string cards;
  for (int i = 1; i <= 3; ++i)
    cards += "<a class=\"card\" href=\"/c/" + std::to_string(i) + "\"><span class=\"date\">June " + std::to_string(i) +
             ", 2023</span><h3>Card title " + std::to_string(i) + "</h3><p>Card summary " + std::to_string(i) +
             ".</p></a>";
  auto entries = entries_of("<body><div class=\"grid\">" + cards + "</div></body>");
  ASSERT_EQ(entries.size(), 3u) << describe(entries);
  EXPECT_EQ(entries[0].title, "Card title 1");
  EXPECT_EQ(entries[0].date, "2023-06-01");
  EXPECT_EQ(entries[0].summary, "Card summary 1.");
}

TEST(Listing, PassesOverALabelLinkSetAsAHeading) {
  std::string posts;
  for (int i = 1; i <= 3; ++i)
    posts += "<div class=\"teaser\"><h4><a href=\"/type/statements\">Statements</a></h4><h3><a href=\"/s/" +
             std::to_string(i) + "\">Statement on case " + std::to_string(i) + "</a></h3><h5>April " +
             std::to_string(i) + ", 2022</h5></div>";
  auto entries = entries_of("<body><section>" + posts + "</section></body>");
  ASSERT_EQ(entries.size(), 3u) << describe(entries);
  EXPECT_EQ(entries[0].url, "https://e.org/s/1");
  EXPECT_EQ(entries[0].type, "statement");
  EXPECT_EQ(entries[0].date, "2022-04-01");
}

TEST(Listing, TakesTheTypeFromACmsClassWithoutALabel) {
  std::string rows;
  for (const char* kind : {"node--type-statement", "node--type-press-release", "node--type-page"})
    rows += std::string("<div class=\"views-row\"><article class=\"node ") + kind + "\"><h2><a href=\"/n/" + kind +
            "\">A title for " + kind + "</a></h2><span>March 14, 2023</span></article></div>";
  auto entries = entries_of("<body><div class=\"view-content\">" + rows + "</div></body>");
  ASSERT_EQ(entries.size(), 3u) << describe(entries);
  EXPECT_EQ(entries[0].type, "statement");
  EXPECT_EQ(entries[1].type, "press-release");
  EXPECT_EQ(entries[2].type, "");
}

TEST(Listing, TakesADateWrittenInsideTheLink) {
  std::string items;
  for (int i = 1; i <= 3; ++i)
    items += "<li><a href=\"/d/" + std::to_string(i) + "\">Nov " + std::to_string(i) +
             ", 2020 \xE2\x80\x93 Families reunited in El Paso, part " + std::to_string(i) + "</a></li>";
  auto entries = entries_of("<body><ul>" + items + "</ul></body>");
  ASSERT_EQ(entries.size(), 3u) << describe(entries);
  EXPECT_EQ(entries[0].date, "2020-11-01");
  EXPECT_EQ(entries[0].title, "Families reunited in El Paso, part 1");
}

TEST(Listing, JoinsAGridCutIntoRows) {
  std::string rows;
  for (int row = 0; row < 2; ++row) {
    rows += "<div class=\"row\">";
    for (int i = 1; i <= 3; ++i) {
      int n = row * 3 + i;
      rows += "<div class=\"card news\"><time datetime=\"2024-01-0" + std::to_string(n) + "\"></time><h3><a href=\"/g/" +
              std::to_string(n) + "\">Grid title " + std::to_string(n) + "</a></h3></div>";
    }
    rows += "</div>";
  }
  auto entries = entries_of("<body>" + rows + "</body>");
  ASSERT_EQ(entries.size(), 6u) << describe(entries);
  EXPECT_EQ(entries[5].title, "Grid title 6");
}

TEST(Listing, KeepsEachUrlOnce) {
  std::string html = wordpress_listing();
  html.replace(html.find("<nav class=\"pagination\">"), 0,
               wordpress_entry("2020-11-18", "Press Release", "https://puentes.example.org/news/2020/11/18/covid",
                               "COVID-19 Outbreak at Family Detention", "Featured again."));
  EXPECT_EQ(read(html).releases.size(), 4u);
}

TEST(Listing, TakesTheEntrysOwnLanguage) {
  std::string rows;
  for (int i = 1; i <= 3; ++i)
    rows += std::string("<div class=\"item\"") + (i == 2 ? " lang=\"es\"" : "") + "><span>May " + std::to_string(i) +
            ", 2021</span> <a href=\"/n/" + std::to_string(i) + "\">Title of entry " + std::to_string(i) + "</a></div>";
  ReadBatch batch = read("<html lang=\"en\"><body><div class=\"list\">" + rows + "</div></body></html>");
  ASSERT_EQ(batch.releases.size(), 3u);
  EXPECT_EQ(batch.releases[0].lang, "en");
  EXPECT_EQ(batch.releases[1].lang, "es");
}

// ------------------------------------------------------------------ what is not a listing

TEST(Listing, NeedsAtLeastThreeEntries) {
  std::string two = "<body><div class=\"list\">"
                    "<div class=\"item\"><span>May 1, 2021</span> <a href=\"/a\">First entry title</a></div>"
                    "<div class=\"item\"><span>May 2, 2021</span> <a href=\"/b\">Second entry title</a></div>"
                    "</div></body>";
  EXPECT_TRUE(entries_of(two).empty());
  ReadBatch batch = read(two);
  ASSERT_EQ(batch.releases.size(), 1u);
  EXPECT_FALSE(is_listing_entry(batch.releases[0]));
}

TEST(Listing, IgnoresAFullReleaseWithAListOfRelatedReleases) {
  std::string body;
  for (int i = 0; i < 8; ++i)
    body += "<p>Paragraph " + std::to_string(i) + " of a full release, long enough to be the bulk of the page and "
            "to carry the story about family detention and the people held there.</p>";
  std::string related = "<h3>More from Puentes</h3><ul>"
                        "<li><a href=\"/x\">An older statement on detention</a> June 1, 2020</li>"
                        "<li><a href=\"/y\">An older report on the border</a> May 1, 2020</li>"
                        "<li><a href=\"/z\">An older advisory for reporters</a> April 1, 2020</li></ul>";
  std::string html = "<html><head><title>A release</title></head><body><article>" + body + related +
                     "</article></body></html>";
  EXPECT_TRUE(entries_of(html).empty());
  ReadBatch batch = read(html);
  ASSERT_EQ(batch.releases.size(), 1u);
  EXPECT_FALSE(is_listing_entry(batch.releases[0]));
}

TEST(Listing, IgnoresListsOfLinksWithoutDates) {
  std::string items;
  for (int i = 1; i <= 5; ++i)
    items += "<li><a href=\"/t/" + std::to_string(i) + "\">Topic page number " + std::to_string(i) + "</a></li>";
  EXPECT_TRUE(entries_of("<body><ul class=\"topics\">" + items + "</ul></body>").empty());
}

TEST(Listing, IgnoresItemsWithTwoTitleLikeLinks) {
  std::string items;
  for (int i = 1; i <= 4; ++i)
    items += "<li><a href=\"/a/" + std::to_string(i) + "\">First long link text in the item</a> and "
             "<a href=\"/b/" + std::to_string(i) + "\">Second long link text in the item</a> May " + std::to_string(i) +
             ", 2021</li>";
  EXPECT_TRUE(entries_of("<body><ul>" + items + "</ul></body>").empty());
}

TEST(Listing, IgnoresDatedListsInPageChrome) {
  std::string items;
  for (int i = 1; i <= 4; ++i)
    items += "<li><a href=\"/s/" + std::to_string(i) + "\">Sidebar release title " + std::to_string(i) +
             "</a> May " + std::to_string(i) + ", 2021</li>";
  std::string article = "<article><p>" + std::string(300, 'x') + "</p></article>";
  EXPECT_TRUE(entries_of("<body>" + article + "<aside class=\"sidebar\"><ul>" + items + "</ul></aside></body>").empty());
}

// ------------------------------------------------------------------ sample archive

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(Listing, ReadsTheSampleNewsroomPages) {
  const std::filesystem::path web = std::filesystem::path(PRESSROOM_SOURCE_DIR) / "corpus" / "web";
  for (const char* name : {"newsroom-page-1.html", "newsroom-page-2.html"}) {
    ReadBatch batch = ingest(HtmlReader(), name, slurp(web / name), std::string("web/") + name);
    EXPECT_TRUE(batch.issues.empty()) << name;
    ASSERT_GE(batch.releases.size(), 8u) << name;
    ASSERT_LE(batch.releases.size(), 12u) << name;
    for (const Release& r : batch.releases) {
      EXPECT_TRUE(is_listing_entry(r)) << r.id;
      EXPECT_EQ(r.url.rfind("https://puentes.example.org/", 0), 0u) << r.url;
      EXPECT_FALSE(r.type.empty()) << r.url;
      EXPECT_FALSE(r.summary.empty()) << r.url;
      EXPECT_GE(r.date, "2019-01-01") << r.url;
      EXPECT_LE(r.date, "2025-12-31") << r.url;
    }
  }
}

// ------------------------------------------------------------------ dedup

DedupKey full(const std::string& url, const std::string& title = "", const std::string& date = "") {
  return DedupKey{url_match_key(url), title, date, false};
}
DedupKey listed(const std::string& url, const std::string& title = "", const std::string& date = "") {
  return DedupKey{url_match_key(url), title, date, true};
}

TEST(ListingDedup, DropsAnEntryWhoseFullPageHasTheSameUrlWhicheverComesFirst) {
  EXPECT_EQ(listing_entries_to_drop({full("https://e.org/a"), listed("https://e.org/a")}),
            (std::vector<bool>{false, true}));
  EXPECT_EQ(listing_entries_to_drop({listed("https://e.org/a"), full("https://e.org/a")}),
            (std::vector<bool>{true, false}));
}

TEST(ListingDedup, DropsAnEntryWhoseFullPageHasTheSameTitleAndDate) {
  EXPECT_EQ(listing_entries_to_drop({listed("https://e.org/node/1", "families reunited", "2020-11-18"),
                                     full("https://e.org/news/families", "families reunited", "2020-11-18")}),
            (std::vector<bool>{true, false}));
}

TEST(ListingDedup, KeepsAnEntryWithTheSameTitleOnAnotherDay) {
  EXPECT_EQ(listing_entries_to_drop({listed("", "statement", "2020-11-18"), full("", "statement", "2020-11-19")}),
            (std::vector<bool>{false, false}));
}

TEST(ListingDedup, NeverMatchesTitlesWithoutADate) {
  EXPECT_EQ(listing_entries_to_drop({listed("", "statement", ""), full("", "statement", "")}),
            (std::vector<bool>{false, false}));
}

TEST(ListingDedup, CountsAnEntryListedTwiceOnce) {
  EXPECT_EQ(listing_entries_to_drop({listed("https://e.org/a", "a", "2020-01-01"),
                                     listed("https://e.org/a/", "a", "2020-01-01"),
                                     listed("https://e.org/b", "a", "2020-01-01")}),
            (std::vector<bool>{false, true, true}));
}

TEST(ListingDedup, NeverDropsFullPages) {
  EXPECT_EQ(listing_entries_to_drop({full("https://e.org/a"), full("https://e.org/a")}),
            (std::vector<bool>{false, false}));
}

TEST(ListingDedup, MatchesUrlsThatDifferOnlyInForm) {
  const std::vector<std::string> same = {
      "https://puentes.example.org/news/a",       "http://puentes.example.org/news/a",
      "https://www.puentes.example.org/news/a/",  "HTTPS://Puentes.Example.org/news/a#top",
      "https://puentes.example.org:443/news/a",   "https://puentes.example.org/news/a/index.html",
  };
  for (const std::string& url : same) EXPECT_EQ(url_match_key(url), "puentes.example.org/news/a") << url;
  EXPECT_NE(url_match_key("https://puentes.example.org/news/A"), url_match_key("https://puentes.example.org/news/a"));
  EXPECT_NE(url_match_key("https://e.org/news?p=1"), url_match_key("https://e.org/news?p=2"));
}

TEST(ListingDedup, KeysAReleaseByFoldedTitleDateAndUrl) {
  Release r;
  r.title = "  Niños  REUNIDOS ";
  r.date = "2021-05-19";
  r.url = "https://www.e.org/es/a/";
  r.provenance[kListingMarker] = Provenance::Extracted;
  DedupKey key = dedup_key_for(r);
  EXPECT_EQ(key.title, "ninos reunidos");
  EXPECT_EQ(key.date, "2021-05-19");
  EXPECT_EQ(key.url, "e.org/es/a");
  EXPECT_TRUE(key.listing);
  r.provenance.clear();
  EXPECT_FALSE(dedup_key_for(r).listing);
}

// ------------------------------------------------------------------ labels

TEST(ListingTypeLabel, MapsNewsroomLabelsToReleaseTypes) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Press Release", "press-release"},   {"PRESS RELEASES", "press-release"}, {"press_release", "press-release"},
      {"PressRelease", "press-release"},    {"News Release", "press-release"},   {"Statement", "statement"},
      {"Statements", "statement"},          {"Report", "report"},                {"Reports", "report"},
      {"Media Advisory", "media-advisory"}, {"Advisory", "media-advisory"},      {"Op-Ed", "op-ed"},
      {"Opinion", "op-ed"},                 {"Letter", "letter"},                {"Open Letter", "letter"},
      {"Testimony", "testimony"},           {"Comunicado de prensa", "press-release"},
      {"Declaración", "statement"},         {"Informe", "report"},               {"Aviso a los medios", "media-advisory"},
      {"Artículo de opinión", "op-ed"},     {"Carta", "letter"},                 {"Testimonio", "testimony"},
  };
  for (const auto& [label, type] : cases) EXPECT_EQ(release_type_from_label(label), type) << label;
}

TEST(ListingTypeLabel, NamesNoTypeForGenericKinds) {
  for (const char* label : {"", "News", "NewsArticle", "Article", "Blog", "WebPage", "Press", "Family Detention",
                            "November 18, 2020"})
    EXPECT_EQ(release_type_from_label(label), "") << label;
}

}  // namespace
}  // namespace pressroom
