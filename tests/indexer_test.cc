// pressroom-index's run: incremental updates, pruning, bad input skipped and
// counted with file:line, ids, and the command line itself.
#include <gtest/gtest.h>
#include <xapian.h>

#include <cstdio>
#include <fstream>
#include <map>

#include "common/schema.h"
#include "common/searcher.h"
#include "tests/fixtures.h"

namespace pressroom::testing {
namespace {

Release release(const std::string& id, const std::string& title, const std::string& date = "2021-06-01") {
  Release r;
  r.id = id;
  r.title = title;
  r.date = date;
  r.type = "statement";
  r.topics = {"Asylum"};
  r.body = "Body of " + title + ".";
  return r;
}

std::string markdown(const std::string& title, const std::string& date, const std::string& body) {
  return "---\ntitle: \"" + title + "\"\ndate: " + date + "\ntopics: [Asylum]\n---\n" + body + "\n";
}

Xapian::doccount doc_count(const std::string& db) { return Xapian::Database(db).get_doccount(); }

struct RunResult {
  IndexStats stats;
  std::vector<ReadIssue> issues;
};

RunResult run(const std::string& db, const std::vector<std::string>& paths, bool prune = false,
              bool word_sequences = false) {
  IndexOptions options;
  options.db_path = db;
  options.paths = paths;
  options.prune = prune;
  options.word_sequences = word_sequences;
  RunResult result;
  IndexCallbacks callbacks;
  callbacks.on_issue = [&](const ReadIssue& issue) { result.issues.push_back(issue); };
  result.stats = run_index(options, callbacks);
  return result;
}

class IndexerTest : public ::testing::Test {
 protected:
  TempDir dir;
  std::string db = (dir.path() / "db").string();
  std::string archive = (dir.path() / "archive").string();
};

TEST_F(IndexerTest, IndexesJsonLinesAndMarkdownFromNestedFolders) {
  dir.write("archive/export.jsonl", jsonl_line(release("a", "Alpha")) + jsonl_line(release("b", "Beta")));
  dir.write("archive/news/2020/post.md", markdown("Gamma", "2020-05-01", "Gamma body."));
  RunResult r = run(db, {archive});
  EXPECT_EQ(r.stats.added, 3u);
  EXPECT_EQ(r.stats.files, 2u);
  EXPECT_TRUE(r.issues.empty());
  EXPECT_EQ(doc_count(db), 3u);
}

// Whether every release of `db` has a word sequence, and the index no positions.
bool holds_word_sequences(const std::string& db) {
  Xapian::Database d(db);
  if (d.has_positions() || d.get_metadata(schema::kMetaWordSequencesId).empty()) return false;
  return d.get_value_freq(schema::kWordSequence) == d.get_doccount();
}

TEST_F(IndexerTest, AnIndexBuiltWithWordSequencesKeepsThemWhenUpdatedWithoutTheOption) {
  dir.write("archive/a.jsonl", jsonl_line(release("a", "Port of entry")));
  EXPECT_TRUE(run(db, {archive}, false, true).stats.word_sequences);
  EXPECT_TRUE(holds_word_sequences(db));
  dir.write("archive/b.jsonl", jsonl_line(release("b", "Family detention")));
  EXPECT_TRUE(run(db, {archive}).stats.word_sequences);
  EXPECT_TRUE(holds_word_sequences(db));
  Searcher searcher(db);
  EXPECT_TRUE(searcher.info().word_sequences);
  EXPECT_EQ(searcher.search(parse_search_request({{"q", "\"family detention\""}})).total, 1u);
  EXPECT_EQ(searcher.search(parse_search_request({{"q", "\"detention family\""}})).total, 0u);
}

TEST_F(IndexerTest, AnIndexWithWordSequencesKeepsPairFiltersButNoTitleSlot) {
  // Every release repeats "port of entry": with a sample of one, every
  // pair of its words is frequent enough to be filtered.
  dir.write("archive/a.jsonl", jsonl_line(release("a", "Port of entry")) + jsonl_line(release("b", "Port of entry closed")));
  run(db, {archive}, false, true);
  Xapian::Database d(db);
  EXPECT_EQ(d.get_value_freq(schema::kTitle), 0u);  // suggestions read the stored titles
  EXPECT_EQ(d.get_value_freq(schema::kPairFilter), d.get_doccount());
  Searcher searcher(db);
  EXPECT_EQ(searcher.search(parse_search_request({{"q", "\"port of entry\""}})).total, 2u);
  EXPECT_EQ(searcher.search(parse_search_request({{"q", "\"entry of port\""}})).total, 0u);
}

TEST_F(IndexerTest, AnIndexWithWordSequencesKeepsNoFacetSlotsForRemoteShardsYetCountsFacets) {
  // It is never served over xapian-tcpsrv, whose spies are what read them.
  dir.write("archive/a.jsonl", jsonl_line(release("a", "Port of entry")) + jsonl_line(release("b", "Port closed")));
  run(db, {archive}, false, true);
  Xapian::Database d(db);
  EXPECT_EQ(d.get_value_freq(schema::kFacetType), 0u);
  EXPECT_EQ(d.get_value_freq(schema::kFacetMonth), 0u);
  EXPECT_EQ(d.get_value_freq(schema::kFacetTopic), 0u);
  EXPECT_EQ(d.get_value_freq(schema::kFacetSpokesperson), 0u);
  SearchResult result = Searcher(db).search(parse_search_request({{"q", "port"}}));
  ASSERT_EQ(result.total, 2u);
  ASSERT_EQ(result.facets.count("type"), 1u);
  ASSERT_EQ(result.facets.at("type").size(), 1u);
  EXPECT_EQ(result.facets.at("type").front().count, 2u);
}

TEST_F(IndexerTest, AnIndexSaysHowManyReleasesItsWordVocabularyWasLearnedFrom) {
  // What pressroom-index's advice to rebuild a grown index rests on.
  dir.write("archive/a.jsonl", jsonl_line(release("a", "Port of entry")) + jsonl_line(release("b", "Port closed")));
  EXPECT_EQ(run(db, {archive}, false, true).stats.word_vocabulary_sample, 2u);
  dir.write("archive/c.jsonl", jsonl_line(release("c", "Family detention")));
  EXPECT_EQ(run(db, {archive}).stats.word_vocabulary_sample, 2u);  // learned once, kept
}

TEST_F(IndexerTest, AnIndexWithXapianPositionsKeepsThemWhenUpdatedWithWordSequences) {
  dir.write("archive/a.jsonl", jsonl_line(release("a", "Port of entry")));
  EXPECT_FALSE(run(db, {archive}).stats.word_sequences);
  dir.write("archive/b.jsonl", jsonl_line(release("b", "Family detention")));
  EXPECT_FALSE(run(db, {archive}, false, true).stats.word_sequences);
  Xapian::Database d(db);
  EXPECT_TRUE(d.has_positions());
  EXPECT_EQ(d.get_value_freq(schema::kWordSequence), 0u);
  Searcher searcher(db);
  EXPECT_FALSE(searcher.info().word_sequences);
  EXPECT_EQ(searcher.search(parse_search_request({{"q", "\"family detention\""}})).total, 1u);
}

TEST_F(IndexerTest, MarkdownIdDefaultsToItsPathUnderTheIndexedFolder) {
  dir.write("archive/news/2020/My Post.md", markdown("Gamma", "2020-05-01", "Gamma body."));
  run(db, {archive});
  Searcher searcher(db);
  auto found = searcher.release("news/2020/My-Post");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->title, "Gamma");
}

TEST_F(IndexerTest, SecondRunSkipsUnchangedReleases) {
  dir.write("archive/export.jsonl", jsonl_line(release("a", "Alpha")) + jsonl_line(release("b", "Beta")));
  run(db, {archive});
  RunResult again = run(db, {archive});
  EXPECT_EQ(again.stats.unchanged, 2u);
  EXPECT_EQ(again.stats.added + again.stats.replaced, 0u);
}

TEST_F(IndexerTest, ChangedReleaseIsReplacedNotDuplicated) {
  dir.write("archive/export.jsonl", jsonl_line(release("a", "Alpha")) + jsonl_line(release("b", "Beta")));
  run(db, {archive});
  dir.write("archive/export.jsonl", jsonl_line(release("a", "Alpha revised")) + jsonl_line(release("b", "Beta")));
  RunResult again = run(db, {archive});
  EXPECT_EQ(again.stats.replaced, 1u);
  EXPECT_EQ(again.stats.unchanged, 1u);
  EXPECT_EQ(doc_count(db), 2u);
  EXPECT_EQ(Searcher(db).release("a")->title, "Alpha revised");
}

TEST_F(IndexerTest, DraftsAreLeftOutAndNotCountedAsErrors) {
  dir.write("archive/news/published.md", markdown("Out now", "2020-05-01", "Published body."));
  dir.write("archive/news/draft.md", "---\ntitle: Not yet\ndraft: true\n---\nDraft body.\n");
  RunResult r = run(db, {archive});
  EXPECT_EQ(r.stats.added, 1u);
  EXPECT_EQ(r.stats.withheld, 1u);
  EXPECT_EQ(r.stats.skipped, 0u);
  EXPECT_TRUE(r.issues.empty());
  EXPECT_FALSE(Searcher(db).release("news/draft").has_value());
}

TEST_F(IndexerTest, AReleaseMadeADraftAgainLeavesTheIndex) {
  dir.write("archive/news/post.md", markdown("Out now", "2020-05-01", "Published body."));
  run(db, {archive});
  ASSERT_TRUE(Searcher(db).release("news/post").has_value());
  dir.write("archive/news/post.md", "---\ntitle: Out now\ndate: 2020-05-01\ndraft: true\n---\nPublished body.\n");
  RunResult again = run(db, {archive}, /*prune=*/true);
  EXPECT_EQ(again.stats.withdrawn, 1u);
  EXPECT_EQ(again.stats.deleted, 0u);  // --prune does not delete it a second time
  EXPECT_EQ(doc_count(db), 0u);
  EXPECT_FALSE(Searcher(db).release("news/post").has_value());
}

TEST_F(IndexerTest, PruneDeletesReleasesWhoseSourceIsGone) {
  dir.write("archive/one.jsonl", jsonl_line(release("a", "Alpha")));
  auto two = dir.write("archive/two.jsonl", jsonl_line(release("b", "Beta")));
  run(db, {archive});
  std::filesystem::remove(two);
  RunResult without_prune = run(db, {archive});
  EXPECT_EQ(without_prune.stats.deleted, 0u);
  EXPECT_EQ(doc_count(db), 2u);
  RunResult pruned = run(db, {archive}, true);
  EXPECT_EQ(pruned.stats.deleted, 1u);
  EXPECT_EQ(doc_count(db), 1u);
  EXPECT_FALSE(Searcher(db).release("b"));
}

TEST_F(IndexerTest, PruneIsRefusedWhenAGivenPathIsMissing) {
  dir.write("archive/one.jsonl", jsonl_line(release("a", "Alpha")));
  run(db, {archive});
  EXPECT_THROW(run(db, {archive, (dir.path() / "missing").string()}, true), IndexError);
  EXPECT_EQ(doc_count(db), 1u);
}

TEST_F(IndexerTest, BadRecordsAreReportedWithFileAndLineAndTheRestIsIndexed) {
  std::string lines = jsonl_line(release("a", "Alpha"));
  lines += "{\"id\": \"broken\", \"title\": \n";                               // line 2: bad JSON
  lines += jsonl_line(release("c", ""));                                     // line 3: no title
  lines += jsonl_line(release("d", "Delta", "2021-02-30"));                  // line 4: impossible date
  lines += "{\"id\":\"e\",\"title\":[\"A\",\"B\"],\"date\":\"2021-01-01\"}\n";  // line 5: a list as title
  lines += jsonl_line(release("f", "Foxtrot"));
  dir.write("archive/export.jsonl", lines);
  RunResult r = run(db, {archive});
  EXPECT_EQ(r.stats.added, 2u);
  EXPECT_EQ(r.stats.skipped, 4u);
  ASSERT_EQ(r.issues.size(), 4u);
  std::vector<int> lines_reported;
  for (const auto& issue : r.issues) {
    EXPECT_NE(issue.file.find("export.jsonl"), std::string::npos);
    lines_reported.push_back(issue.line);
  }
  EXPECT_EQ(lines_reported, (std::vector<int>{2, 3, 4, 5}));
  EXPECT_NE(r.issues[0].reason.find("JSON"), std::string::npos);
  EXPECT_NE(r.issues[1].reason.find("title"), std::string::npos);
  EXPECT_NE(r.issues[2].reason.find("date"), std::string::npos);
  EXPECT_NE(r.issues[3].reason.find("title"), std::string::npos);
}

TEST_F(IndexerTest, DuplicateIdKeepsTheFirstAndReportsTheSecond) {
  dir.write("archive/a.jsonl", jsonl_line(release("same", "First")));
  dir.write("archive/b.jsonl", jsonl_line(release("same", "Second")));
  RunResult r = run(db, {archive});
  EXPECT_EQ(r.stats.added, 1u);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_NE(r.issues[0].reason.find("duplicate id 'same'"), std::string::npos);
  EXPECT_EQ(Searcher(db).release("same")->title, "First");
}

TEST_F(IndexerTest, BrokenMarkdownIsSkippedAndCounted) {
  dir.write("archive/ok.md", markdown("Fine", "2020-01-01", "Text."));
  dir.write("archive/open.md", "---\ntitle: Never closed\n\nbody\n");
  dir.write("archive/yaml.md", "---\ntitle: [unclosed\ndate: 2020-01-01\n---\nbody\n");
  RunResult r = run(db, {archive});
  EXPECT_EQ(r.stats.added, 1u);
  EXPECT_EQ(r.stats.skipped, 2u);
}

TEST_F(IndexerTest, HiddenFilesAndUnknownExtensionsInFoldersAreIgnored) {
  dir.write("archive/.git/x.jsonl", jsonl_line(release("hidden", "Hidden")));
  dir.write("archive/notes.txt", "not an archive file");
  dir.write("archive/ok.jsonl", jsonl_line(release("a", "Alpha")));
  RunResult r = run(db, {archive});
  EXPECT_EQ(r.stats.added, 1u);
  EXPECT_TRUE(r.issues.empty());
}

TEST_F(IndexerTest, ExplicitFileOfUnknownTypeIsReported) {
  auto txt = dir.write("notes.txt", "hello");
  RunResult r = run(db, {txt.string()});
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_NE(r.issues[0].reason.find("unsupported"), std::string::npos);
}

TEST_F(IndexerTest, LargeJsonLinesFileIsReadInChunksWithCorrectLineNumbers) {
  std::string lines;
  const int n = 12000;  // ~ 5 MB: more than one chunk
  std::string padding(300, 'x');
  for (int i = 1; i <= n; ++i) {
    if (i == 9000) {
      lines += "not json\n";
      continue;
    }
    Release r = release("id" + std::to_string(i), "Title " + std::to_string(i));
    r.body += " " + padding;
    lines += jsonl_line(r);
  }
  dir.write("archive/big.jsonl", lines);
  RunResult r = run(db, {archive});
  EXPECT_EQ(r.stats.added, static_cast<uint64_t>(n - 1));
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].line, 9000);
}

TEST_F(IndexerTest, DatabaseRecordsSchemaVersionAndIndexTime) {
  dir.write("archive/ok.jsonl", jsonl_line(release("a", "Alpha")));
  run(db, {archive});
  Xapian::Database xdb(db);
  EXPECT_EQ(xdb.get_metadata(schema::kMetaSchemaVersion), std::to_string(schema::kVersion));
  EXPECT_FALSE(xdb.get_metadata(schema::kMetaIndexedAt).empty());
}

TEST_F(IndexerTest, LockedDatabaseIsAClearError) {
  dir.write("archive/ok.jsonl", jsonl_line(release("a", "Alpha")));
  run(db, {archive});
  Xapian::WritableDatabase holder(db, Xapian::DB_OPEN);
  try {
    run(db, {archive});
    FAIL() << "expected IndexError";
  } catch (const IndexError& e) {
    EXPECT_NE(std::string(e.what()).find("locked"), std::string::npos) << e.what();
  }
}

TEST_F(IndexerTest, ListingEntriesWhoseFullPageIsInTheRunAreNotIndexedTwice) {
  // The sample archive's newsroom listings repeat entries that are also saved as full pages.
  RunResult r = run(db, {std::string(PRESSROOM_SOURCE_DIR) + "/corpus/web"});
  EXPECT_GT(r.stats.merged, 0u);
  Searcher searcher(db);
  SearchResult all = searcher.search(parse_search_request({{"size", "100"}}));
  std::map<std::string, std::string> by_url;
  for (const SearchHit& hit : all.hits) {
    if (hit.release.url.empty()) continue;
    auto [it, fresh] = by_url.emplace(hit.release.url, hit.release.id);
    EXPECT_TRUE(fresh) << hit.release.url << " is indexed twice: " << it->second << " and " << hit.release.id;
  }
}

TEST_F(IndexerTest, SpellingDictionaryLearnsTitleWordsAndNames) {
  Release r = release("a", "Detention centre inspections");
  r.spokespeople = {"Lucía Fernández"};
  dir.write("archive/a.jsonl", jsonl_line(r));
  run(db, {archive});
  Xapian::Database xdb(db);
  EXPECT_EQ(xdb.get_spelling_suggestion("detension"), "detention");
  EXPECT_EQ(xdb.get_spelling_suggestion("fernandes"), "fernandez");
}

TEST_F(IndexerTest, RunsThatChangeTheIndexAreCountedInItsMetadata) {
  dir.write("archive/ok.jsonl", jsonl_line(release("a", "Alpha")) + "garbage\n");
  run(db, {archive});
  run(db, {archive});  // unchanged: not a run that changed the index
  Xapian::Database xdb(db);
  EXPECT_EQ(xdb.get_metadata(schema::kMetaIndexerRuns), "1");
  EXPECT_EQ(xdb.get_metadata(schema::kMetaLastRunSkipped), "1");
}

std::string by_user(const std::string& title, const std::string& user, const std::string& body) {
  return "---\ntitle: \"" + title + "\"\ndate: 2020-05-01\nauthors:\n  - " + user + "\n---\n" + body + "\n";
}

TEST_F(IndexerTest, SpokespeopleThatAreUserNamesComeWithThePersonTheirReleasesName) {
  dir.write("archive/a.md", by_user("One", "jparcell", "Posted by Jacob Parcell, who leads the team."));
  dir.write("archive/b.md", by_user("Two", "jparcell", "A note from the team."));
  dir.write("archive/c.md", by_user("Three", "Ana Ruiz", "Ana Ruiz wrote this."));
  RunResult r = run(db, {archive});
  ASSERT_EQ(r.stats.user_names.size(), 1u) << "a name is not a user name";
  EXPECT_EQ(r.stats.user_names[0].user, "jparcell");
  EXPECT_EQ(r.stats.user_names[0].releases, 2u);
  EXPECT_EQ(r.stats.user_names[0].name, "Jacob Parcell");
  EXPECT_EQ(r.stats.user_names[0].named_in, 1u);
  // Suggested only: the releases keep the user name until the aliases file maps it.
  Searcher searcher(db);
  SearchRequest request;
  request.spokespeople = {"jparcell"};
  EXPECT_EQ(searcher.search(request).total, 2u);
  // A second run over the same files, nothing to write, still says so.
  EXPECT_EQ(run(db, {archive}).stats.user_names.size(), 1u);
}

TEST(DefaultId, IsThePathUnderTheRootWithoutExtension) {
  EXPECT_EQ(default_id_for("corpus/news/2020/a.md", "corpus"), "news/2020/a");
  EXPECT_EQ(default_id_for("corpus/news/2020/a b?.md", "corpus/"), "news/2020/a-b-");
  EXPECT_EQ(default_id_for("/x/y/z.md", "/x/y"), "z");
}

// The command line, as a user runs it.
class IndexerCommand : public IndexerTest {
 protected:
  int run_command(const std::string& args, std::string* output = nullptr) {
    std::string cmd = std::string(PRESSROOM_INDEX_BIN) + " " + args + " 2>&1";
    FILE* pipe = popen(cmd.c_str(), "r");
    std::string out;
    char buf[4096];
    while (size_t n = fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
    int status = pclose(pipe);
    if (output) *output = out;
    // A child killed by a signal (an ASan abort in the sanitizer build) must
    // not read as exit status 0.
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
  }
};

TEST_F(IndexerCommand, HelpDocumentsEveryOption) {
  std::string out;
  EXPECT_EQ(run_command("--help", &out), 0);
  for (const char* option : {"--db", "--prune", "--strict", "--threads", "--commit-every", "--quiet"})
    EXPECT_NE(out.find(option), std::string::npos) << option;
}

TEST_F(IndexerCommand, EndsWithASummaryAndExitsZeroDespiteBadRecords) {
  dir.write("archive/export.jsonl", jsonl_line(release("a", "Alpha")) + "garbage\n");
  std::string out;
  EXPECT_EQ(run_command("--db " + db + " " + archive, &out), 0);
  EXPECT_NE(out.find("export.jsonl:2"), std::string::npos) << out;
  EXPECT_NE(out.find("1 added"), std::string::npos) << out;
  EXPECT_NE(out.find("1 skipped"), std::string::npos) << out;
}

TEST_F(IndexerCommand, SuggestsAliasesForUserNamesAndTheAliasesFileTurnsThemIntoPeople) {
  dir.write("archive/a.md", by_user("One", "jparcell", "Posted by Jacob Parcell, who leads the team."));
  std::string out;
  ASSERT_EQ(run_command("--db " + db + " " + archive, &out), 0);
  EXPECT_NE(out.find("1 spokespeople are user names"), std::string::npos) << out;
  EXPECT_NE(out.find("Jacob Parcell: [jparcell]"), std::string::npos) << out;
  dir.write("aliases.yaml", "Jacob Parcell: [jparcell]\n");
  ASSERT_EQ(run_command("--aliases " + (dir.path() / "aliases.yaml").string() + " --db " + db + " " + archive, &out), 0);
  EXPECT_NE(out.find("1 replaced"), std::string::npos) << out;
  EXPECT_EQ(out.find("user names"), std::string::npos) << out;
  Searcher searcher(db);
  SearchRequest request;
  request.spokespeople = {"Jacob Parcell"};
  EXPECT_EQ(searcher.search(request).total, 1u);
}

TEST_F(IndexerCommand, StrictExitsNonZeroWhenAnythingWasSkipped) {
  dir.write("archive/export.jsonl", jsonl_line(release("a", "Alpha")) + "garbage\n");
  EXPECT_EQ(run_command("--strict --db " + db + " " + archive), 1);
}

}  // namespace
}  // namespace pressroom::testing
