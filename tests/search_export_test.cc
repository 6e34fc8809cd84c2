// Export rows: RFC 4180 fields, spreadsheet formulas defused, fixed columns.
#include "server/search_export.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace pressroom {
namespace {

TEST(CsvCell, QuotesOnlyWhenNeeded) {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"plain", "plain"},
      {"", ""},
      {"a,b", "\"a,b\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"two\nlines", "\"two\nlines\""},
      {"cr\rinside", "\"cr\rinside\""},
      {"Tucson, AZ", "\"Tucson, AZ\""},
      {"naïve café", "naïve café"},
  };
  for (const Case& c : cases) EXPECT_EQ(csv_cell(c.in), c.out) << c.in;
}

TEST(CsvCell, DefusesFormulas) {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"=1+1", "'=1+1"},
      {"+1", "'+1"},
      {"-1", "'-1"},
      {"@SUM(A1)", "'@SUM(A1)"},
      {"\tx", "'\tx"},
      {"\rx", "\"'\rx\""},
      {"=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""},
      {"a=1", "a=1"},  // only the first character matters
      {"'already", "'already"},
  };
  for (const Case& c : cases) EXPECT_EQ(csv_cell(c.in), c.out) << c.in;
}

Release sample() {
  Release r;
  r.id = "r1";
  r.date = "2020-01-02";
  r.type = "statement";
  r.title = "On \"this\", and that";
  r.topics = {"Asylum", "Due Process"};
  r.spokespeople = {"Ana Ruiz"};
  r.location = "El Paso, TX";
  r.url = "https://example.org/r1";
  return r;
}

TEST(CsvRow, HasTheColumnsInOrderAndEndsInCrLf) {
  EXPECT_EQ(csv_header(), "id,date,type,title,topics,spokespeople,location,url\r\n");
  EXPECT_EQ(csv_row(sample()),
            "r1,2020-01-02,statement,\"On \"\"this\"\", and that\",Asylum; Due Process,Ana Ruiz,\"El Paso, TX\","
            "https://example.org/r1\r\n");
}

TEST(JsonlRow, IsOneObjectWithTheSameKeysInOrder) {
  std::string line = jsonl_row(sample());
  ASSERT_TRUE(line.ends_with("}\n"));
  EXPECT_EQ(line.find('\n'), line.size() - 1);
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(line);
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys, std::vector<std::string>(kExportColumns.begin(), kExportColumns.end()));
  EXPECT_EQ(j["topics"], nlohmann::ordered_json::array({"Asylum", "Due Process"}));
  EXPECT_EQ(j["title"], "On \"this\", and that");
}

}  // namespace
}  // namespace pressroom
