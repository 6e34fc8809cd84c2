// Specification of common/jsonl_reader.h: one release per line, a bad line is
// reported at its line number and never stops the rest of the file.
#include "common/jsonl_reader.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "common/ingest.h"

namespace pressroom {
namespace {

const std::string kFile = "exports/cms.jsonl";
const std::string kDefaultId = "exports/cms";

ReadBatch read(const std::string& content) { return JsonLinesReader().read(kFile, content, kDefaultId); }

std::string describe(const ReadBatch& batch) {
  std::string out = std::to_string(batch.releases.size()) + " releases:";
  for (const Release& r : batch.releases) out += " [" + r.id + " @" + std::to_string(r.source_line) + "]";
  out += "; " + std::to_string(batch.issues.size()) + " issues:";
  for (const ReadIssue& issue : batch.issues) out += " [" + issue.to_string() + "]";
  return out;
}

TEST(JsonLinesReader, ReadsOneReleasePerLine) {
  const std::string content =
      R"({"id":"r01","title":"First","date":"2020-01-02","type":"statement","topics":["Asylum"],"spokespeople":["Ana Ruiz"],"body":"Text one."})"
      "\n"
      R"({"id":"r02","title":"Second","date":"2021-03-04","location":"Tucson","url":"https://example.org/r02","lang":"es","summary":"S","contacts":["press@example.org"]})"
      "\n";
  ReadBatch batch = read(content);
  ASSERT_EQ(batch.releases.size(), 2u) << describe(batch);
  EXPECT_TRUE(batch.issues.empty()) << describe(batch);

  const Release& a = batch.releases[0];
  EXPECT_EQ(a.id, "r01");
  EXPECT_EQ(a.title, "First");
  EXPECT_EQ(a.date, "2020-01-02");
  EXPECT_EQ(a.type, "statement");
  EXPECT_EQ(a.topics, (std::vector<std::string>{"Asylum"}));
  EXPECT_EQ(a.spokespeople, (std::vector<std::string>{"Ana Ruiz"}));
  EXPECT_EQ(a.body, "Text one.");

  const Release& b = batch.releases[1];
  EXPECT_EQ(b.id, "r02");
  EXPECT_EQ(b.location, "Tucson");
  EXPECT_EQ(b.url, "https://example.org/r02");
  EXPECT_EQ(b.lang, "es");
  EXPECT_EQ(b.summary, "S");
  EXPECT_EQ(b.contacts, (std::vector<std::string>{"press@example.org"}));
}

TEST(JsonLinesReader, RecordsSourceFileAndLine) {
  ReadBatch batch = read("{\"id\":\"a\",\"title\":\"A\"}\n{\"id\":\"b\",\"title\":\"B\"}\n");
  ASSERT_EQ(batch.releases.size(), 2u) << describe(batch);
  EXPECT_EQ(batch.releases[0].source, kFile);
  EXPECT_EQ(batch.releases[0].source_line, 1);
  EXPECT_EQ(batch.releases[1].source_line, 2);
}

TEST(JsonLinesReader, MarksFieldsGivenByTheSourceAsSourceProvenance) {
  ReadBatch batch = read(R"({"id":"a","title":"A","topics":["Asylum"]})");
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  const auto& provenance = batch.releases[0].provenance;
  for (const char* field : {"title", "topics"}) {
    ASSERT_TRUE(provenance.count(field)) << field;
    EXPECT_EQ(provenance.at(field), Provenance::Source) << field;
  }
}

TEST(JsonLinesReader, ReadsALastLineWithoutNewline) {
  ReadBatch batch = read("{\"id\":\"a\",\"title\":\"A\"}\n{\"id\":\"b\",\"title\":\"B\"}");
  ASSERT_EQ(batch.releases.size(), 2u) << describe(batch);
  EXPECT_EQ(batch.releases[1].id, "b");
}

TEST(JsonLinesReader, ReadsWindowsLineEndings) {
  ReadBatch batch = read("{\"id\":\"a\",\"title\":\"A\"}\r\n{\"id\":\"b\",\"title\":\"B\"}\r\n");
  ASSERT_EQ(batch.releases.size(), 2u) << describe(batch);
  EXPECT_TRUE(batch.issues.empty()) << describe(batch);
  EXPECT_EQ(batch.releases[1].title, "B");
}

TEST(JsonLinesReader, SkipsBlankLinesButCountsThem) {
  ReadBatch batch = read("\n{\"id\":\"a\",\"title\":\"A\"}\n   \n\t\r\n\n{\"id\":\"b\",\"title\":\"B\"}\n\n");
  ASSERT_EQ(batch.releases.size(), 2u) << describe(batch);
  EXPECT_TRUE(batch.issues.empty()) << describe(batch);
  EXPECT_EQ(batch.releases[0].source_line, 2);
  EXPECT_EQ(batch.releases[1].source_line, 6);
}

TEST(JsonLinesReader, ReportsInvalidJsonAtItsLineAndReadsTheFollowingLines) {
  const std::string content =
      "{\"id\":\"a\",\"title\":\"A\"}\n"
      "{\"id\":\"b\",\"title\": oops}\n"
      "{\"id\":\"c\",\"title\":\"C\"}\n"
      "{\"id\":\"d\",\n"
      "{\"id\":\"e\",\"title\":\"E\"}\n";
  ReadBatch batch = read(content);
  ASSERT_EQ(batch.issues.size(), 2u) << describe(batch);
  EXPECT_EQ(batch.issues[0].line, 2) << describe(batch);
  EXPECT_EQ(batch.issues[0].file, kFile);
  EXPECT_NE(batch.issues[0].reason.find("JSON"), std::string::npos) << batch.issues[0].reason;
  EXPECT_EQ(batch.issues[1].line, 4) << describe(batch);
  ASSERT_EQ(batch.releases.size(), 3u) << describe(batch);
  EXPECT_EQ(batch.releases[0].id, "a");
  EXPECT_EQ(batch.releases[1].id, "c");
  EXPECT_EQ(batch.releases[2].id, "e");
  EXPECT_EQ(batch.releases[2].source_line, 5);
}

TEST(JsonLinesReader, IssueNamesFileAndLine) {
  ReadBatch batch = read("{\"id\":\"a\",\"title\":\"A\"}\nnot json\n");
  ASSERT_EQ(batch.issues.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.issues[0].to_string().rfind(kFile + ":2: ", 0), 0u) << batch.issues[0].to_string();
}

TEST(JsonLinesReader, ReportsALineThatIsNotAnObject) {
  for (const std::string line : {"[1, 2, 3]", "\"just a string\"", "42", "null", "true"}) {
    ReadBatch batch = read("{\"id\":\"a\",\"title\":\"A\"}\n" + line + "\n{\"id\":\"c\",\"title\":\"C\"}\n");
    ASSERT_EQ(batch.issues.size(), 1u) << line << ": " << describe(batch);
    EXPECT_EQ(batch.issues[0].line, 2) << line;
    EXPECT_NE(batch.issues[0].reason.find("object"), std::string::npos) << line << ": " << batch.issues[0].reason;
    EXPECT_EQ(batch.releases.size(), 2u) << line << ": " << describe(batch);
  }
}

TEST(JsonLinesReader, ReportsAWronglyTypedListFieldNamingTheField) {
  ReadBatch batch = read(R"({"id":"a","title":"A","topics":{"id":7}})");
  EXPECT_TRUE(batch.releases.empty()) << describe(batch);
  ASSERT_EQ(batch.issues.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.issues[0].line, 1);
  EXPECT_NE(batch.issues[0].reason.find("topics"), std::string::npos) << batch.issues[0].reason;
}

TEST(JsonLinesReader, ReportsAListOfObjectsWithoutNamesAsWronglyTyped) {
  ReadBatch batch = read(R"({"id":"a","title":"A","spokespeople":[{"id":3}]})");
  EXPECT_TRUE(batch.releases.empty()) << describe(batch);
  ASSERT_EQ(batch.issues.size(), 1u) << describe(batch);
  EXPECT_NE(batch.issues[0].reason.find("spokespeople"), std::string::npos) << batch.issues[0].reason;
}

TEST(JsonLinesReader, ReadsTheNamesOfObjectsInListFields) {
  // As Ghost exports tags and authors.
  ReadBatch batch = read(R"({"id":"a","title":"A","tags":[{"name":"Asylum","slug":"asylum"}],)"
                         R"("authors":[{"name":"Ana Ruiz","slug":"ana"}]})");
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.releases[0].topics, (std::vector<std::string>{"Asylum"}));
  EXPECT_EQ(batch.releases[0].spokespeople, (std::vector<std::string>{"Ana Ruiz"}));
}

TEST(JsonLinesReader, LeavesOutTheNumericReferencesOfAWordPressExport) {
  // WordPress's REST API gives term and user ids, not names.
  ReadBatch batch = read(R"({"id":"a","title":"A","categories":[12,15],"author":3})");
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_TRUE(batch.releases[0].topics.empty());
  EXPECT_TRUE(batch.releases[0].spokespeople.empty());
}

TEST(JsonLinesReader, ReportsATextFieldGivenAsAList) {
  ReadBatch batch = read(R"({"id":"a","title":["A","B"]})");
  EXPECT_TRUE(batch.releases.empty()) << describe(batch);
  ASSERT_EQ(batch.issues.size(), 1u) << describe(batch);
  EXPECT_NE(batch.issues[0].reason.find("title"), std::string::npos) << batch.issues[0].reason;
}

TEST(JsonLinesReader, AcceptsASingleStringForAListField) {
  ReadBatch batch = read(R"({"id":"a","title":"A","topics":"Asylum","spokespeople":"Ana Ruiz"})");
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.releases[0].topics, (std::vector<std::string>{"Asylum"}));
  EXPECT_EQ(batch.releases[0].spokespeople, (std::vector<std::string>{"Ana Ruiz"}));
}

TEST(JsonLinesReader, ReadsFieldAliases) {
  const std::string content =
      R"({"id":"a","title":"A","published":"2020-01-02","kind":"report","tags":["Asylum","Due Process"],)"
      R"("author":"Ana Ruiz","dateline":"Tucson","link":"https://example.org/a","language":"es",)"
      R"("description":"Short","content":"Body text"})";
  ReadBatch batch = read(content);
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  const Release& r = batch.releases[0];
  EXPECT_EQ(r.date, "2020-01-02");
  EXPECT_EQ(r.type, "report");
  EXPECT_EQ(r.topics, (std::vector<std::string>{"Asylum", "Due Process"}));
  EXPECT_EQ(r.spokespeople, (std::vector<std::string>{"Ana Ruiz"}));
  EXPECT_EQ(r.location, "Tucson");
  EXPECT_EQ(r.url, "https://example.org/a");
  EXPECT_EQ(r.lang, "es");
  EXPECT_EQ(r.summary, "Short");
  EXPECT_EQ(r.body, "Body text");
}

TEST(JsonLinesReader, ReadsTheDateFieldsOfCmsExports) {
  const std::string content =
      R"({"id":"a","title":"A","datePublished":"2020-11-18T10:00:00-05:00"})" "\n"
      R"({"id":"b","title":"B","published_at":"2020-11-18 9:00:00"})" "\n"
      R"({"id":"c","title":"C","pubDate":"Wed, 18 Nov 2020 10:00:00 -0500"})" "\n"
      R"({"id":"d","title":"D","post_date":1605700800})" "\n";
  ReadBatch batch = ingest(JsonLinesReader(), kFile, content, kDefaultId);
  ASSERT_EQ(batch.releases.size(), 4u) << describe(batch);
  for (const Release& r : batch.releases) EXPECT_EQ(r.date, "2020-11-18") << r.id;
}

TEST(JsonLinesReader, ReadsAWordPressRestExport) {
  const std::string content =
      R"({"id":101,"date":"2020-11-18T10:00:00","link":"https://example.org/2020/11/18/statement/",)"
      R"("title":{"rendered":"Statement on detention &#8211; Puentes"},)"
      R"("content":{"rendered":"<p>Families remain in detention.</p>\n<p>We call for release&nbsp;now.</p>","protected":false},)"
      R"("excerpt":{"rendered":"<p>Families remain.</p>\n"}})";
  ReadBatch batch = read(content);
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  const Release& r = batch.releases[0];
  EXPECT_EQ(r.id, "101");
  EXPECT_EQ(r.title, "Statement on detention \u2013 Puentes");
  EXPECT_EQ(r.body, "Families remain in detention.\n\nWe call for release now.");
  EXPECT_EQ(r.summary, "Families remain.");
  EXPECT_EQ(r.url, "https://example.org/2020/11/18/statement/");
}

TEST(JsonLinesReader, ARenderedTitleLosesItsInlineTags) {
  ReadBatch batch = read(R"({"id":"a","title":{"rendered":"<em>Flores</em> settlement &#8211; update"},"body":"B"})");
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.releases[0].title, "Flores settlement \u2013 update");
}

TEST(JsonLinesReader, APlainTitleWithAnInlineElementLosesItsTags) {
  ReadBatch batch = read(R"({"id":"a","title":"<em>Flores</em> settlement &#8211; <a href=\"/x\">update</a>","body":"B"})");
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.releases[0].title, "Flores settlement \u2013 update");
}

TEST(JsonLinesReader, APlainBodyWithAnInlineElementKeepsItsParagraphs) {
  ReadBatch batch = read(R"({"id":"a","title":"T","body":"First.\n\nSecond, see <a href=x>report</a>."})");
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.releases[0].body, "First.\n\nSecond, see <a href=x>report</a>.");
}

TEST(JsonLinesReader, ADrupalPlainTextValueKeepsWhatLooksLikeTags) {
  ReadBatch batch = read(R"({"id":"a","title":{"value":"Reply to <jsmith@example.org>","format":"plain_text"},"body":"B"})");
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.releases[0].title, "Reply to <jsmith@example.org>");
}

TEST(JsonLinesReader, ReadsADrupalValueObject) {
  ReadBatch batch = read(R"({"id":"n1","title":"T","body":{"value":"<p>One</p><p>Two</p>","format":"full_html"}})");
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.releases[0].body, "One\n\nTwo");
}

TEST(JsonLinesReader, AnHtmlBodyBecomesParagraphsOfText) {
  ReadBatch batch = read(R"({"id":"a","title":"T","body":"<h2>Update</h2><p>Costs &amp; fees rose.<br>Again.</p><ul><li>One</li></ul>"})");
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.releases[0].body, "Update\n\nCosts & fees rose.\n\nAgain.\n\nOne");
}

TEST(JsonLinesReader, APlainTextBodyWithSymbolsIsLeftAsItIs) {
  const std::string body = "Fees rose 5 < 7 at AT&T; R&D <- costs.\n\nSecond paragraph.";
  ReadBatch batch = read(R"({"id":"a","title":"T","body":")" + std::string("Fees rose 5 < 7 at AT&T; R&D <- costs.\\n\\nSecond paragraph.") + R"("})");
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.releases[0].body, body);
}

TEST(JsonLinesReader, AStrayTagInPlainTextStaysText) {
  ReadBatch batch = read(R"({"id":"a","title":"<script>alert(1)</script> & more","body":"Use <img src=x> here."})");
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.releases[0].title, "<script>alert(1)</script> & more");
  EXPECT_EQ(batch.releases[0].body, "Use <img src=x> here.");
}

TEST(JsonLinesReader, CharacterReferencesAreDecodedAndParagraphsKept) {
  ReadBatch batch = read(R"({"id":"a","title":"Fees &amp; costs","body":"Costs &amp; fees.\n\nSecond &#8211; third <b."})");
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.releases[0].title, "Fees & costs");
  EXPECT_EQ(batch.releases[0].body, "Costs & fees.\n\nSecond \u2013 third <b.");
}

TEST(JsonLinesReader, UnpublishedRecordsOfCmsExportsAreWithheldWithTheirReason) {
  const std::string content =
      R"({"id":"wp-draft","title":{"rendered":"T"},"status":"draft"})" "\n"
      R"({"id":"wp-private","title":"T","date":"2020-11-18","status":"private"})" "\n"
      R"({"id":"drupal","title":"T","date":"2020-11-18","status":false})" "\n"
      R"({"id":"jekyll","title":"T","date":"2020-11-18","published":false})" "\n"
      R"({"id":"live","title":"T","date":"2020-11-18","status":"publish","published":true})" "\n";
  ReadBatch batch = ingest(JsonLinesReader(), kFile, content, kDefaultId);
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.releases[0].id, "live");
  EXPECT_TRUE(batch.issues.empty()) << describe(batch);
  ASSERT_EQ(batch.withheld.size(), 4u);
  EXPECT_EQ(batch.withheld[0].id, "wp-draft");
  EXPECT_EQ(batch.withheld[0].where.reason, "status: draft");
  EXPECT_EQ(batch.withheld[0].where.line, 1);
  EXPECT_EQ(batch.withheld[1].where.reason, "status: private");
  EXPECT_EQ(batch.withheld[2].where.reason, "status: false");
  EXPECT_EQ(batch.withheld[3].where.reason, "published: false");
}

TEST(JsonLinesReader, ALineInWindows1252IsReadAsSuch) {
  // JSON is UTF-8; an export from a Latin-1 database is not.
  ReadBatch batch = read("{\"id\":\"a\",\"title\":\"Detenci\xF3n\"}\n{\"id\":\"b\",\"title\":\"Caf\u00e9\"}\n");
  ASSERT_EQ(batch.releases.size(), 2u) << describe(batch);
  EXPECT_EQ(batch.releases[0].title, "Detenci\u00F3n");
  EXPECT_EQ(batch.releases[1].title, "Caf\u00E9");
}

TEST(JsonLinesReader, ReleasesScheduledOrEmbargoedForLaterAreWithheld) {
  const std::string content =
      R"({"id":"later","title":"T","date":"2999-01-01"})" "\n"
      R"({"id":"embargo","title":"T","date":"2020-11-18","embargo":"2999-01-01T09:00:00-05:00"})" "\n"
      R"({"id":"publish","title":"T","date":"2020-11-18","publishDate":"2999-01-01"})" "\n"
      R"({"id":"out","title":"T","date":"2020-11-18","embargo":"2020-11-18T09:00:00-05:00"})" "\n";
  ReadBatch batch = ingest(JsonLinesReader(), kFile, content, kDefaultId);
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.releases[0].id, "out");
  ASSERT_EQ(batch.withheld.size(), 3u);
  EXPECT_EQ(batch.withheld[0].where.reason, "scheduled (date: 2999-01-01)");
  EXPECT_EQ(batch.withheld[1].where.reason, "scheduled (embargo: 2999-01-01)");
  EXPECT_EQ(batch.withheld[2].where.reason, "scheduled (publishDate: 2999-01-01)");
}

TEST(JsonLinesReader, AReleaseDatedTodayIsPublishedWhateverItsTimeZone) {
  // Tomorrow in UTC may already be today somewhere: the margin is a day.
  using namespace std::chrono;
  auto today = floor<days>(system_clock::now());
  for (auto day : {today, today + days{1}}) {
    year_month_day ymd{day};
    char date[40];
    std::snprintf(date, sizeof date, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    ReadBatch batch = ingest(JsonLinesReader(), kFile, std::string(R"({"id":"a","title":"T","date":")") + date + "\"}",
                             kDefaultId);
    EXPECT_EQ(batch.releases.size(), 1u) << date << ": " << describe(batch);
  }
}

TEST(JsonLinesReader, TheFirstAliasPresentWins) {
  ReadBatch batch = read(R"({"id":"a","title":"A","tags":["From tags"],"topics":["From topics"]})");
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.releases[0].topics, (std::vector<std::string>{"From topics"}));
}

TEST(JsonLinesReader, GivesARecordWithoutIdTheDefaultIdAndLineNumber) {
  ReadBatch batch = read("\n{\"title\":\"No id here\"}\n{\"id\":\"\",\"title\":\"Empty id\"}\n");
  ASSERT_EQ(batch.releases.size(), 2u) << describe(batch);
  EXPECT_EQ(batch.releases[0].id, kDefaultId + ":2");
  EXPECT_EQ(batch.releases[1].id, kDefaultId + ":3");
}

TEST(JsonLinesReader, ReadsANumericIdAsText) {
  ReadBatch batch = read(R"({"id":42,"title":"A"})");
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.releases[0].id, "42");
}

TEST(JsonLinesReader, ReadLinesNumbersLinesFromFirstLine) {
  const std::string chunk =
      "{\"id\":\"a\",\"title\":\"A\"}\n"
      "broken\n"
      "\n"
      "{\"title\":\"No id\"}\n";
  ReadBatch batch = JsonLinesReader().read_lines(kFile, chunk, kDefaultId, 1001);
  ASSERT_EQ(batch.releases.size(), 2u) << describe(batch);
  EXPECT_EQ(batch.releases[0].source_line, 1001);
  EXPECT_EQ(batch.releases[1].source_line, 1004);
  EXPECT_EQ(batch.releases[1].id, kDefaultId + ":1004");
  ASSERT_EQ(batch.issues.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.issues[0].line, 1002);
}

TEST(JsonLinesReader, ChunksReadTheSameAsTheWholeFile) {
  const std::string first = "{\"title\":\"One\"}\n{\"title\":\"Two\"}\n";
  const std::string second = "bad\n{\"title\":\"Four\"}\n";
  JsonLinesReader reader;
  ReadBatch whole = reader.read(kFile, first + second, kDefaultId);
  ReadBatch a = reader.read_lines(kFile, first, kDefaultId, 1);
  ReadBatch b = reader.read_lines(kFile, second, kDefaultId, 3);
  ASSERT_EQ(whole.releases.size(), 3u) << describe(whole);
  ASSERT_EQ(a.releases.size() + b.releases.size(), 3u);
  EXPECT_EQ(a.releases[0].id, whole.releases[0].id);
  EXPECT_EQ(a.releases[1].id, whole.releases[1].id);
  EXPECT_EQ(b.releases[0].id, whole.releases[2].id);
  ASSERT_EQ(b.issues.size(), 1u);
  ASSERT_EQ(whole.issues.size(), 1u);
  EXPECT_EQ(b.issues[0].line, whole.issues[0].line);
}

TEST(JsonLinesReader, IsLineOriented) { EXPECT_TRUE(JsonLinesReader().line_oriented()); }

TEST(JsonLinesReader, SkipsAByteOrderMarkAtTheStartOfTheFile) {
  ReadBatch batch = read("\xEF\xBB\xBF{\"id\":\"a\",\"title\":\"A\"}\n");
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_TRUE(batch.issues.empty()) << describe(batch);
  EXPECT_EQ(batch.releases[0].id, "a");
  EXPECT_EQ(batch.releases[0].source_line, 1);
}

TEST(JsonLinesReader, SkipsTheByteOrderMarksOfFilesJoinedTogether) {
  const std::string bom = "\xEF\xBB\xBF";
  ReadBatch batch = read(bom + bom + R"({"id":"a","title":"A"})" "\n" + bom + R"({"id":"b","title":"B"})" "\n");
  EXPECT_EQ(batch.releases.size(), 2u) << describe(batch);
  ReadBatch chunk = JsonLinesReader().read_lines(kFile, bom + bom + R"({"id":"a","title":"A"})" "\n", kDefaultId, 101);
  EXPECT_EQ(chunk.releases.size(), 1u) << describe(chunk);
}

TEST(JsonLinesReader, ReadsUtf8Text) {
  ReadBatch batch = read(R"({"id":"a","title":"Declaración","spokespeople":["Lucía Fernández"]})");
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.releases[0].title, "Declaración");
  EXPECT_EQ(batch.releases[0].spokespeople[0], "Lucía Fernández");
}

TEST(JsonLinesReader, NeverThrowsForInvalidUtf8) {
  ReadBatch batch;
  EXPECT_NO_THROW(batch = read("{\"id\":\"a\",\"title\":\"caf\xC3\"}\n{\"id\":\"b\",\"title\":\"B\"}\n"));
  EXPECT_EQ(batch.releases.size() + batch.issues.size(), 2u) << describe(batch);
}

TEST(JsonLinesReader, IngestRejectsInvalidRecordsAtTheirLine) {
  // The reader leaves validation to ingest(); ingest reports at the record's line.
  const std::string content =
      "{\"id\":\"a\",\"title\":\"A\",\"date\":\"2020-01-02\"}\n"
      "{\"id\":\"b\",\"title\":\"B\",\"date\":\"2020-02-30\"}\n"
      "{\"id\":\"c\",\"date\":\"2020-01-02\"}\n";
  ReadBatch batch = ingest(JsonLinesReader(), kFile, content, kDefaultId);
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.releases[0].id, "a");
  ASSERT_EQ(batch.issues.size(), 2u) << describe(batch);
  EXPECT_EQ(batch.issues[0].line, 2);
  EXPECT_EQ(batch.issues[1].line, 3);
}

}  // namespace
}  // namespace pressroom
