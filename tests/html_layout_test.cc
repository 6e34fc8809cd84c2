// The formatting helpers every page uses.
#include "server/html_layout.h"

#include <gtest/gtest.h>

#include "server/xml_text.h"

namespace pressroom {
namespace {

TEST(HtmlLayout, FormatsDatesForReaders) {
  EXPECT_EQ(long_date("2020-11-18"), "18 November 2020");
  EXPECT_EQ(long_date("2020-01-05"), "5 January 2020");
  EXPECT_EQ(long_date("2020-11"), "November 2020");
  EXPECT_EQ(long_date("2020"), "2020");
  EXPECT_EQ(long_date("2020-13-01"), "2020-13-01");
  EXPECT_EQ(long_date("soon"), "soon");
}

TEST(HtmlLayout, LabelsTypesAndCounts) {
  EXPECT_EQ(type_label("press-release"), "Press release");
  EXPECT_EQ(type_label("media-advisory"), "Media advisory");
  EXPECT_EQ(type_label("op-ed"), "Op-ed");
  EXPECT_EQ(type_label("testimony"), "Testimony");
  EXPECT_EQ(thousands(0), "0");
  EXPECT_EQ(thousands(999), "999");
  EXPECT_EQ(thousands(1234567), "1,234,567");
  EXPECT_EQ(count_noun(1, "release", "releases"), "1 release");
  EXPECT_EQ(count_noun(1200, "release", "releases"), "1,200 releases");
}

TEST(HtmlLayout, AQuotedPhraseIsQuotedOnceInHeadings) {
  EXPECT_EQ(quotable_query("\"family detention\""), "family detention");
  EXPECT_EQ(quotable_query("family detention"), "family detention");
  EXPECT_EQ(quotable_query("\"family\" OR \"detention\""), "\"family\" OR \"detention\"");  // two phrases
  EXPECT_EQ(quotable_query("\""), "\"");
}

TEST(HtmlLayout, EscapesTextAndAttributes) {
  EXPECT_EQ(esc("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  EXPECT_EQ(attr("title", "\"><script>"), " title=\"&quot;&gt;&lt;script&gt;\"");
  EXPECT_EQ(release_path("news/2020/a b"), "/releases/news/2020/a%20b");
}

TEST(XmlText, EscapesAndDropsWhatXmlCannotCarry) {
  EXPECT_EQ(xml_escape("<a> & \"b\" 'c'"), "&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos;");
  EXPECT_EQ(xml_escape(std::string("a\x01\x08\x0b\x0c\x1f" "b\tc\nd\re", 14)), "ab\tc\nd\re");
  EXPECT_EQ(xml_escape("x\xEF\xBF\xBEy\xEF\xBF\xBFz\xEF\xBF\xBD"), "xyz\xEF\xBF\xBD");  // U+FFFE, U+FFFF gone; U+FFFD kept
  EXPECT_EQ(rfc3339_day("2020-11-18"), "2020-11-18T00:00:00Z");
}

}  // namespace
}  // namespace pressroom
