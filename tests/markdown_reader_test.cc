// Specification of common/markdown_reader.h and common/markdown_text.h:
// Markdown news posts with YAML front matter, their body turned into the
// plain text that is indexed.
#include "common/markdown_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/ingest.h"
#include "common/markdown_text.h"

namespace pressroom {
namespace {

const std::string kFile = "news/2020/family-detention.md";
const std::string kDefaultId = "news/2020/family-detention";

ReadBatch read(const std::string& content) { return MarkdownReader().read(kFile, content, kDefaultId); }

std::string describe(const ReadBatch& batch) {
  std::string out = std::to_string(batch.releases.size()) + " releases";
  for (const Release& r : batch.releases) out += " [" + r.id + ": " + r.title + "]";
  out += "; " + std::to_string(batch.issues.size()) + " issues:";
  for (const ReadIssue& issue : batch.issues) out += " [" + issue.to_string() + "]";
  return out;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// ------------------------------------------------------------------ front matter

TEST(MarkdownReader, ReadsFrontMatterFields) {
  const std::string content =
      "---\n"
      "id: r07\n"
      "title: Family detention during the pandemic\n"
      "date: 2020-11-18\n"
      "type: Statement\n"
      "topics: [Family Detention, Public Health]\n"
      "spokespeople: [Ana Ruiz]\n"
      "location: Tucson, AZ\n"
      "url: https://example.org/r07\n"
      "lang: en\n"
      "summary: Families must be released.\n"
      "---\n"
      "Family detention during a pandemic endangers children.\n";
  ReadBatch batch = read(content);
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_TRUE(batch.issues.empty()) << describe(batch);
  const Release& r = batch.releases[0];
  EXPECT_EQ(r.id, "r07");
  EXPECT_EQ(r.title, "Family detention during the pandemic");
  EXPECT_EQ(r.date, "2020-11-18");
  EXPECT_EQ(r.type, "Statement");  // normalised later, by validation
  EXPECT_EQ(r.topics, (std::vector<std::string>{"Family Detention", "Public Health"}));
  EXPECT_EQ(r.spokespeople, (std::vector<std::string>{"Ana Ruiz"}));
  EXPECT_EQ(r.location, "Tucson, AZ");
  EXPECT_EQ(r.url, "https://example.org/r07");
  EXPECT_EQ(r.lang, "en");
  EXPECT_EQ(r.summary, "Families must be released.");
  EXPECT_EQ(r.body, "Family detention during a pandemic endangers children.");
  EXPECT_EQ(r.source, kFile);
}

TEST(MarkdownReader, ReadsBlockListTopics) {
  const std::string content =
      "---\n"
      "title: T\n"
      "date: 2020-11-18\n"
      "topics:\n"
      "  - Asylum\n"
      "  - Family Detention\n"
      "tags:\n"
      "  - Ignored because topics is present\n"
      "authors:\n"
      "  - Lucía Fernández\n"
      "  - Ana Ruiz\n"
      "---\n"
      "Body.\n";
  ReadBatch batch = read(content);
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.releases[0].topics, (std::vector<std::string>{"Asylum", "Family Detention"}));
  EXPECT_EQ(batch.releases[0].spokespeople, (std::vector<std::string>{"Lucía Fernández", "Ana Ruiz"}));
}

TEST(MarkdownReader, ReadsHugoAliasesForFields) {
  const std::string content =
      "---\n"
      "title: T\n"
      "publishDate: 2021-03-04\n"
      "categories: [Asylum]\n"
      "author: Ana Ruiz\n"
      "description: Deck text\n"
      "---\n"
      "Body.\n";
  ReadBatch batch = read(content);
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  const Release& r = batch.releases[0];
  EXPECT_EQ(r.date, "2021-03-04");
  EXPECT_EQ(r.topics, (std::vector<std::string>{"Asylum"}));
  EXPECT_EQ(r.spokespeople, (std::vector<std::string>{"Ana Ruiz"}));
  EXPECT_EQ(r.summary, "Deck text");
}

// The day a front-matter date gives once ingested ("" when it is refused).
std::string ingested_date(const std::string& date) {
  ReadBatch batch = ingest(MarkdownReader(), kFile, "---\ntitle: T\ndate: " + date + "\n---\nBody.\n", kDefaultId);
  return batch.releases.size() == 1 ? batch.releases[0].date : "";
}

TEST(MarkdownReader, DateTimeWithOffsetKeepsItsDayThroughIngest) {
  EXPECT_EQ(ingested_date("2020-11-18T23:30:00-05:00"), "2020-11-18");
}

TEST(MarkdownReader, HugoTimestampWithAOneDigitHourIsADate) {
  // As digital.gov's archive writes a seventh of its posts.
  EXPECT_EQ(ingested_date("2017-09-06 3:00:31 -0400"), "2017-09-06");
}

TEST(MarkdownReader, ReadsHugoTomlFrontMatter) {
  const std::string content =
      "+++\n"
      "title = \"Hugo post\"\n"
      "date = 2020-11-18T23:30:00-05:00\n"
      "tags = [\"Asylum\", \"Due Process\"]\n"
      "authors = [\"Ana Ruiz\"]\n"
      "draft = false\n"
      "+++\n"
      "Body text.\n";
  ReadBatch batch = ingest(MarkdownReader(), kFile, content, kDefaultId);
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  const Release& r = batch.releases[0];
  EXPECT_EQ(r.title, "Hugo post");
  EXPECT_EQ(r.date, "2020-11-18");
  EXPECT_EQ(r.topics, (std::vector<std::string>{"Asylum", "Due Process"}));
  EXPECT_EQ(r.spokespeople, (std::vector<std::string>{"Ana Ruiz"}));
  EXPECT_EQ(r.body, "Body text.");
}

TEST(MarkdownReader, ATomlDraftIsWithheld) {
  ReadBatch batch = ingest(MarkdownReader(), kFile, "+++\ntitle = \"Soon\"\ndraft = true\n+++\nBody.\n", kDefaultId);
  EXPECT_TRUE(batch.releases.empty()) << describe(batch);
  ASSERT_EQ(batch.withheld.size(), 1u);
  EXPECT_EQ(batch.withheld[0].where.reason, "draft: true");
}

TEST(MarkdownReader, ReportsInvalidTomlAtItsLineInTheFile) {
  ReadBatch batch = read("\n+++\ntitle = \"Fine\"\nbad = = 3\n+++\nBody.\n");
  EXPECT_TRUE(batch.releases.empty()) << describe(batch);
  ASSERT_EQ(batch.issues.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.issues[0].line, 4) << describe(batch);
  EXPECT_TRUE(contains(batch.issues[0].reason, "TOML")) << batch.issues[0].reason;
}

TEST(MarkdownReader, ReportsUnterminatedTomlFrontMatterNamingItsMarker) {
  ReadBatch batch = read("+++\ntitle = \"Never closed\"\n\nBody.\n");
  ASSERT_EQ(batch.issues.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.issues[0].line, 1);
  EXPECT_TRUE(contains(batch.issues[0].reason, "'+++'")) << batch.issues[0].reason;
}

TEST(MarkdownReader, AFileInWindows1252IsReadAsSuch) {
  // Saved by a legacy editor: "Declaración", and 0x96, Windows's en dash.
  ReadBatch batch = read("---\ntitle: \"Declaraci\xF3n\"\n---\nUn da\xF1o \x96 hoy.\n");
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.releases[0].title, "Declaraci\u00F3n");
  EXPECT_EQ(batch.releases[0].body, "Un da\u00F1o \u2013 hoy.");
}

TEST(MarkdownReader, AHugoDraftIsWithheld) {
  ReadBatch batch = ingest(MarkdownReader(), kFile, "---\ntitle: Kitchen sink\ndraft: true\n---\nBody.\n", kDefaultId);
  EXPECT_TRUE(batch.releases.empty()) << describe(batch);
  EXPECT_TRUE(batch.issues.empty()) << describe(batch);
  ASSERT_EQ(batch.withheld.size(), 1u);
  EXPECT_EQ(batch.withheld[0].id, kDefaultId);
  EXPECT_EQ(batch.withheld[0].where.reason, "draft: true");
}

TEST(MarkdownReader, AFutureDatedPostIsWithheldAsHugoAndJekyllWithholdIt) {
  ReadBatch batch = ingest(MarkdownReader(), kFile, "---\ntitle: Soon\ndate: 2999-01-01 09:00:00 -0500\n---\nBody.\n", kDefaultId);
  EXPECT_TRUE(batch.releases.empty()) << describe(batch);
  ASSERT_EQ(batch.withheld.size(), 1u);
  EXPECT_EQ(batch.withheld[0].where.reason, "scheduled (date: 2999-01-01)");
}

TEST(MarkdownReader, DraftFalseIsPublished) {
  ReadBatch batch = ingest(MarkdownReader(), kFile, "---\ntitle: Live\ndate: 2020-11-18\ndraft: false\n---\nBody.\n", kDefaultId);
  EXPECT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_TRUE(batch.withheld.empty());
}

TEST(MarkdownReader, AcceptsTheDotsMarkerClosingFrontMatter) {
  ReadBatch batch = read("---\ntitle: T\ndate: 2020-11-18\n...\nBody.\n");
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.releases[0].title, "T");
  EXPECT_EQ(batch.releases[0].body, "Body.");
}

TEST(MarkdownReader, AcceptsWindowsLineEndingsInFrontMatter) {
  ReadBatch batch = read("---\r\ntitle: T\r\ndate: 2020-11-18\r\n---\r\nBody.\r\n");
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.releases[0].title, "T");
  EXPECT_EQ(batch.releases[0].date, "2020-11-18");
}

TEST(MarkdownReader, SkipsAByteOrderMark) {
  ReadBatch batch = read("\xEF\xBB\xBF---\ntitle: T\ndate: 2020-11-18\n---\nBody.\n");
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.releases[0].title, "T");
}

TEST(MarkdownReader, ReadsFrontMatterAfterBlankLines) {
  // Hugo publishes such files; digital.gov's archive has some.
  ReadBatch batch = read("\n \n---\ntitle: After blank lines\ndate: 2016-02-08 11:00:00 -0400\n---\nBody.\n");
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.releases[0].title, "After blank lines");
  EXPECT_FALSE(contains(batch.releases[0].body, "title")) << batch.releases[0].body;
}

TEST(MarkdownReader, ReportsInvalidYamlAfterBlankLinesAtItsLineInTheFile) {
  ReadBatch batch = read("\n\n---\ntitle: Fine\nbad: x: y\n---\nBody.\n");
  ASSERT_EQ(batch.issues.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.issues[0].line, 5) << describe(batch);
}

TEST(MarkdownReader, ReportsFrontMatterWhoseAliasHoldsItselfAndGoesOn) {
  ReadBatch batch = read("---\ntitle: &t [*t, *t]\n---\nBody\n");
  EXPECT_TRUE(batch.releases.empty()) << describe(batch);
  ASSERT_EQ(batch.issues.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.issues[0].line, 2);
  EXPECT_NE(batch.issues[0].reason.find("alias inside its own anchor"), std::string::npos) << describe(batch);
}

TEST(MarkdownReader, ReportsFrontMatterWhoseAliasesDoubleAtEachLevel) {
  std::string yaml = "---\ntitle: T\na0: &a0 [x, x]\n";
  for (int i = 1; i < 40; ++i) {
    std::string n = std::to_string(i), before = std::to_string(i - 1);
    yaml.append("a").append(n).append(": &a").append(n).append(" [*a").append(before);
    yaml.append(", *a").append(before).append("]\n");
  }
  ReadBatch batch = read(yaml + "---\nBody\n");
  EXPECT_TRUE(batch.releases.empty()) << describe(batch);
  ASSERT_EQ(batch.issues.size(), 1u) << describe(batch);
}

TEST(MarkdownReader, UsesTheFrontMatterIdOverTheDefault) {
  ReadBatch batch = read("---\nid: custom/id\ntitle: T\n---\nBody.\n");
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.releases[0].id, "custom/id");
}

TEST(MarkdownReader, UsesTheDefaultIdWithoutAnIdField) {
  ReadBatch batch = read("---\ntitle: T\ndate: 2020-11-18\n---\nBody.\n");
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.releases[0].id, kDefaultId);
}

// ---------------------------------------------------------------------- issues

TEST(MarkdownReader, ReportsUnterminatedFrontMatterAtLineOne) {
  ReadBatch batch = read("---\ntitle: Never closed\ndate: 2020-11-18\n\nBody text.\n");
  EXPECT_TRUE(batch.releases.empty()) << describe(batch);
  ASSERT_EQ(batch.issues.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.issues[0].file, kFile);
  EXPECT_EQ(batch.issues[0].line, 1);
}

TEST(MarkdownReader, ReportsInvalidYamlAtItsLineInTheFile) {
  const std::string content =
      "---\n"                  // 1
      "title: Fine\n"          // 2
      "date: 2020-11-18\n"     // 3
      "bad: x: y\n"            // 4  ← a mapping value where none may stand
      "---\n"                  // 5
      "Body.\n";
  ReadBatch batch = read(content);
  EXPECT_TRUE(batch.releases.empty()) << describe(batch);
  ASSERT_EQ(batch.issues.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.issues[0].line, 4) << describe(batch);
  EXPECT_NE(batch.issues[0].reason.find("YAML"), std::string::npos) << batch.issues[0].reason;
}

TEST(MarkdownReader, ReportsFrontMatterThatIsNotAMapping) {
  ReadBatch batch = read("---\n- just\n- a list\n---\nBody.\n");
  EXPECT_TRUE(batch.releases.empty()) << describe(batch);
  ASSERT_EQ(batch.issues.size(), 1u) << describe(batch);
  EXPECT_GE(batch.issues[0].line, 1);
}

TEST(MarkdownReader, ReportsAWronglyTypedField) {
  ReadBatch batch = read("---\ntitle: T\ntopics:\n  - [nested, list]\n---\nBody.\n");
  EXPECT_TRUE(batch.releases.empty()) << describe(batch);
  ASSERT_EQ(batch.issues.size(), 1u) << describe(batch);
  EXPECT_NE(batch.issues[0].reason.find("topics"), std::string::npos) << batch.issues[0].reason;
}

TEST(MarkdownReader, NeverThrowsForMalformedInput) {
  for (const std::string content : {"", "---", "---\n", "---\n---", "\n\n\n", "---\n: : :\n---\n", "{{<",
                                    "---\ntitle: [\n---\n"}) {
    EXPECT_NO_THROW(read(content)) << "'" << content << "'";
  }
}

// ------------------------------------------------------------- title from body

TEST(MarkdownReader, WithoutFrontMatterTakesTheTitleFromTheFirstHeading) {
  ReadBatch batch = read("Intro line.\n\n# Families Held at Dilley\n\nMothers remain detained.\n\n# Second\n");
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  const Release& r = batch.releases[0];
  EXPECT_EQ(r.title, "Families Held at Dilley");
  EXPECT_EQ(r.id, kDefaultId);
  ASSERT_TRUE(r.provenance.count("title"));
  EXPECT_EQ(r.provenance.at("title"), Provenance::Extracted);
}

TEST(MarkdownReader, AHashLineInsideACodeBlockIsNotAHeading) {
  const std::string content =
      "Install the tool:\n"
      "\n"
      "```sh\n"
      "# run as root\n"
      "make install\n"
      "```\n"
      "\n"
      "# Families Held at Dilley\n";
  ReadBatch batch = read(content);
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.releases[0].title, "Families Held at Dilley");
}

TEST(MarkdownReader, TheHeadingTitleLeavesOutClosingHashes) {
  ReadBatch batch = read("# Families Held at Dilley ##\n\nBody.\n");
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.releases[0].title, "Families Held at Dilley");
}

TEST(MarkdownReader, ASetextLevelOneHeadingIsATitle) {
  ReadBatch batch = read("Families Held at Dilley\n=======================\n\nBody.\n");
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.releases[0].title, "Families Held at Dilley");
}

TEST(MarkdownReader, TheHeadingTitleIsPlainText) {
  ReadBatch batch = read("# Families *held* at [Dilley](https://example.org)\n\nBody.\n");
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.releases[0].title, "Families held at Dilley");
}

TEST(MarkdownReader, FrontMatterWithoutTitleAlsoTakesTheFirstHeading) {
  ReadBatch batch = read("---\ndate: 2020-11-18\n---\n## Not level one\n\n# The Title\n\nBody.\n");
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.releases[0].title, "The Title");
}

TEST(MarkdownReader, AFrontMatterTitleWinsOverTheHeading) {
  ReadBatch batch = read("---\ntitle: From front matter\n---\n# From heading\n\nBody.\n");
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.releases[0].title, "From front matter");
}

TEST(MarkdownReader, IngestRejectsAFileWithNeitherTitleNorHeading) {
  ReadBatch batch = ingest(MarkdownReader(), kFile, "---\ndate: 2020-11-18\n---\nJust a body.\n", kDefaultId);
  EXPECT_TRUE(batch.releases.empty()) << describe(batch);
  ASSERT_EQ(batch.issues.size(), 1u) << describe(batch);
  EXPECT_NE(batch.issues[0].reason.find("title"), std::string::npos) << batch.issues[0].reason;
}

// ------------------------------------------------------------- body conversion

TEST(MarkdownText, KeepsHeadingTextWithoutMarkers) {
  std::string text = markdown_to_text("# Main heading\n\n## Sub heading\n\nParagraph.\n");
  EXPECT_EQ(text, "Main heading\n\nSub heading\n\nParagraph.");
}

TEST(MarkdownText, DropsEmphasisMarkers) {
  std::string text = markdown_to_text("Some *emphasis*, **strong** and _underscored_ words.");
  EXPECT_EQ(text, "Some emphasis, strong and underscored words.");
}

TEST(MarkdownText, KeepsLinkTextButNotTheUrl) {
  std::string text = markdown_to_text("Read [our report](https://example.org/report.pdf \"Report\") today.");
  EXPECT_EQ(text, "Read our report today.");
  EXPECT_FALSE(contains(text, "example.org")) << text;
}

TEST(MarkdownText, KeepsTheTextOfReferenceLinks) {
  std::string text = markdown_to_text("See [the letter][1].\n\n[1]: https://example.org/letter\n");
  EXPECT_EQ(text, "See the letter.");
}

TEST(MarkdownText, DropsImagesAndTheirAltText) {
  std::string text = markdown_to_text("Before ![a protest photo](img/protest.jpg \"Photo\") after.");
  EXPECT_FALSE(contains(text, "protest")) << text;
  EXPECT_FALSE(contains(text, "img/")) << text;
  EXPECT_TRUE(contains(text, "Before")) << text;
  EXPECT_TRUE(contains(text, "after.")) << text;
}

TEST(MarkdownText, RemovesHugoShortcodes) {
  std::string text = markdown_to_text("Intro.\n\n{{< img src=\"x.jpg\" alt=\"secret alt\" >}}\n\nOutro {{% note %}}.\n");
  EXPECT_FALSE(contains(text, "img")) << text;
  EXPECT_FALSE(contains(text, "x.jpg")) << text;
  EXPECT_FALSE(contains(text, "secret")) << text;
  EXPECT_FALSE(contains(text, "{{")) << text;
  EXPECT_FALSE(contains(text, "note")) << text;
  EXPECT_TRUE(contains(text, "Intro.")) << text;
  EXPECT_TRUE(contains(text, "Outro")) << text;
}

TEST(MarkdownText, KeepsTheInnerTextOfPairedShortcodes) {
  std::string text = markdown_to_text("{{< callout >}}Call the hotline.{{< /callout >}}\n");
  EXPECT_EQ(text, "Call the hotline.");
}

TEST(MarkdownText, RemovesJekyllTags) {
  std::string text = markdown_to_text("Before {% include figure.html src=\"a.png\" %} after.");
  EXPECT_EQ(text, "Before after.");
}

TEST(MarkdownText, DropsInlineHtmlTagsButKeepsTheirText) {
  std::string text = markdown_to_text("A <span class=\"hl\">highlighted</span> word<br/>and <b>bold</b>.");
  EXPECT_FALSE(contains(text, "<")) << text;
  EXPECT_FALSE(contains(text, "span")) << text;
  EXPECT_FALSE(contains(text, "class")) << text;
  EXPECT_TRUE(contains(text, "highlighted")) << text;
  EXPECT_TRUE(contains(text, "bold")) << text;
}

TEST(MarkdownText, KeepsTheTextOfBlockLevelHtmlButNotItsTags) {
  // Inline tags lose their markup and keep their words; a paragraph written
  // as an HTML block must do the same, or its words cannot be found.
  std::string text = markdown_to_text("Intro.\n\n<p>Families remain detained.</p>\n\n"
                                      "<div class=\"callout\">\nCall the hotline.\n</div>\n\nEnd.\n");
  EXPECT_TRUE(contains(text, "Families remain detained.")) << text;
  EXPECT_TRUE(contains(text, "Call the hotline.")) << text;
  EXPECT_FALSE(contains(text, "<")) << text;
  EXPECT_FALSE(contains(text, "callout")) << text;
}

TEST(MarkdownText, DropsHtmlCommentsAndScripts) {
  std::string text = markdown_to_text("Para one.\n\n<!-- editor note -->\n\n<script>track();</script>\n\nPara two.\n");
  EXPECT_EQ(text, "Para one.\n\nPara two.");
}

TEST(MarkdownText, SeparatesParagraphsAndListItemsByBlankLines) {
  std::string text = markdown_to_text("First line\nsame paragraph.\n\n- item one\n- item two\n\n> quoted\n");
  EXPECT_EQ(text, "First line same paragraph.\n\nitem one\n\nitem two\n\nquoted");
}

TEST(MarkdownText, KeepsCodeText) {
  std::string text = markdown_to_text("Call `555-0100` now.");
  EXPECT_EQ(text, "Call 555-0100 now.");
}

TEST(MarkdownText, ReadsIndentedHtmlAsHtmlNotCode) {
  // A pasted WordPress page: after the blank line CommonMark sees code.
  std::string text = markdown_to_text("<ul>\n  <li>One</li>\n</ul>\n\n    <p>\n      <strong>Rules</strong> apply.\n    </p>\n");
  EXPECT_FALSE(contains(text, "<")) << text;
  EXPECT_TRUE(contains(text, "Rules apply.")) << text;
}

TEST(MarkdownText, KeepsTheTagsOfAFencedHtmlExample) {
  std::string text = markdown_to_text("Add this:\n\n```\n<script src=\"/js/a.js\"></script>\n```\n");
  EXPECT_TRUE(contains(text, "<script src=\"/js/a.js\"></script>")) << text;
}

TEST(MarkdownText, KeepsAnIndentedCodeBlockThatIsNotHtml) {
  std::string text = markdown_to_text("Run:\n\n    make install\n");
  EXPECT_TRUE(contains(text, "make install")) << text;
}

TEST(MarkdownText, ReadsAListItemsParagraphIndentedByFourSpacesAsText) {
  // Markdown.pl continues an item with a paragraph indented four spaces;
  // CommonMark, wanting the item's content column, would read it as code.
  std::string text = markdown_to_text(
      "  1. **Promote the clinic.**\n  \n    Start with a &#8220;save the date&#8221; note to "
      "[partners](https://example.org/p) two weeks before.\n  2. **Staff it.**\n");
  EXPECT_TRUE(contains(text, "Start with a \u201Csave the date\u201D note to partners two weeks before.")) << text;
  EXPECT_FALSE(contains(text, "&#8220;")) << text;
  EXPECT_FALSE(contains(text, "example.org")) << text;
  EXPECT_TRUE(contains(text, "Staff it.")) << text;
}

TEST(MarkdownText, KeepsAFencedCodeBlockAfterAListAsCode) {
  std::string text = markdown_to_text("- Install it:\n\n```\necho &amp; [x](y)\n```\n");
  EXPECT_TRUE(contains(text, "echo &amp; [x](y)")) << text;
}

TEST(MarkdownText, ALinkWhoseAddressIsAShortcodeKeepsItsTextOnly) {
  // Hugo links a post by a shortcode: `[text]({{< ref "post.md" >}} "Title")`.
  for (const char* link : {"[our guide]({{< ref \"/guides/a.md\" >}} \"The Guide\")",
                           "[our guide]({{< ref \"/guides/a.md\" >}}\"The Guide\")",
                           "[our guide]({{< ref \"/guides/a.md\" >}} \xE2\x80\x9CThe Guide\xE2\x80\x9D)",
                           "[our guide]({{< ref \"/guides/a.md\" >}})"}) {
    std::string text = markdown_to_text(std::string("Read ") + link + " first.");
    EXPECT_EQ(text, "Read our guide first.") << link;
  }
}

TEST(MarkdownText, ALinkWhoseAddressHasSpacesKeepsItsTextOnly) {
  std::string text = markdown_to_text("[Write to us](mailto:press@example.org?subject=Clinic hours) or "
                                      "[read the plan](https://example.org/the plan.pdf).");
  EXPECT_EQ(text, "Write to us or read the plan.");
}

TEST(MarkdownText, CodeShowingALinkWithSpacesIsKeptAsWritten) {
  std::string text = markdown_to_text("Write `[the plan](https://example.org/the plan.pdf)` for a link.\n\n"
                                      "```\n[Write to us](mailto:press@example.org?subject=Clinic hours)\n```\n\n"
                                      "Or [read it](https://example.org/a b.pdf).");
  EXPECT_NE(text.find("[the plan](https://example.org/the plan.pdf)"), std::string::npos) << text;
  EXPECT_NE(text.find("[Write to us](mailto:press@example.org?subject=Clinic hours)"), std::string::npos) << text;
  EXPECT_EQ(text.find("%20"), std::string::npos) << text;
  EXPECT_NE(text.find("Or read it."), std::string::npos) << text;
}

TEST(MarkdownText, ACodeSpanOpeningALineIsCodeToo) {
  std::string text = markdown_to_text("`[a](https://example.org/a b)` shows a link.");
  EXPECT_EQ(text.find("%20"), std::string::npos) << text;
  EXPECT_NE(text.find("[a](https://example.org/a b)"), std::string::npos) << text;
}

TEST(MarkdownText, AFenceClosedOnACrlfLineEndsTheCode) {
  std::string text = markdown_to_text("```\r\ncode\r\n```\r\n\r\nSee [the plan](https://example.org/the plan.pdf).\r\n");
  EXPECT_NE(text.find("See the plan."), std::string::npos) << text;
}

TEST(MarkdownText, BackticksWithBackticksAfterThemOpenNoFence) {
  // "```x``` …" is a code span in CommonMark, not a fence left open to the end.
  std::string text = markdown_to_text("```x``` and [the plan](https://example.org/the plan.pdf).");
  EXPECT_NE(text.find("and the plan."), std::string::npos) << text;
}

TEST(MarkdownText, DropsBoldMarkersCommonMarkCouldNotPair) {
  EXPECT_EQ(markdown_to_text("**Good for small vendors\n\n**\n\nThe rules are simpler."),
            "Good for small vendors\n\nThe rules are simpler.");
  EXPECT_EQ(markdown_to_text("Ana Ruiz is the director and** Jonah Feld** is the analyst."),
            "Ana Ruiz is the director and Jonah Feld is the analyst.");
  EXPECT_EQ(markdown_to_text("Rated 5 * of 5, with `a**b` in code."), "Rated 5 * of 5, with a**b in code.");
}

TEST(MarkdownText, DropsAHeadingsAttributeList) {
  EXPECT_EQ(markdown_to_text("## Contact {#toc5}\n\nCall us.\n\n### Notes {.wide}\n"), "Contact\n\nCall us.\n\nNotes");
  EXPECT_EQ(markdown_to_text("## Sets like {a, b}\n"), "Sets like {a, b}");
  EXPECT_EQ(first_heading("# Clinic hours {#hours}\n\nText."), "Clinic hours");
}

TEST(MarkdownText, DeeplyNestedListContinuationsEndAsCode) {
  // Each level a list item, then its next level indented four more spaces:
  // read as text a few levels deep, then as code, never parsed again and again.
  std::string markdown;
  for (int level = 0; level < 300; ++level)
    markdown += std::string(static_cast<size_t>(level) * 4, ' ') + "- level " + std::to_string(level) + "\n\n";
  std::string text = markdown_to_text(markdown);
  EXPECT_TRUE(contains(text, "level 0")) << text.substr(0, 200);
  EXPECT_TRUE(contains(text, "level 299")) << text.substr(text.size() > 200 ? text.size() - 200 : 0);
}

TEST(MarkdownReader, ConvertsTheBodyToPlainText) {
  const std::string content =
      "---\n"
      "title: T\n"
      "---\n"
      "# Heading\n"
      "\n"
      "Read **the** [report](https://example.org/r.pdf). ![chart](c.png)\n"
      "{{< img src=\"x\" >}}\n";
  ReadBatch batch = read(content);
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.releases[0].body, "Heading\n\nRead the report.");
}

}  // namespace
}  // namespace pressroom
