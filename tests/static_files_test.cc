// The static file allow-list and its cache validators.
#include "server/static_files.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "tests/fixtures.h"

namespace pressroom {
namespace {

TEST(EtagMatches, UnderstandsListsWeakTagsAndStar) {
  const std::string etag = "W/\"abc\"";
  struct Case {
    const char* header;
    bool match;
  } cases[] = {{"W/\"abc\"", true},  {"\"abc\"", true},         {"\"x\", W/\"abc\"", true}, {" \"x\" ,\"abc\" ", true},
               {"*", true},          {"\"abd\"", false},        {"", false},                {"abc", false},
               {"W/\"ab\"", false}};
  for (const Case& c : cases) EXPECT_EQ(etag_matches(c.header, etag), c.match) << c.header;
}

TEST(StaticFiles, ServesOnlyRegularFilesFoundAtStart) {
  testing::TempDir dir;
  dir.write("web/app.js", "1");
  dir.write("web/img/logo.svg", "<svg/>");
  dir.write("web/.env", "secret");
  dir.write("web/node_modules/x/index.js", "x");
  dir.write("outside.txt", "outside");
  std::filesystem::create_symlink(dir.path() / "outside.txt", dir.path() / "web" / "link.txt");
  StaticFiles files((dir.path() / "web").string());
  EXPECT_EQ(files.size(), 2u);
  ASSERT_TRUE(files.find("/app.js"));
  EXPECT_EQ(files.find("/app.js")->content_type, "text/javascript; charset=utf-8");
  ASSERT_TRUE(files.find("/img/logo.svg"));
  EXPECT_EQ(files.find("/img/logo.svg")->content_type, "image/svg+xml");
  for (const char* path : {"/.env", "/node_modules/x/index.js", "/link.txt", "app.js", "/img/../app.js", "/outside.txt"})
    EXPECT_FALSE(files.find(path)) << path;
  // New files are not seen: the set is fixed at start.
  dir.write("web/late.js", "late");
  EXPECT_FALSE(files.find("/late.js"));
}

TEST(StaticFiles, VersionsFollowTheContent) {
  testing::TempDir dir;
  dir.write("a/app.css", "body{}");
  dir.write("b/app.css", "body{}");
  dir.write("c/app.css", "body{color:red}");
  StaticFiles a((dir.path() / "a").string()), b((dir.path() / "b").string()), c((dir.path() / "c").string());
  EXPECT_EQ(a.versioned("/app.css"), b.versioned("/app.css"));
  EXPECT_NE(a.versioned("/app.css"), c.versioned("/app.css"));
  EXPECT_TRUE(a.versioned("/app.css").starts_with("/app.css?v="));
  EXPECT_EQ(a.versioned("/missing.js"), "/missing.js");
  EXPECT_EQ(StaticFiles((dir.path() / "none").string()).size(), 0u);
}

}  // namespace
}  // namespace pressroom
