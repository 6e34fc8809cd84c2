// Specification of common/json_document_reader.h: .json documents as CMS
// exports and APIs write them.
#include "common/json_document_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/ingest.h"

namespace pressroom {
namespace {

const std::string kFile = "exports/wordpress.json";
const std::string kDefaultId = "exports/wordpress";

ReadBatch read(const std::string& content) { return JsonDocumentReader().read(kFile, content, kDefaultId); }

std::string describe(const ReadBatch& batch) {
  std::string out = std::to_string(batch.releases.size()) + " releases;";
  for (const ReadIssue& issue : batch.issues) out += " [" + issue.to_string() + "]";
  return out;
}

TEST(JsonDocumentReader, ReadsAnArrayOfReleasesEachAtTheLineWhereItStarts) {
  ReadBatch batch = read(
      "[\n"
      "  {\"id\": 101, \"title\": {\"rendered\": \"First\"}, \"date\": \"2020-11-18T10:00:00\"},\n"
      "  {\n"
      "    \"id\": 102, \"title\": {\"rendered\": \"Second\"}, \"date\": \"2020-11-19T10:00:00\"\n"
      "  }\n"
      "]\n");
  ASSERT_EQ(batch.releases.size(), 2u) << describe(batch);
  EXPECT_EQ(batch.releases[0].id, "101");
  EXPECT_EQ(batch.releases[0].title, "First");
  EXPECT_EQ(batch.releases[0].source_line, 2);
  EXPECT_EQ(batch.releases[1].title, "Second");
  EXPECT_EQ(batch.releases[1].source_line, 3);
}

TEST(JsonDocumentReader, FindsThePostsOfAGhostExport) {
  ReadBatch batch = read(R"({"db": [{"meta": {"version": "5.0"}, "data": {)"
                         R"("tags": [{"name": "Asylum"}],)"
                         R"("posts": [{"id": "p1", "title": "Ghost post", "html": "<p>Text.</p>",)"
                         R"("published_at": "2021-03-04T10:00:00.000Z", "status": "published"}]}}]})");
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.releases[0].title, "Ghost post");
  EXPECT_EQ(batch.releases[0].body, "Text.");
}

TEST(JsonDocumentReader, ReadsAReleaseListedUnderAKey) {
  ReadBatch batch = read(R"({"total": 1, "items": [{"id": "a", "title": "Listed"}]})");
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.releases[0].title, "Listed");
}

TEST(JsonDocumentReader, ReadsASingleRelease) {
  ReadBatch batch = read(R"({"title": "Alone", "date": "2020-11-18"})");
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.releases[0].id, kDefaultId + ":1");
}

TEST(JsonDocumentReader, ABadRecordIsReportedAtItsLineAndTheOthersAreRead) {
  ReadBatch batch = read("[\n{\"id\": \"a\", \"title\": \"Fine\"},\n{\"id\": \"b\", \"title\": [\"A\", \"B\"]}\n]");
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  ASSERT_EQ(batch.issues.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.issues[0].line, 3);
  EXPECT_NE(batch.issues[0].reason.find("title"), std::string::npos) << batch.issues[0].reason;
}

TEST(JsonDocumentReader, ReportsInvalidJsonAtItsLine) {
  ReadBatch batch = read("[\n{\"id\": \"a\", \"title\": \"Fine\"},\n{\"id\": \"b\" \"title\": \"x\"}\n]");
  EXPECT_TRUE(batch.releases.empty());
  ASSERT_EQ(batch.issues.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.issues[0].line, 3) << describe(batch);
  EXPECT_NE(batch.issues[0].reason.find("JSON"), std::string::npos);
}

TEST(JsonDocumentReader, ReportsADocumentWithoutReleases) {
  for (const std::string content : {"{}", "[]", "[1, 2]", "{\"users\": [{\"name\": \"Ana\"}]}", "42"}) {
    ReadBatch batch = read(content);
    EXPECT_TRUE(batch.releases.empty()) << content;
    ASSERT_EQ(batch.issues.size(), 1u) << content;
    EXPECT_NE(batch.issues[0].reason.find("no releases"), std::string::npos) << content;
  }
}

TEST(JsonDocumentReader, KeysWithEscapesDoNotConfuseTheLines) {
  ReadBatch batch = read("{\"a\\\"b\": 1, \"posts\": [\n\n{\"id\": \"x\", \"title\": \"T \\\"q\\\" {[\"}]}");
  ASSERT_EQ(batch.releases.size(), 1u) << describe(batch);
  EXPECT_EQ(batch.releases[0].source_line, 3);
  EXPECT_EQ(batch.releases[0].title, "T \"q\" {[");
}

TEST(JsonDocumentReader, IngestValidatesAndWithholdsAsForJsonLines) {
  ReadBatch batch = ingest(JsonDocumentReader(), kFile,
                           R"([{"id": "d", "title": "Draft", "status": "draft"}, {"id": "n", "title": "No date"}])",
                           kDefaultId);
  EXPECT_TRUE(batch.releases.empty());
  ASSERT_EQ(batch.withheld.size(), 1u);
  EXPECT_EQ(batch.withheld[0].id, "d");
  ASSERT_EQ(batch.issues.size(), 1u);
  EXPECT_NE(batch.issues[0].reason.find("date"), std::string::npos);
}

}  // namespace
}  // namespace pressroom
