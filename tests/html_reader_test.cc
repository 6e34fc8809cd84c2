// Specification of common/html_reader.h, common/html_text.h and
// common/html_url.h: a saved release page becomes one release, its metadata
// read from the head, its body from the article with the page chrome removed.
#include "common/html_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "common/corpus_reader.h"
#include "common/html_text.h"
#include "common/html_url.h"
#include "common/ingest.h"
#include "common/release_validation.h"
#include "tests/fixtures.h"

namespace pressroom {
namespace {

const std::string kFile = "web/2020-11-18-family-detention.html";
const std::string kDefaultId = "web/2020-11-18-family-detention";

ReadBatch read(const std::string& html) { return HtmlReader().read(kFile, html, kDefaultId); }

// The one release a full page gives; fails the test when there is not exactly one.
Release read_one(const std::string& html) {
  ReadBatch batch = read(html);
  EXPECT_EQ(batch.releases.size(), 1u);
  EXPECT_TRUE(batch.issues.empty());
  return batch.releases.empty() ? Release{} : batch.releases[0];
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string page(const std::string& head, const std::string& body, const std::string& html_attrs = "") {
  return "<!DOCTYPE html><html" + html_attrs + "><head><meta charset=\"utf-8\">" + head + "</head><body>" + body +
         "</body></html>";
}

// A newsroom page as a CMS renders it: every kind of chrome around one article.
const std::string kChromeBody = R"(
<a class="skip-link screen-reader-text" href="#main">Skip to content</a>
<div id="cookie-notice" class="cookie-banner"><p>We use cookies to improve your experience.</p>
  <button>Accept cookies</button></div>
<header class="site-header"><h1 class="site-title">Puentes Human Rights Center</h1>
  <nav><ul><li><a href="/about">About us</a></li><li><a href="/news">Newsroom</a></li></ul></nav></header>
<div class="breadcrumbs"><a href="/">Home</a> › <a href="/news">News</a></div>
<main id="main">
<article class="post">
  <header class="entry-header"><h1 class="entry-title">Families Must Be Released Together</h1>
    <time datetime="2020-11-18T09:00:00-07:00">November 18, 2020</time></header>
  <figure><img src="/img/dilley.jpg" alt="">
    <figcaption>The family detention center in Dilley, Texas. Photo: Grace Whitfield</figcaption></figure>
  <p>TUCSON, AZ &mdash; Puentes called on ICE to release every family held in detention.</p>
  <p>&ldquo;There is no public health justification,&rdquo; said Ana Ruiz.</p>
  <p>Photo credit: Samuel Ortiz/Puentes</p>
  <div class="share-buttons"><a href="https://facebook.com/share">Share on Facebook</a>
    <a href="https://x.com/intent">Post on X</a></div>
  <script>trackPageView("release");</script><style>.post { color: red }</style>
  <noscript>Enable JavaScript to see comments</noscript>
  <form class="search"><input name="q"><button>Search the site</button></form>
  <iframe src="https://video.example.org/embed"></iframe>
  <svg><text>Logo text in an SVG</text></svg>
</article>
<aside class="related-releases"><h2>Related releases</h2><ul>
  <li><a href="/news/a">Older release about detention</a> October 2, 2020</li></ul></aside>
</main>
<div id="sidebar"><div class="widget newsletter-signup"><p>Sign up for our newsletter</p></div></div>
<footer class="site-footer"><p>&copy; 2020 Puentes Human Rights Center. All rights reserved.</p></footer>
)";

// ------------------------------------------------------------------ title

TEST(HtmlReader, TakesTheTitleFromOgTitle) {
  Release r = read_one(page(R"(<meta property="og:title" content="Families Must Be Released">
                               <title>Something else | Puentes</title>)",
                            "<article><h1>A headline</h1><p>Text.</p></article>"));
  EXPECT_EQ(r.title, "Families Must Be Released");
}

TEST(HtmlReader, TakesTheTitleFromTheMainH1RatherThanTheSiteHeader) {
  Release r = read_one(page("<title>Site | Puentes</title>", kChromeBody));
  EXPECT_EQ(r.title, "Families Must Be Released Together");
  EXPECT_EQ(r.provenance.at("title"), Provenance::Extracted);
}

TEST(HtmlReader, StripsTheSiteNameFromTheTitleElement) {
  struct Case {
    std::string title, expected;
  };
  const std::vector<Case> cases = {
      {"Families Reunited | Puentes", "Families Reunited"},
      {"Families Reunited \xE2\x80\x93 Site", "Families Reunited"},
      {"Families Reunited - Site", "Families Reunited"},
      {"Families Reunited \xE2\x80\x94 Puentes Human Rights Center", "Families Reunited"},
      {"Families Reunited | Puentes Human Rights Center | Tucson", "Families Reunited | Puentes Human Rights Center"},
      {"Puentes | Families Reunited", "Families Reunited"},
      {"Families Reunited", "Families Reunited"},
  };
  for (const Case& c : cases) {
    Release r = read_one(page(R"(<meta property="og:site_name" content="Puentes Human Rights Center"><title>)" +
                                  c.title + "</title>",
                              "<p>Text without a heading.</p>"));
    EXPECT_EQ(r.title, c.expected) << c.title;
  }
}

TEST(HtmlReader, KeepsADashThatIsPartOfTheHeadline) {
  Release r = read_one(page("<title>Title 42 Ends - What Comes Next</title>", "<p>Text.</p>"));
  EXPECT_EQ(r.title, "Title 42 Ends - What Comes Next");
}

TEST(HtmlReader, StripsATitleSuffixWhenTheHeadlineStandsOnThePage) {
  Release r = read_one(page("<title>Puentes Condemns Detention Contract - Puentes El Paso Office</title>",
                            "<table><tr><td><font size=5><b>Puentes Condemns Detention Contract</b></font><br>"
                            "<font>ELOY, AZ &mdash; The text.</font></td></tr></table>"));
  EXPECT_EQ(r.title, "Puentes Condemns Detention Contract");
}

TEST(HtmlReader, StripsTheSiteNameFromOgTitleWhenTheSiteIsKnown) {
  Release r = read_one(page(R"(<meta property="og:title" content="Op-Ed: A Border Town | Puentes">
                               <meta property="og:site_name" content="Puentes Human Rights Center">)",
                            "<p>Text.</p>"));
  EXPECT_EQ(r.title, "Op-Ed: A Border Town");
}

TEST(HtmlReader, DecodesEntitiesInTitles) {
  Release r = read_one(page(R"(<meta property="og:title" content="Sheriff&#8217;s Checkpoints &amp; Records">)",
                            "<p>Text.</p>"));
  EXPECT_EQ(r.title, "Sheriff\xE2\x80\x99s Checkpoints & Records");
}

// ------------------------------------------------------------------ date

TEST(HtmlReader, TakesTheDateFromArticlePublishedTime) {
  Release r = read_one(page(R"(<meta property="article:published_time" content="2020-11-18T09:30:00-07:00">
                               <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-01-01"}</script>)",
                            R"(<article><time datetime="2018-05-05">May 5, 2018</time><p>Text.</p></article>)"));
  EXPECT_EQ(r.date, "2020-11-18");
  EXPECT_EQ(r.provenance.at("date"), Provenance::Source);
}

TEST(HtmlReader, TakesTheDateFromTimeDatetimeBeforeJsonLd) {
  Release r = read_one(page(R"(<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-01-01"}</script>)",
                            R"(<article><time datetime="2020-11-18T09:00">Nov 18</time><p>Text.</p></article>)"));
  EXPECT_EQ(r.date, "2020-11-18");
}

TEST(HtmlReader, IgnoresTimesInRelatedLinks) {
  Release r = read_one(page("", R"(<article><p>Text.</p><aside class="related"><ul>
      <li><a href="/a">An older release with a long title</a> <time datetime="2019-01-01">Jan 1</time></li>
      <li><a href="/b">Another older release</a> <time datetime="2019-01-02">Jan 2</time></li></ul></aside></article>)"));
  EXPECT_EQ(r.date, "");
}

TEST(HtmlReader, TakesTheDateFromJsonLdInItsCommonShapes) {
  const std::vector<std::string> scripts = {
      R"({"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2020-11-18T09:00:00-07:00"})",
      R"([{"@type":"Organization","name":"Puentes"},{"@type":"NewsArticle","datePublished":"2020-11-18"}])",
      R"({"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Puentes"},
         {"@type":"WebPage","datePublished":"2020-11-17T23:00:00+00:00"},
         {"@type":"Article","headline":"H","datePublished":"2020-11-18T09:00:00-07:00"}]})",
      R"({"@type":["NewsArticle"],"datePublished":"November 18, 2020"})",
  };
  for (const std::string& script : scripts) {
    Release r = read_one(page(R"(<script type="application/ld+json">)" + script + "</script>", "<p>Text.</p>"));
    EXPECT_EQ(r.date, "2020-11-18") << script;
  }
}

TEST(HtmlReader, IgnoresMalformedJsonLd) {
  Release r = read_one(page(R"(<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": </script>
                               <script type="application/ld+json">{"datePublished":"2020-11-18"}</script>)",
                            "<p>Text.</p>"));
  EXPECT_EQ(r.date, "2020-11-18");
}

TEST(HtmlReader, LeavesTheDateEmptyWhenOnlyTheBodyHasOne) {
  // A dateline is for the dateline extraction that runs after readers.
  Release r = read_one(page("<title>Statement</title>",
                            "<article><p>EL PASO, TX &mdash; October 3, 2019 &mdash; Puentes said today.</p></article>"));
  EXPECT_EQ(r.date, "");
  EXPECT_EQ(r.provenance.count("date"), 0u);
}

TEST(HtmlReader, ReadsADateFromTheTextOfATimeElementAsExtracted) {
  Release r = read_one(page("", "<article><time>18 de noviembre de 2020</time><p>Texto.</p></article>"));
  EXPECT_EQ(r.date, "2020-11-18");
  EXPECT_EQ(r.provenance.at("date"), Provenance::Extracted);
}

// ------------------------------------------------------------------ other metadata

TEST(HtmlReader, TakesTheUrlFromTheCanonicalLink) {
  Release r = read_one(page(R"(<link rel="canonical" href="https://puentes.example.org/news/a">
                               <meta property="og:url" content="https://puentes.example.org/other">)",
                            "<p>Text.</p>"));
  EXPECT_EQ(r.url, "https://puentes.example.org/news/a");
}

TEST(HtmlReader, TakesTheUrlFromOgUrlWithoutACanonicalLink) {
  Release r = read_one(page(R"(<meta property="og:url" content="https://puentes.example.org/news/b">)", "<p>Text.</p>"));
  EXPECT_EQ(r.url, "https://puentes.example.org/news/b");
}

TEST(HtmlReader, ResolvesARelativeCanonicalLinkAgainstTheBaseHref) {
  Release r = read_one(page(R"(<base href="https://puentes.example.org/news/"><link rel="canonical" href="2020/c">)",
                            "<p>Text.</p>"));
  EXPECT_EQ(r.url, "https://puentes.example.org/news/2020/c");
}

TEST(HtmlReader, TakesLangSummaryTypeAndTopicsFromMetadata) {
  Release r = read_one(page(R"(<meta name="description" content="Families must be released.">
                               <meta property="article:section" content="Statements">
                               <meta property="article:tag" content="Family Detention">
                               <meta property="article:tag" content="Public Health">)",
                            "<p>Texto.</p>", R"( lang="es-MX")"));
  EXPECT_EQ(r.lang, "es-MX");  // normalised to "es" by validation
  EXPECT_EQ(r.summary, "Families must be released.");
  EXPECT_EQ(r.type, "statement");
  EXPECT_EQ(r.topics, (std::vector<std::string>{"Family Detention", "Public Health"}));
}

TEST(HtmlReader, TakesTheTypeFromJsonLdWhenItNamesOne) {
  Release report = read_one(page(R"(<script type="application/ld+json">{"@type":"Report","datePublished":"2024-06-20"}</script>)",
                                 "<p>Text.</p>"));
  EXPECT_EQ(report.type, "report");
  Release news = read_one(page(R"(<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-06-20"}</script>)",
                               "<p>Text.</p>"));
  EXPECT_EQ(news.type, "");
}

TEST(HtmlReader, MarksFieldsFromMetadataAsSource) {
  Release r = read_one(page(R"(<meta property="og:title" content="T"><link rel="canonical" href="https://e.org/a">
                               <meta property="article:published_time" content="2020-11-18">
                               <meta name="description" content="S">)",
                            "<p>Text.</p>", R"( lang="en")"));
  for (const char* field : {"title", "date", "url", "summary", "lang"}) {
    ASSERT_TRUE(r.provenance.count(field)) << field;
    EXPECT_EQ(r.provenance.at(field), Provenance::Source) << field;
  }
  EXPECT_EQ(r.provenance.count("listing"), 0u);
}

TEST(HtmlReader, GivesAFullPageTheDefaultIdAndItsSource) {
  Release r = read_one(page("<title>T</title>", "<p>Text.</p>"));
  EXPECT_EQ(r.id, kDefaultId);
  EXPECT_EQ(r.source, kFile);
  EXPECT_EQ(r.source_line, 1);
}

// ------------------------------------------------------------------ body

TEST(HtmlReader, KeepsTheArticleText) {
  Release r = read_one(page("", kChromeBody));
  EXPECT_EQ(r.body,
            "TUCSON, AZ \xE2\x80\x94 Puentes called on ICE to release every family held in detention.\n\n"
            "\xE2\x80\x9CThere is no public health justification,\xE2\x80\x9D said Ana Ruiz.");
}

TEST(HtmlReader, RemovesPageChromeFromTheBody) {
  Release r = read_one(page("", kChromeBody));
  for (const char* chrome :
       {"Skip to content", "cookies", "Accept", "About us", "Newsroom", "Home", "Photo", "Grace Whitfield",
        "Samuel Ortiz", "Dilley", "Facebook", "Post on X", "trackPageView", "color: red", "JavaScript", "Search",
        "Logo text", "Related", "Older release", "newsletter", "All rights reserved", "Puentes Human Rights Center"})
    EXPECT_FALSE(contains(r.body, chrome)) << chrome << " in:\n" << r.body;
}

TEST(HtmlReader, TakesTheBodyFromMainOrRoleMainWithoutAnArticle) {
  for (const std::string& open_close : {std::string("main"), std::string("div role=\"main\"")}) {
    std::string tag = open_close.substr(0, open_close.find(' '));
    Release r = read_one(page("", "<nav><a href=/>Home page link</a></nav><" + open_close +
                                      "><p>First paragraph of the release.</p><p>Second one.</p></" + tag +
                                      "><footer><p>Footer text</p></footer>"));
    EXPECT_EQ(r.body, "First paragraph of the release.\n\nSecond one.") << open_close;
  }
}

TEST(HtmlReader, TakesTheBodyFromTheDensestBlockWithoutLandmarks) {
  Release r = read_one(page("", R"(
    <div id="top"><a href="/">Home</a> <a href="/news">News</a> <a href="/about">About the organisation</a></div>
    <div id="wrap">
      <div class="links"><p><a href="/a">A long list of links that is not the release text at all</a></p>
        <p><a href="/b">Another link that only points somewhere else on the site</a></p></div>
      <div class="story"><p>DOUGLAS, AZ — The first paragraph of the release is long enough to count.</p>
        <p>The second paragraph of the release carries on with the story.</p>
        <p>The third paragraph gives a quote from a spokesperson.</p></div>
    </div>)"));
  EXPECT_EQ(r.body,
            "DOUGLAS, AZ — The first paragraph of the release is long enough to count.\n\n"
            "The second paragraph of the release carries on with the story.\n\n"
            "The third paragraph gives a quote from a spokesperson.");
}

TEST(HtmlReader, TurnsBlockElementsIntoParagraphs) {
  Release r = read_one(page("", R"(<article><h2>Key findings</h2><ul><li>One</li><li>Two</li></ul>
      <blockquote>A quote</blockquote><div>A div</div>Line one<br>Line two<br/>
      <table><tr><td>Cell a</td><td>cell b</td></tr><tr><td>Cell c</td></tr></table>
      <p>Plain <b>bold</b>text and <a href="/x">a link</a>.</p></article>)"));
  EXPECT_EQ(r.body,
            "Key findings\n\nOne\n\nTwo\n\nA quote\n\nA div\n\nLine one\n\nLine two\n\nCell a cell b\n\n"
            "Cell c\n\nPlain boldtext and a link.");
}

TEST(HtmlReader, DecodesCharacterEntities) {
  Release r = read_one(page("", "<article><p>Ni&ntilde;os &amp; familias &mdash; &ldquo;now&rdquo; &#8217;&#x2019; "
                                "caf&eacute; 5&nbsp;km &lt;tag&gt;</p></article>"));
  EXPECT_EQ(r.body,
            "Ni\xC3\xB1os & familias \xE2\x80\x94 \xE2\x80\x9Cnow\xE2\x80\x9D \xE2\x80\x99\xE2\x80\x99 "
            "caf\xC3\xA9 5 km <tag>");
}

TEST(HtmlReader, NormalisesWhitespace) {
  Release r = read_one(page("", "<article><p>  Text \n\t spread\r\n  over   lines\xE2\x80\x8B and\xC2\xA0spaces  </p>"
                                "<p>\n</p><p>Next</p></article>"));
  EXPECT_EQ(r.body, "Text spread over lines and spaces\n\nNext");
}

TEST(HtmlReader, LeavesTheHeadlineOutOfTheBody) {
  Release r = read_one(page(R"(<meta property="og:title" content="Families Reunited">)",
                            "<article><h1>Families Reunited</h1><p>The text.</p></article>"));
  EXPECT_EQ(r.body, "The text.");
}

TEST(HtmlReader, DropsPhotoCreditsWrittenAsParagraphs) {
  Release r = read_one(page("", "<article><p>The text.</p><p>Photo: Tom&aacute;s Herrera/Puentes</p>"
                                "<p>Photo credit: Puentes</p><p>Foto: Carlos Medina</p>"
                                "<div class=\"wp-caption\"><img src=a.jpg><p>Volunteers at the desk.</p></div></article>"));
  EXPECT_EQ(r.body, "The text.");
}

TEST(HtmlReader, KeepsTheTextOfAPageWrappedInOneForm) {
  // ASP.NET pages put the whole body in <form id="aspnetForm">.
  Release r = read_one(page("", "<form id=\"aspnetForm\" action=\"/news.aspx\"><div class=\"content\">"
                                "<p>The first paragraph of the release.</p><p>The second.</p></div></form>"));
  EXPECT_EQ(r.body, "The first paragraph of the release.\n\nThe second.");
}

TEST(HtmlReader, KeepsContentWhoseWrapperClassNamesASidebar) {
  Release r = read_one(page("", "<div class=\"layout has-sidebar\"><article><p>The release text is here.</p></article>"
                                "<div class=\"sidebar\"><p>Sidebar text</p></div></div>"));
  EXPECT_EQ(r.body, "The release text is here.");
}

TEST(HtmlReader, ReadsALegacyPageInWindows1252) {
  // "Tomás said “no”" in windows-1252, declared as iso-8859-1 as such pages do.
  std::string legacy = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
                       "<title>T</title></head><body><p>Tom\xE1s said \x93no\x94.</p></body></html>";
  Release r = read_one(legacy);
  EXPECT_EQ(r.body, "Tom\xC3\xA1s said \xE2\x80\x9Cno\xE2\x80\x9D.");
}

TEST(HtmlReader, ReadsADeclaredLegacyCharset) {
  std::string legacy = "<html><head><meta charset=\"iso-8859-15\"><title>T</title></head>"
                       "<body><p>Precio: 5 \xA4</p></body></html>";  // 0xA4 is the euro sign in Latin-9
  Release r = read_one(legacy);
  EXPECT_EQ(r.body, "Precio: 5 \xE2\x82\xAC");
}

TEST(HtmlReader, NeverFailsOnMalformedMarkup) {
  const std::vector<std::string> inputs = {
      "",
      "just text, no tags",
      "<p>unclosed <b>bold <i>italic <p>next",
      "</div></div></p><p>stray end tags</p></article>",
      "<html><head><title>T</title><body><table><tr><td>cell<tr>row</table>",
      "<<<>>><!-- unterminated comment <p>",
      "<script>while(true){}</script",
      std::string("\0\x01\xFF\xFE<p>\xC3</p>", 12),
      "<p title=\"unterminated attribute>text</p>",
      "<svg><p>foreign content</svg><math><mi>x</mi>",
  };
  for (const std::string& input : inputs) {
    ReadBatch batch;
    ASSERT_NO_THROW(batch = read(input)) << input;
    EXPECT_EQ(batch.releases.size(), 1u) << input;
  }
}

TEST(HtmlReader, ReadsDeeplyNestedMarkup) {
  std::string deep;
  for (int i = 0; i < 1000; ++i) deep += "<div><span>";
  deep += "<p>At the bottom.</p>";
  Release r = read_one(deep);
  EXPECT_EQ(r.body, "At the bottom.");
}

TEST(HtmlReader, RefusesAbsurdNestingInsteadOfStalling) {
  // Gumbo needs minutes for this; a real page is never nested so deep.
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  ReadBatch batch = read(deep + "<p>At the bottom.</p>");
  EXPECT_TRUE(batch.releases.empty());
  ASSERT_EQ(batch.issues.size(), 1u);
  EXPECT_EQ(batch.issues[0].line, 0);
  EXPECT_TRUE(contains(batch.issues[0].reason, "nested too deeply")) << batch.issues[0].reason;
}

TEST(HtmlText, AnInlineElementIsOneOpenedAndClosed) {
  EXPECT_TRUE(html::has_inline_element("<em>Flores</em> settlement"));
  EXPECT_TRUE(html::has_inline_element("See the <A HREF=\"/r\">report</A>"));
  EXPECT_TRUE(html::has_inline_element("H<sub>2</sub>O"));
  EXPECT_FALSE(html::has_inline_element("x <b y"));
  EXPECT_FALSE(html::has_inline_element("a <i>b"));
  EXPECT_FALSE(html::has_inline_element("</em> before <em>"));
  EXPECT_FALSE(html::has_inline_element("<script>alert(1)</script>"));
  EXPECT_FALSE(html::has_inline_element("5 < 7 and 8 > 6"));
}

TEST(HtmlText, EstimatesNestingFromTagsAlone) {
  EXPECT_EQ(html::nesting_estimate("<html><body><div><p>a<p>b<br><img src=x><div/></div></body></html>"), 3u);
  EXPECT_EQ(html::nesting_estimate("<!-- <div><div><div> --><script>if (a<b) x('<div>')</script>"), 1u);
  EXPECT_EQ(html::nesting_estimate("no tags < at all"), 0u);
}

TEST(HtmlReader, PageWithoutTitleIsRejectedByValidation) {
  ReadBatch batch = ingest(HtmlReader(), kFile, "<html><body></body></html>", kDefaultId);
  EXPECT_TRUE(batch.releases.empty());
  ASSERT_EQ(batch.issues.size(), 1u);
  EXPECT_EQ(batch.issues[0].reason, "missing title");
}

TEST(HtmlReader, IsRegisteredForHtmlAndHtmExtensions) {
  for (const char* name : {"a.html", "a.htm", "A.HTML"}) {
    const CorpusReader* reader = reader_for(name);
    ASSERT_NE(reader, nullptr) << name;
    EXPECT_NE(dynamic_cast<const HtmlReader*>(reader), nullptr) << name;
  }
}

// ------------------------------------------------------------------ sample archive

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(HtmlReader, ReadsEverySampleReleasePageAsOneCleanRelease) {
  const std::filesystem::path web = std::filesystem::path(PRESSROOM_SOURCE_DIR) / "corpus" / "web";
  int pages = 0;
  for (const auto& entry : std::filesystem::directory_iterator(web)) {
    std::string name = entry.path().filename().string();
    if (name.rfind("newsroom-", 0) == 0) continue;
    ++pages;
    ReadBatch batch = HtmlReader().read(name, slurp(entry.path()), "web/" + name);
    ASSERT_EQ(batch.releases.size(), 1u) << name;
    const Release& r = batch.releases[0];
    EXPECT_FALSE(r.title.empty()) << name;
    EXPECT_FALSE(contains(r.title, "|")) << name << ": " << r.title;
    EXPECT_GT(r.body.size(), 500u) << name;
    for (const char* chrome : {"cookie", "Share on", "Skip to", "Newsroom", "All rights reserved", "Photo",
                               "Related releases", "Latest news", "newsletter", "Donate"})
      EXPECT_FALSE(contains(r.body, chrome)) << name << ": " << chrome;
  }
  EXPECT_GE(pages, 8);
}

// ------------------------------------------------------------------ html_text / html_url

TEST(HtmlText, ClassifiesChromeByTagRoleAndClass) {
  html::Document doc(R"(<body><nav id=n></nav><footer id=f></footer><div id=c class="cookie-consent"></div>
      <div id=s class="entry-share"></div><div id=m role="main"></div><div id=p class="entry-content"></div>
      <div id=h hidden></div><script id=x></script></body>)");
  auto by_id = [&](const char* id) {
    return html::find_first(doc.root(), [&](const GumboNode* n) { return html::attribute(n, "id") == id; });
  };
  EXPECT_EQ(html::chrome_of(by_id("n")), html::Chrome::Always);
  EXPECT_EQ(html::chrome_of(by_id("x")), html::Chrome::Always);
  EXPECT_EQ(html::chrome_of(by_id("f")), html::Chrome::Furniture);
  EXPECT_EQ(html::chrome_of(by_id("h")), html::Chrome::Furniture);
  EXPECT_EQ(html::chrome_of(by_id("c")), html::Chrome::Widget);
  EXPECT_EQ(html::chrome_of(by_id("s")), html::Chrome::Widget);
  EXPECT_EQ(html::chrome_of(by_id("m")), html::Chrome::None);
  EXPECT_EQ(html::chrome_of(by_id("p")), html::Chrome::None);
}

TEST(HtmlUrl, ResolvesReferencesAsRfc3986Says) {
  // The normal examples of RFC 3986 section 5.4.1.
  const std::string base = "http://a/b/c/d;p?q";
  struct Case {
    std::string reference, expected;
  };
  const std::vector<Case> cases = {
      {"g", "http://a/b/c/g"},           {"./g", "http://a/b/c/g"},        {"g/", "http://a/b/c/g/"},
      {"/g", "http://a/g"},              {"//g", "http://g/"},             {"?y", "http://a/b/c/d;p?y"},
      {"g?y", "http://a/b/c/g?y"},       {"#s", "http://a/b/c/d;p?q#s"},   {"g#s", "http://a/b/c/g#s"},
      {";x", "http://a/b/c/;x"},         {"", "http://a/b/c/d;p?q"},       {".", "http://a/b/c/"},
      {"..", "http://a/b/"},             {"../g", "http://a/b/g"},         {"../..", "http://a/"},
      {"../../g", "http://a/g"},         {"../../../g", "http://a/g"},     {"g.", "http://a/b/c/g."},
      {"  g \n", "http://a/b/c/g"},      {"https://other.org/x", "https://other.org/x"},
      {"mailto:press@example.org", "mailto:press@example.org"},
  };
  for (const Case& c : cases) EXPECT_EQ(resolve_url(base, c.reference), c.expected) << "'" << c.reference << "'";
}

TEST(HtmlUrl, KeepsReferencesAsWrittenWithoutAnAbsoluteBase) {
  EXPECT_EQ(resolve_url("", "/news/a"), "/news/a");
  EXPECT_EQ(resolve_url("/relative/base", "a"), "a");
}

TEST(HtmlUrl, MakesValidReleaseIdsFromUrls) {
  struct Case {
    std::string url, id;
  };
  const std::vector<Case> cases = {
      {"https://puentes.example.org/news/2020/11/18/covid/", "puentes.example.org/news/2020/11/18/covid"},
      {"https://WWW.Puentes.example.org/News/A", "puentes.example.org/News/A"},
      {"http://puentes.example.org:80/node/1182#comments", "puentes.example.org/node/1182"},
      {"https://puentes.example.org/news?p=1182&lang=es", "puentes.example.org/news-p-1182-lang-es"},
      {"https://puentes.example.org/es/noticias/ni%C3%B1os-en-la-frontera", "puentes.example.org/es/noticias/ninos-en-la-frontera"},
      {"https://puentes.example.org/a/./b/../c", "puentes.example.org/a/-/b/-/c"},
      {"https://puentes.example.org", "puentes.example.org"},
  };
  for (const Case& c : cases) {
    std::string id = id_from_url(c.url);
    EXPECT_EQ(id, c.id) << c.url;
    EXPECT_TRUE(is_valid_release_id(id)) << id;
  }
}

TEST(HtmlUrl, CutsLongIdsAndKeepsThemDistinct) {
  std::string long_path(400, 'x');
  std::string a = id_from_url("https://e.org/" + long_path + "a");
  std::string b = id_from_url("https://e.org/" + long_path + "b");
  EXPECT_LE(a.size(), 200u);
  EXPECT_NE(a, b);
  EXPECT_TRUE(is_valid_release_id(a)) << a;
}

TEST(HtmlUrl, GivesNoIdForAUrlWithoutAHost) {
  EXPECT_EQ(id_from_url("/news/a"), "");
  EXPECT_EQ(id_from_url("mailto:press@example.org"), "");
}

}  // namespace
}  // namespace pressroom
