// The archive's pages, feeds, exports and static files, end to end: a fixture
// archive (with a hostile release among ordinary ones) indexed into a temp
// dir, the real server on an ephemeral port, real HTTP, and the XML checked
// by a real parser (libxml2).
#include <gtest/gtest.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "tests/fixtures.h"
#include "tests/test_server.h"

namespace pressroom::testing {
namespace {

using nlohmann::json;

const std::string kHostileTitle = R"(<script>alert(1)</script> & "quotes")";
const std::string kHostilePerson = R"(Eve <img src=x onerror=alert(2)>)";
const std::string kPublicUrl = "https://archive.example.org";
const std::string kAllowedOrigin = "https://www.allowed.example";

Release make(std::string id, std::string date, std::string type, std::vector<std::string> topics,
             std::vector<std::string> people, std::string title, std::string body) {
  Release r;
  r.id = std::move(id);
  r.date = std::move(date);
  r.type = std::move(type);
  r.topics = std::move(topics);
  r.spokespeople = std::move(people);
  r.title = std::move(title);
  r.body = std::move(body);
  r.lang = "en";
  r.location = "Tucson, AZ";
  r.url = "https://example.org/" + r.id;
  return r;
}

std::vector<Release> archive() {
  std::vector<Release> out = {
      make("r01", "2015-03-02", "press-release", {"Family Detention"}, {"Ana Ruiz"}, "Families held at Dilley",
           "Mothers and children remain in family detention at Dilley."),
      make("r02", "2016-07-19", "statement", {"Asylum"}, {"Marcus Bell"}, "Statement on asylum hearings",
           "Asylum seekers deserve lawyers at every hearing."),
      make("r03", "2019-02-11", "report", {"Detention Conditions"}, {"Jonah Feld"}, "Medical neglect in detention",
           "Our report documents medical neglect in three detention centers."),
      make("r04", "2019-02-20", "statement", {"Family Detention", "Asylum"}, {"Ana Ruiz"}, "Detention of families must end",
           "Family detention harms children."),
      make("r05", "2019-09-30", "media-advisory", {"Asylum"}, {"Tomás Herrera"}, "Advisory: press call on metering",
           "A press call on metering at ports of entry."),
      make("r06", "2020-11-18", "statement", {"Family Detention"}, {"Ana Ruiz"}, "Family detention during the pandemic",
           "Family detention during a pandemic endangers children."),
  };
  out[1].summary = "Asylum seekers deserve lawyers\u2026";  // a CMS's excerpt: the body's opening
  Release hostile = make("x/hostile", "2021-05-05", "statement", {"Family Detention", "<b>Bold</b> topic"},
                         {kHostilePerson}, kHostileTitle,
                         "The detention statement <script>alert(3)</script> says \"no\" & more.");
  hostile.location = "<i>Nowhere</i>";
  hostile.summary = "A summary with <em>markup & an ampersand.";
  hostile.url = "https://example.org/x?a=1&b=<2>";
  Quote q;
  q.text = "We will not stop <until> it ends.";
  q.speaker = kHostilePerson;
  q.role = "Director";
  hostile.quotes.push_back(q);
  out.push_back(hostile);
  Release formula = make("formula", "2022-01-12", "letter", {"+Topic"}, {"@Someone"}, "=HYPERLINK(\"http://evil\")",
                         "A letter about detention and formulas.");
  formula.location = "-2+3";
  formula.url = "-https://example.org/minus";
  out.push_back(formula);
  return out;
}

// ---- helpers --------------------------------------------------------------

struct XmlDoc {
  explicit XmlDoc(const std::string& text)
      : doc(xmlReadMemory(text.data(), static_cast<int>(text.size()), "response.xml", nullptr,
                          XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)) {
    if (doc) ctx = xmlXPathNewContext(doc);
  }
  ~XmlDoc() {
    if (ctx) xmlXPathFreeContext(ctx);
    if (doc) xmlFreeDoc(doc);
  }
  XmlDoc(const XmlDoc&) = delete;
  XmlDoc& operator=(const XmlDoc&) = delete;

  void ns(const char* prefix, const char* uri) {
    xmlXPathRegisterNs(ctx, reinterpret_cast<const xmlChar*>(prefix), reinterpret_cast<const xmlChar*>(uri));
  }
  // The string values of the nodes `xpath` selects.
  std::vector<std::string> all(const std::string& xpath) const {
    std::vector<std::string> out;
    xmlXPathObjectPtr result = xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(xpath.c_str()), ctx);
    if (!result) return out;
    if (result->nodesetval) {
      for (int i = 0; i < result->nodesetval->nodeNr; ++i) {
        xmlChar* text = xmlNodeGetContent(result->nodesetval->nodeTab[i]);
        out.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
        xmlFree(text);
      }
    }
    xmlXPathFreeObject(result);
    return out;
  }
  std::string one(const std::string& xpath) const {
    auto values = all(xpath);
    return values.size() == 1 ? values[0] : "<" + std::to_string(values.size()) + " matches of " + xpath + ">";
  }

  xmlDocPtr doc = nullptr;
  xmlXPathContextPtr ctx = nullptr;
};

// RFC 4180 records: quoted fields may hold commas, quotes (doubled) and line breaks.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      row.push_back(field);
      field.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      row.push_back(field);
      rows.push_back(row);
      row.clear();
      field.clear();
      ++i;
    } else {
      field += c;
      any = true;
    }
  }
  if (any && (!field.empty() || !row.empty())) {
    row.push_back(field);
    rows.push_back(row);
  }
  return rows;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

size_t count_of(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

class WebRoutes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    std::string lines;
    for (const Release& r : archive()) lines += jsonl_line(r);
    dir_->write("archive/releases.jsonl", lines);
    db_ = (dir_->path() / "db").string();
    IndexStats stats = index_paths(db_, {(dir_->path() / "archive").string()});
    ASSERT_EQ(stats.added, archive().size());

    // A web folder of our own, with things that must never be served beside it.
    dir_->write("web/app.css", "body{color:black}\n");
    dir_->write("web/app.js", "'use strict';\n");
    dir_->write("web/widget.js", "(function(){})();\n");
    dir_->write("web/sub/page.html", "<!doctype html><title>t</title>\n");
    dir_->write("web/.hidden", "dotfile\n");
    dir_->write("secret.txt", "TOP SECRET\n");
    std::filesystem::create_symlink(dir_->path() / "secret.txt", dir_->path() / "web" / "link.txt");

    ServerConfig config;
    config.web_dir = (dir_->path() / "web").string();
    config.public_url = kPublicUrl + "/";
    config.cors_origins = {kAllowedOrigin};
    server_ = new TestServer(db_, config);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }

  // GET `path` with `headers`, expecting `status`.
  static httplib::Result fetch(const std::string& path, int status = 200, const httplib::Headers& headers = {}) {
    auto cli = server_->client();
    cli.set_url_encode(false);  // send the path exactly as written
    auto res = cli.Get(path, headers);
    EXPECT_TRUE(res) << "GET " << path;
    if (res) {
      EXPECT_EQ(res->status, status) << "GET " << path << "\n" << res->body.substr(0, 600);
    }
    return res;
  }

  static std::string page(const std::string& path, int status = 200) {
    auto res = fetch(path, status);
    if (!res) return {};
    EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8") << path;
    return res->body;
  }

  static TempDir* dir_;
  static std::string db_;
  static TestServer* server_;
};

TempDir* WebRoutes::dir_ = nullptr;
std::string WebRoutes::db_;
TestServer* WebRoutes::server_ = nullptr;

// ---- the search page ------------------------------------------------------

TEST_F(WebRoutes, SearchPageRendersResultsOnTheServer) {
  std::string html = page("/?q=detention");
  // Every release whose text mentions detention, with its metadata.
  for (const char* title : {"Families held at Dilley", "Medical neglect in detention", "Family detention during the pandemic"})
    EXPECT_NE(html.find(title), std::string::npos) << title;
  EXPECT_EQ(html.find("Statement on asylum hearings"), std::string::npos);
  EXPECT_NE(html.find("releases</span> match <q>detention</q>"), std::string::npos);
  EXPECT_NE(html.find("searched in "), std::string::npos);
  EXPECT_NE(html.find("<mark>detention</mark>"), std::string::npos);
  EXPECT_NE(html.find("<time datetime=\"2019-02-11\">11 February 2019</time>"), std::string::npos);
  EXPECT_NE(html.find("href=\"/releases/r03\""), std::string::npos);
  EXPECT_NE(html.find("<span class=\"type-tag\">Report</span>"), std::string::npos);
}

TEST_F(WebRoutes, SearchPageFacetsAreCheckboxesWithExactCounts) {
  std::string html = page("/?q=detention&topic=Family%20Detention");
  // Family Detention is ticked; the topic facet is counted without its own
  // selection (the other topics stay available).
  EXPECT_NE(html.find("name=\"topic\" value=\"Family Detention\" checked>"), std::string::npos);
  EXPECT_NE(html.find("Family Detention</span><span class=\"count\">4</span>"), std::string::npos) << html;
  EXPECT_NE(html.find("name=\"spokesperson\" value=\"Ana Ruiz\">"), std::string::npos);
  EXPECT_NE(html.find("form=\"search\""), std::string::npos);
  // The active filter can be removed with one link.
  EXPECT_NE(html.find("class=\"chip\" href=\"/?q=detention\""), std::string::npos);
}

TEST_F(WebRoutes, AFilterGivenAsASlugTicksTheNameItStandsFor) {
  // A link from the organisation's own site may carry its CMS's slug.
  std::string html = page("/?q=detention&topic=family-detention");
  EXPECT_NE(html.find("name=\"topic\" value=\"Family Detention\" checked>"), std::string::npos) << html;
  EXPECT_EQ(html.find("value=\"family-detention\""), std::string::npos) << html;
  EXPECT_NE(html.find("Topic: Family Detention<span class=\"chip-x\""), std::string::npos) << html;
}

TEST_F(WebRoutes, AFilterChipNamesTheValueAsItsFacetDoes) {
  // However the link spells it, the chip says what the releases say.
  std::string html = page("/?q=detention&topic=FAMILY-DETENTION");
  EXPECT_NE(html.find("Topic: Family Detention<span class=\"chip-x\""), std::string::npos) << html;
}

TEST(WebRoutesSlugs, AFilterOutsideTheListedValuesIsNamedAsItsReleasesNameIt) {
  // 21 people sort before "GSA Press Team", so the spokesperson facet (its
  // 20 most frequent) leaves that name out; the chip and the ticked box take
  // it from the releases found, not from the slug ("Gsa Press Team").
  TempDir dir;
  std::string lines;
  const std::vector<std::string> words = {"border", "court",  "shelter", "family", "judge",  "clinic", "river",
                                          "permit", "hearing", "school", "budget", "county", "visa",   "harvest"};
  for (int i = 0; i < 21; ++i) {
    std::string who = "Abel Xa";
    who.push_back(static_cast<char>('a' + i));
    std::string id = "p";
    id.append(std::to_string(i));
    std::string body;  // a text of its own: no release is a near duplicate of another
    for (size_t k = 0; k < 10; ++k) body.append(words[(static_cast<size_t>(i) * 5 + k * k) % words.size()]).append(" ");
    lines += jsonl_line(make(id, "2020-01-02", "statement", {"Asylum"}, {who}, id, body + id + "."));
  }
  lines += jsonl_line(make("g1", "2020-01-03", "statement", {"Asylum"}, {"gsa-press-team"}, "GSA on asylum",
                           "The GSA press team wrote this. GSA said more."));
  dir.write("archive/releases.jsonl", lines);
  std::string db = (dir.path() / "db").string();
  ASSERT_EQ(index_paths(db, {(dir.path() / "archive").string()}).added, 22u);
  TestServer server(db);
  auto res = server.get("/?spokesperson=gsa-press-team");
  ASSERT_TRUE(res);
  EXPECT_NE(res->body.find("Spokesperson: GSA Press Team<span class=\"chip-x\""), std::string::npos) << res->body;
  EXPECT_NE(res->body.find("value=\"GSA Press Team\" checked>"), std::string::npos) << res->body;
}

TEST_F(WebRoutes, YearBarsAreLinksThatFilterByYear) {
  std::string html = page("/?q=detention");
  EXPECT_NE(html.find("href=\"/?q=detention&amp;from=2019&amp;to=2019\""), std::string::npos);
  // Years without matches inside the span are drawn but are not links.
  EXPECT_NE(html.find("<li><span class=\"bar h0 empty"), std::string::npos);
  std::string selected = page("/?q=detention&from=2019&to=2019");
  EXPECT_NE(selected.find("aria-current=\"true\""), std::string::npos);
  EXPECT_NE(selected.find("Releases by month in 2019"), std::string::npos);
  // Clicking the selected year again clears the filter.
  EXPECT_NE(selected.find("class=\"bar h20 selected\" href=\"/?q=detention\""), std::string::npos) << selected;
}

TEST_F(WebRoutes, PagerLinksKeepTheSearch) {
  std::string html = page("/?q=detention&size=2");
  EXPECT_NE(html.find("rel=\"next\" href=\"/?q=detention&amp;page=2&amp;size=2\""), std::string::npos) << html;
  std::string second = page("/?q=detention&size=2&page=2");
  EXPECT_NE(second.find("rel=\"prev\" href=\"/?q=detention&amp;size=2\""), std::string::npos);
  EXPECT_NE(second.find("<ol class=\"hits\" start=\"3\">"), std::string::npos);
}

TEST_F(WebRoutes, APagePastTheLastOneSaysSo) {
  std::string html = page("/?q=detention&page=40");
  EXPECT_NE(html.find("past the last page"), std::string::npos);
  EXPECT_NE(html.find("href=\"/?q=detention\">Back to the first page"), std::string::npos);
}

TEST_F(WebRoutes, DidYouMeanIsALink) {
  // Whether a spelling is offered is the engine's business (searcher_test);
  // the page's is to show the offer as a link to that search.
  json api = server_->get_json("/api/search?q=detentoin");
  if (!api.contains("did_you_mean")) GTEST_SKIP() << "the engine offers no spelling for this archive";
  std::string offer = api["did_you_mean"];
  std::string html = page("/?q=detentoin");
  EXPECT_NE(html.find("Did you mean <a href=\"/?q=" + offer + "\"><q>" + offer + "</q></a>?"), std::string::npos) << html;
}

TEST_F(WebRoutes, SearchPageLinksItsFeedAndOpenSearch) {
  std::string html = page("/?q=detention&topic=Asylum&page=1");
  EXPECT_NE(html.find("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Releases matching “detention”\" "
                      "href=\"/feed.atom?q=detention&amp;topic=Asylum\">"),
            std::string::npos);
  EXPECT_NE(html.find("<link rel=\"search\" type=\"application/opensearchdescription+xml\""), std::string::npos);
  EXPECT_NE(html.find("href=\"/export.csv?q=detention&amp;topic=Asylum\""), std::string::npos);
}

TEST_F(WebRoutes, InvalidParametersGiveAReadable400Page) {
  std::string html = page("/?q=x&from=2020-13", 400);
  EXPECT_NE(html.find("from must be a date"), std::string::npos);
  EXPECT_NE(html.find("value=\"x\""), std::string::npos);  // the form keeps what was typed
}

// ---- escaping of a hostile release everywhere ------------------------------

TEST_F(WebRoutes, HostileReleaseIsTextInTheSearchPage) {
  std::string html = page("/?q=statement");
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_EQ(html.find("<img src=x"), std::string::npos);
  EXPECT_EQ(html.find("<b>Bold"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"), std::string::npos);
  EXPECT_NE(html.find("Eve &lt;img src=x onerror=alert(2)&gt;"), std::string::npos);
  EXPECT_EQ(count_of(html, "<script"), 1u);  // our own app.js
}

TEST_F(WebRoutes, HostileReleaseIsTextInItsPage) {
  std::string html = page("/releases/x/hostile");
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_EQ(html.find("<img src=x"), std::string::npos);
  EXPECT_EQ(html.find("<em>markup"), std::string::npos);
  EXPECT_EQ(html.find("<until>"), std::string::npos);
  EXPECT_EQ(html.find("<i>Nowhere"), std::string::npos);
  EXPECT_NE(html.find("<h1 class=\"release-title\" lang=\"en\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;</h1>"),
            std::string::npos);
  EXPECT_NE(html.find("href=\"https://example.org/x?a=1&amp;b=&lt;2&gt;\""), std::string::npos);
  EXPECT_EQ(count_of(html, "<script"), 1u);
}

TEST_F(WebRoutes, SnippetsKeepOnlyTheirMarks) {
  // The body holds "<script>alert(3)</script>": the snippet must show it as text.
  std::string html = page("/?q=alert");
  EXPECT_EQ(html.find("<script>alert(3)"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;<mark>alert</mark>(3)&lt;/script&gt;"), std::string::npos) << html;
}

// ---- release pages ---------------------------------------------------------

TEST_F(WebRoutes, ReleasePageHasWhatAJournalistNeeds) {
  std::string html = page("/releases/r04");
  EXPECT_NE(html.find("<h1 class=\"release-title\" lang=\"en\">Detention of families must end</h1>"), std::string::npos);
  EXPECT_NE(html.find("<time datetime=\"2019-02-20\">20 February 2019</time>"), std::string::npos);
  EXPECT_NE(html.find(">Statement</a>"), std::string::npos);
  EXPECT_NE(html.find("<dt>Location</dt><dd>Tucson, AZ"), std::string::npos);
  EXPECT_NE(html.find("href=\"/?spokesperson=Ana%20Ruiz\">Ana Ruiz</a>"), std::string::npos);
  EXPECT_NE(html.find("href=\"/?topic=Family%20Detention\">Family Detention</a>"), std::string::npos);
  EXPECT_NE(html.find("<a class=\"source-link\" rel=\"noopener\" href=\"https://example.org/r04\">example.org</a>"),
            std::string::npos);
  EXPECT_NE(html.find("<p id=\"citation\" class=\"citation\">“Detention of families must end.” Statement, Tucson, AZ, "
                      "20 February 2019. https://example.org/r04 (archived at https://archive.example.org/releases/r04).</p>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<link rel=\"canonical\" href=\"https://archive.example.org/releases/r04\">"), std::string::npos);
  // Releases on its topics around it in time, newest first.
  EXPECT_NE(html.find("More on Family Detention and Asylum"), std::string::npos);
  EXPECT_LT(html.find("href=\"/releases/r06\""), html.find("href=\"/releases/r01\""));
}

TEST_F(WebRoutes, ReleasePageShowsASummaryThatOnlyRepeatsTheOpeningOnce) {
  std::string html = page("/releases/r02");
  EXPECT_EQ(html.find("class=\"summary\""), std::string::npos) << html;
  EXPECT_NE(html.find("<p>Asylum seekers deserve lawyers at every hearing.</p>"), std::string::npos);
}

TEST_F(WebRoutes, ReleasePageShowsASummaryWrittenForIt) {
  EXPECT_NE(page("/releases/x/hostile").find("<p class=\"summary\">A summary with &lt;em&gt;markup &amp; an ampersand.</p>"),
            std::string::npos);
}

TEST_F(WebRoutes, ReleasePageShowsItsStatements) {
  std::string html = page("/releases/x/hostile");
  EXPECT_NE(html.find("Statements in this release"), std::string::npos);
  EXPECT_NE(html.find("<blockquote><p>We will not stop &lt;until&gt; it ends.</p></blockquote>"), std::string::npos);
  EXPECT_NE(html.find(", Director</figcaption>"), std::string::npos);
}

TEST_F(WebRoutes, UnknownReleaseIsA404Page) {
  std::string html = page("/releases/no-such-release", 404);
  EXPECT_NE(html.find("There is no release at this address"), std::string::npos);
  page("/releases/..%2f..%2fetc%2fpasswd", 404);
}

// ---- archive browse ----------------------------------------------------------

TEST_F(WebRoutes, ArchiveIndexCountsEveryYearAndMonth) {
  std::string html = page("/archive");
  EXPECT_NE(html.find("8 releases from 2015 to 2022"), std::string::npos) << html;
  EXPECT_NE(html.find("<a href=\"/archive/2019\">2019</a> <span class=\"year-total\">3</span>"), std::string::npos);
  EXPECT_NE(html.find("href=\"/archive/2019/02\" aria-label=\"February 2019: 2 releases\">2</a>"), std::string::npos) << html;
  EXPECT_NE(html.find("href=\"/archive/2019/09\" aria-label=\"September 2019: 1 release\">1</a>"), std::string::npos);
}

TEST_F(WebRoutes, ArchiveYearAndMonthListTheirReleases) {
  std::string year = page("/archive/2019");
  EXPECT_NE(year.find("3 releases in 2019"), std::string::npos);
  EXPECT_NE(year.find("<span class=\"month-count\">2 releases</span>"), std::string::npos);
  for (const char* id : {"r03", "r04", "r05"}) EXPECT_NE(year.find(std::string("/releases/") + id), std::string::npos) << id;
  EXPECT_EQ(year.find("/releases/r06"), std::string::npos);

  std::string month = page("/archive/2019/02");
  EXPECT_NE(month.find("<h1>February 2019</h1>"), std::string::npos);
  EXPECT_NE(month.find("2 releases."), std::string::npos);
  EXPECT_LT(month.find("/releases/r03"), month.find("/releases/r04"));  // a month reads oldest first
  EXPECT_NE(month.find("rel=\"next\" href=\"/archive/2019/09\""), std::string::npos);
  EXPECT_NE(month.find("rel=\"prev\" href=\"/archive/2016/07\""), std::string::npos);
}

TEST_F(WebRoutes, ArchiveOfNothingIs404) {
  for (const char* path : {"/archive/1999", "/archive/2019/13", "/archive/2019/03", "/archive/2019/02?page=9"})
    page(path, 404);
}

// ---- Atom --------------------------------------------------------------------

TEST_F(WebRoutes, FeedIsValidAtomNewestFirst) {
  auto res = fetch("/feed.atom?q=detention");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/atom+xml; charset=utf-8");
  XmlDoc xml(res->body);
  ASSERT_TRUE(xml.doc) << "not well-formed XML:\n" << res->body;
  xml.ns("a", "http://www.w3.org/2005/Atom");
  EXPECT_EQ(xml.one("/a:feed/a:id"), kPublicUrl + "/feed.atom?q=detention");
  EXPECT_EQ(xml.one("/a:feed/a:link[@rel='self']/@href"), kPublicUrl + "/feed.atom?q=detention");
  EXPECT_EQ(xml.one("/a:feed/a:link[@rel='alternate']/@href"), kPublicUrl + "/?q=detention");
  EXPECT_EQ(xml.one("/a:feed/a:title"), "Press archive: “detention”");
  EXPECT_EQ(xml.one("/a:feed/a:updated"), "2022-01-12T00:00:00Z");
  EXPECT_FALSE(xml.one("/a:feed/a:author/a:name").empty());

  auto ids = xml.all("/a:feed/a:entry/a:id");
  auto updated = xml.all("/a:feed/a:entry/a:updated");
  ASSERT_EQ(ids.size(), 6u);
  EXPECT_TRUE(std::is_sorted(updated.rbegin(), updated.rend()));
  EXPECT_EQ(ids[0], kPublicUrl + "/releases/formula");
  for (const char* field : {"a:title", "a:updated", "a:link[@rel='alternate']/@href", "a:summary"})
    EXPECT_EQ(xml.all(std::string("/a:feed/a:entry/") + field).size(), 6u) << field;
  EXPECT_EQ(xml.one("/a:feed/a:entry[a:id='" + kPublicUrl + "/releases/r03']/a:author/a:name"), "Jonah Feld");
}

TEST_F(WebRoutes, FeedCarriesTheHostileTitleAsText) {
  auto res = fetch("/feed.atom?q=statement");
  ASSERT_TRUE(res);
  XmlDoc xml(res->body);
  ASSERT_TRUE(xml.doc) << res->body;
  xml.ns("a", "http://www.w3.org/2005/Atom");
  // The parser gives back exactly the title: escaped once, no markup.
  std::string entry = "/a:feed/a:entry[a:id='" + kPublicUrl + "/releases/x/hostile']";
  EXPECT_EQ(xml.one(entry + "/a:title"), kHostileTitle);
  EXPECT_EQ(xml.one(entry + "/a:title/@type"), "text");
  EXPECT_EQ(xml.one(entry + "/a:author/a:name"), kHostilePerson);
  EXPECT_EQ(xml.one(entry + "/a:summary"), "A summary with <em>markup & an ampersand.");
  EXPECT_EQ(xml.all(entry + "/a:title/*").size(), 0u);
  EXPECT_EQ(res->body.find("<script>"), std::string::npos);
}

TEST_F(WebRoutes, FeedFollowsTheFiltersAndIgnoresPaging) {
  auto res = fetch("/feed.atom?topic=Asylum&page=3&sort=relevance");
  ASSERT_TRUE(res);
  XmlDoc xml(res->body);
  ASSERT_TRUE(xml.doc);
  xml.ns("a", "http://www.w3.org/2005/Atom");
  EXPECT_EQ(xml.all("/a:feed/a:entry").size(), 3u);
  EXPECT_EQ(xml.one("/a:feed/a:link[@rel='self']/@href"), kPublicUrl + "/feed.atom?topic=Asylum");
  fetch("/feed.atom?size=1000", 400);
}

// ---- exports -------------------------------------------------------------------

TEST_F(WebRoutes, CsvExportIsRfc4180WithFixedColumns) {
  auto res = fetch("/export.csv?q=detention&sort=date-asc");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/csv; charset=utf-8; header=present");
  EXPECT_NE(res->get_header_value("Content-Disposition").find("attachment"), std::string::npos);
  EXPECT_EQ(res->get_header_value("X-Total-Count"), "6");
  EXPECT_TRUE(res->body.starts_with("id,date,type,title,topics,spokespeople,location,url\r\n"));
  auto rows = parse_csv(res->body);
  ASSERT_EQ(rows.size(), 7u);
  for (const auto& row : rows) EXPECT_EQ(row.size(), 8u);
  EXPECT_EQ(rows[1], (std::vector<std::string>{"r01", "2015-03-02", "press-release", "Families held at Dilley",
                                               "Family Detention", "Ana Ruiz", "Tucson, AZ", "https://example.org/r01"}));
  // The hostile release: commas, quotes and markup survive as data.
  auto hostile = std::find_if(rows.begin(), rows.end(), [](const auto& row) { return row[0] == "x/hostile"; });
  ASSERT_NE(hostile, rows.end());
  EXPECT_EQ((*hostile)[3], kHostileTitle);
  EXPECT_EQ((*hostile)[4], "Family Detention; <b>Bold</b> topic");
  EXPECT_EQ((*hostile)[5], kHostilePerson);
}

TEST_F(WebRoutes, CsvExportDefusesFormulas) {
  auto res = fetch("/export.csv?q=formulas");
  ASSERT_TRUE(res);
  auto rows = parse_csv(res->body);
  ASSERT_EQ(rows.size(), 2u) << res->body;
  const auto& row = rows[1];
  EXPECT_EQ(row[3], "'=HYPERLINK(\"http://evil\")");
  EXPECT_EQ(row[4], "'+Topic");
  EXPECT_EQ(row[5], "'@Someone");
  EXPECT_EQ(row[6], "'-2+3");
  EXPECT_EQ(row[7], "'-https://example.org/minus");
  for (const auto& cell : row) EXPECT_EQ(std::string("=+-@\t\r").find(cell.empty() ? 'x' : cell[0]), std::string::npos) << cell;
}

TEST_F(WebRoutes, JsonLinesExportHasOneObjectPerRelease) {
  auto res = fetch("/export.jsonl?q=detention");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/x-ndjson; charset=utf-8");
  auto lines = lines_of(res->body);
  ASSERT_EQ(lines.size(), 6u);
  std::set<std::string> ids;
  for (const std::string& line : lines) {
    json j = json::parse(line);
    std::vector<std::string> keys;
    for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
    ids.insert(j["id"]);
    EXPECT_TRUE(j["topics"].is_array());
    if (j["id"] == "x/hostile") {
      EXPECT_EQ(j["title"], kHostileTitle);
      EXPECT_EQ(j["spokespeople"], json::array({kHostilePerson}));
    }
  }
  EXPECT_EQ(ids.size(), 6u);
  EXPECT_TRUE(lines[0].starts_with("{\"id\":")) << lines[0];
  EXPECT_LT(lines[0].find("\"date\""), lines[0].find("\"url\""));
}

TEST_F(WebRoutes, ExportsRefuseBadParameters) { fetch("/export.csv?from=2020-02-30", 400); }

// ---- discovery -----------------------------------------------------------------

TEST_F(WebRoutes, SitemapListsEveryReleasePage) {
  auto res = fetch("/sitemap.xml");
  ASSERT_TRUE(res);
  XmlDoc xml(res->body);
  ASSERT_TRUE(xml.doc) << res->body;
  xml.ns("s", "http://www.sitemaps.org/schemas/sitemap/0.9");
  auto locs = xml.all("/s:urlset/s:url/s:loc");
  std::set<std::string> got(locs.begin(), locs.end());
  for (const Release& r : archive()) EXPECT_TRUE(got.count(kPublicUrl + "/releases/" + r.id)) << r.id;
  EXPECT_TRUE(got.count(kPublicUrl + "/"));
  EXPECT_EQ(xml.one("/s:urlset/s:url[s:loc='" + kPublicUrl + "/releases/r03']/s:lastmod"), "2019-02-11");
  fetch("/sitemap-2.xml", 404);
}

TEST_F(WebRoutes, OpenSearchDescriptionIsValid) {
  auto res = fetch("/opensearch.xml");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/opensearchdescription+xml; charset=utf-8");
  XmlDoc xml(res->body);
  ASSERT_TRUE(xml.doc) << res->body;
  xml.ns("o", "http://a9.com/-/spec/opensearch/1.1/");
  EXPECT_EQ(xml.one("/o:OpenSearchDescription/o:ShortName"), "Press archive");
  EXPECT_EQ(xml.one("/o:OpenSearchDescription/o:Url[@type='text/html']/@template"),
            kPublicUrl + "/?q={searchTerms}&page={startPage?}");
  EXPECT_EQ(xml.one("/o:OpenSearchDescription/o:Url[@type='application/atom+xml']/@template"),
            kPublicUrl + "/feed.atom?q={searchTerms}");
}

// ---- CORS -----------------------------------------------------------------------

TEST_F(WebRoutes, CorsEchoesAnAllowedOriginOnTheApi) {
  auto res = fetch("/api/search?q=detention", 200, {{"Origin", kAllowedOrigin}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->get_header_value("Access-Control-Allow-Origin"), kAllowedOrigin);
  EXPECT_EQ(res->get_header_value("Vary"), "Origin");
  EXPECT_FALSE(res->has_header("Access-Control-Allow-Credentials"));
  auto suggest = fetch("/api/suggest?q=det", 200, {{"Origin", kAllowedOrigin}});
  EXPECT_EQ(suggest->get_header_value("Access-Control-Allow-Origin"), kAllowedOrigin);
  auto missing = fetch("/api/releases/nope", 404, {{"Origin", kAllowedOrigin}});
  EXPECT_EQ(missing->get_header_value("Access-Control-Allow-Origin"), kAllowedOrigin);  // errors are readable too
}

TEST_F(WebRoutes, CorsGivesOtherOriginsNothing) {
  for (const char* origin : {"https://evil.example", "https://www.allowed.example.evil", "null", "http://www.allowed.example"}) {
    auto res = fetch("/api/search?q=detention", 200, {{"Origin", origin}});
    ASSERT_TRUE(res);
    EXPECT_FALSE(res->has_header("Access-Control-Allow-Origin")) << origin;
    EXPECT_EQ(res->get_header_value("Vary"), "Origin") << origin;
  }
  auto none = fetch("/api/search?q=detention");
  EXPECT_FALSE(none->has_header("Access-Control-Allow-Origin"));
  // Pages are not part of the API: no CORS there even for the allowed origin.
  auto html = fetch("/?q=detention", 200, {{"Origin", kAllowedOrigin}});
  EXPECT_FALSE(html->has_header("Access-Control-Allow-Origin"));
}

TEST_F(WebRoutes, CorsPreflightIsAnsweredForAllowedOrigins) {
  auto cli = server_->client();
  auto allowed = cli.Options("/api/search?q=x", {{"Origin", kAllowedOrigin},
                                                 {"Access-Control-Request-Method", "GET"},
                                                 {"Access-Control-Request-Headers", "accept"}});
  ASSERT_TRUE(allowed);
  EXPECT_EQ(allowed->status, 204);
  EXPECT_EQ(allowed->get_header_value("Access-Control-Allow-Origin"), kAllowedOrigin);
  EXPECT_EQ(allowed->get_header_value("Access-Control-Allow-Methods"), "GET");
  EXPECT_NE(allowed->get_header_value("Access-Control-Allow-Headers").find("Accept"), std::string::npos);
  EXPECT_EQ(allowed->get_header_value("Access-Control-Max-Age"), "86400");
  EXPECT_EQ(allowed->get_header_value("Vary"), "Origin");

  auto refused = cli.Options("/api/search", {{"Origin", "https://evil.example"}, {"Access-Control-Request-Method", "GET"}});
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 204);
  for (const auto& [name, value] : refused->headers) EXPECT_FALSE(name.starts_with("Access-Control-")) << name;
}

// ---- static files --------------------------------------------------------------

TEST_F(WebRoutes, StaticFilesHaveETagsAndAnswer304) {
  auto res = fetch("/app.css");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->body, "body{color:black}\n");
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/css; charset=utf-8");
  std::string etag = res->get_header_value("ETag");
  EXPECT_TRUE(std::regex_match(etag, std::regex(R"(W/"[0-9a-f]{16}")"))) << etag;
  EXPECT_EQ(res->get_header_value("Cache-Control"), "public, max-age=600");

  auto again = fetch("/app.css", 304, {{"If-None-Match", etag}});
  EXPECT_TRUE(again->body.empty());
  EXPECT_EQ(again->get_header_value("ETag"), etag);
  fetch("/app.css", 304, {{"If-None-Match", "\"other\", " + etag}});
  fetch("/app.css", 200, {{"If-None-Match", "W/\"0000000000000000\""}});
}

TEST_F(WebRoutes, PagesLinkVersionedAssetsThatMayBeCachedForAYear) {
  std::string html = page("/");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(html, m, std::regex(R"re(<link rel="stylesheet" href="(/app\.css\?v=[0-9a-f]{10})">)re"))) << html;
  auto res = fetch(m[1]);
  EXPECT_EQ(res->get_header_value("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_NE(html.find("<script src=\"/app.js?v="), std::string::npos);
  // The widget is loaded by other sites.
  auto widget = fetch("/widget.js");
  EXPECT_EQ(widget->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(widget->get_header_value("Cross-Origin-Resource-Policy"), "cross-origin");
  fetch("/sub/page.html");
}

TEST_F(WebRoutes, StaticFilesRefuseTraversal) {
  for (const char* path : {"/../secret.txt", "/%2e%2e/secret.txt", "/%2e%2e%2fsecret.txt", "/..%2fsecret.txt",
                           "/%252e%252e%252fsecret.txt", "/..%5csecret.txt", "/sub/..%2f..%2fsecret.txt",
                           "/sub/%2e%2e/%2e%2e/secret.txt", "/sub\\..\\..\\secret.txt", "/.hidden", "/link.txt",
                           "/sub/../app.css/../../secret.txt", "/app.css%00.txt", "//etc/passwd", "/secret.txt"}) {
    auto res = fetch(path, 404);
    if (res) {
      EXPECT_EQ(res->body.find("SECRET"), std::string::npos) << path;
    }
  }
}

// ---- headers on every page -------------------------------------------------------

TEST_F(WebRoutes, PagesCarryTheSecurityHeaders) {
  for (const char* path : {"/", "/?q=detention", "/releases/r01", "/archive", "/archive/2019", "/archive/2019/02",
                           "/no-such-page"}) {
    auto res = fetch(path, std::string(path) == "/no-such-page" ? 404 : 200);
    ASSERT_TRUE(res);
    std::string csp = res->get_header_value("Content-Security-Policy");
    EXPECT_NE(csp.find("default-src 'self'"), std::string::npos) << path;
    EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << path;
    EXPECT_NE(csp.find("frame-ancestors 'self'"), std::string::npos) << path;
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << path;
    EXPECT_EQ(csp.find("unsafe-eval"), std::string::npos) << path;
    EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff") << path;
    EXPECT_EQ(res->get_header_value("Referrer-Policy"), "strict-origin-when-cross-origin") << path;
  }
  auto api = fetch("/api/search");
  EXPECT_EQ(api->get_header_value("X-Content-Type-Options"), "nosniff");
}

// Every element and attribute of an HTML document, as an HTML parser sees them.
struct HtmlScan {
  std::vector<std::string> problems;
  void walk(xmlNodePtr node) {
    for (; node; node = node->next) {
      if (node->type != XML_ELEMENT_NODE) continue;
      std::string tag = reinterpret_cast<const char*>(node->name);
      if (tag == "style") problems.push_back("<style> element");
      if (tag == "script" && !xmlHasProp(node, reinterpret_cast<const xmlChar*>("src"))) problems.push_back("inline <script>");
      for (xmlAttrPtr a = node->properties; a; a = a->next) {
        std::string name = reinterpret_cast<const char*>(a->name);
        xmlChar* value = xmlNodeListGetString(node->doc, a->children, 1);
        std::string v = value ? reinterpret_cast<const char*>(value) : "";
        xmlFree(value);
        if (name == "style") problems.push_back("style= on <" + tag + ">");
        if (name.starts_with("on")) problems.push_back(name + "= on <" + tag + ">");
        if ((name == "href" || name == "src" || name == "action") && v.find("javascript:") != std::string::npos)
          problems.push_back("javascript: URL on <" + tag + ">");
      }
      walk(node->children);
    }
  }
};

TEST_F(WebRoutes, PagesHaveNoInlineScriptStyleOrHandlers) {
  // What the Content-Security-Policy would block, checked at the source,
  // including on pages that show the hostile release.
  for (const char* path : {"/?q=detention&from=2019&to=2019&topic=Asylum", "/?q=statement", "/releases/x/hostile",
                           "/releases/r04", "/archive", "/archive/2019", "/archive/2019/02", "/nothing", "/?from=bad"}) {
    auto res = server_->get(path);
    ASSERT_TRUE(res);
    htmlDocPtr doc = htmlReadMemory(res->body.data(), static_cast<int>(res->body.size()), path, "utf-8",
                                    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
    ASSERT_TRUE(doc) << path;
    HtmlScan scan;
    scan.walk(xmlDocGetRootElement(doc));
    xmlFreeDoc(doc);
    EXPECT_TRUE(scan.problems.empty()) << path << ": " << (scan.problems.empty() ? "" : scan.problems.front());
  }
}

TEST_F(WebRoutes, UnknownPagesAre404PagesButTheApiStaysJson) {
  std::string html = page("/no-such-page", 404);
  EXPECT_NE(html.find("<h1>Not found</h1>"), std::string::npos);
  auto api = fetch("/api/no-such-thing", 404);
  EXPECT_EQ(json::parse(api->body)["error"]["code"], "not_found");
}

TEST(WebRoutesHost, LinksFollowTheHostHeaderWithoutAPublicUrl) {
  TempDir dir;
  dir.write("a/r.jsonl", jsonl_line(make("only", "2020-01-01", "statement", {"Asylum"}, {}, "Only one", "Text.")));
  std::string db = (dir.path() / "db").string();
  index_paths(db, {(dir.path() / "a").string()});
  TestServer server(db);
  auto cli = server.client();
  auto res = cli.Get("/feed.atom", {{"Host", "news.example.net:8443"}});
  ASSERT_TRUE(res);
  EXPECT_NE(res->body.find("<id>http://news.example.net:8443/feed.atom</id>"), std::string::npos) << res->body;
  // A Host header that is no host name is not echoed.
  auto odd = cli.Get("/feed.atom", {{"Host", "evil\"><x"}});
  ASSERT_TRUE(odd);
  EXPECT_EQ(odd->body.find("evil"), std::string::npos);
}

}  // namespace
}  // namespace pressroom::testing
