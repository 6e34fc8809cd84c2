// Duplicate groups as the indexer writes them (common/duplicate_finder.h):
// copies share a group within a run and across runs, whatever the order of
// the files; a release edited away from its copies leaves their group; the
// group outlives the release that named it.
#include <gtest/gtest.h>
#include <xapian.h>

#include <map>
#include <set>

#include "common/duplicate_finder.h"
#include "common/schema.h"
#include "common/searcher.h"
#include "common/sharding.h"
#include "tests/fixtures.h"

namespace pressroom::testing {
namespace {

const char* kVigil =
    "TUCSON, AZ — Families of people held at the Pima processing center will gather outside its gates on Sunday "
    "evening for a candlelight vigil, the third this spring.\n\n"
    "Relatives say visits have been cancelled without notice for six weeks and that phone calls cost more than a "
    "day's wages. Organizers will read letters written by detained parents to their children.";

const char* kHeat =
    "EL PASO, TX — Farmworkers in the valley worked through eleven days above 105 degrees last month without the "
    "shade and water breaks their contracts promise, according to a survey by Puentes organizers.\n\n"
    "The survey of 140 workers found that half had felt dizzy or nauseous in the fields, and one in five had seen a "
    "coworker collapse. Growers did not answer questions about the findings.";

const char* kVoting =
    "PHOENIX, AZ — Puentes asked county officials on Thursday to print ballots and instructions in Spanish and "
    "Tohono O'odham for the next election, as federal law requires in counties of this size.\n\n"
    "Poll workers told volunteers that bilingual staff were assigned to fewer than a third of polling places in the "
    "last primary, and several voters were turned away for asking questions.";

Release release(const std::string& id, const std::string& title, const std::string& body,
                const std::string& date = "2022-04-10") {
  Release r;
  r.id = id;
  r.title = title;
  r.date = date;
  r.type = "press-release";
  r.body = body;
  return r;
}

// The vigil release with a corrected detail: a copy of the original.
Release vigil_copy(const std::string& id) {
  std::string text = kVigil;
  text.replace(text.find("six weeks"), 9, "seven weeks");
  return release(id, "UPDATED: Families to hold vigil at Pima processing center", text);
}

class DuplicateGroups : public ::testing::Test {
 protected:
  std::string group_of(const std::string& id) const {
    Xapian::Database db(db_path);
    std::string term = std::string(schema::prefix::kId) + id;
    auto it = db.postlist_begin(term);
    EXPECT_NE(it, db.postlist_end(term)) << id;
    return it == db.postlist_end(term) ? "" : db.get_document(*it).get_value(schema::kDupGroup);
  }
  // Its copy slot (schema::kCopyOf): the group, for a copy only.
  std::string copy_slot_of(const std::string& id) const {
    Xapian::Database db(db_path);
    auto it = db.postlist_begin(schema::id_term(id));
    return it == db.postlist_end(schema::id_term(id)) ? "(missing)" : db.get_document(*it).get_value(schema::kCopyOf);
  }
  std::string write(const std::string& name, const std::vector<Release>& releases) const {
    std::string lines;
    for (const Release& r : releases) lines += jsonl_line(r);
    return dir.write("archive/" + name, lines).string();
  }

  TempDir dir;
  std::string db_path = (dir.path() / "db").string();
  std::string archive = (dir.path() / "archive").string();
};

TEST_F(DuplicateGroups, CopiesInOneRunShareTheGroupOfTheFirst) {
  write("a.jsonl", {release("vigil", "Families to hold vigil at Pima processing center", kVigil),
                    release("heat", "Farmworkers report heat violations", kHeat), vigil_copy("vigil-updated")});
  IndexStats stats = index_paths(db_path, {archive});
  EXPECT_EQ(stats.duplicates, 1u);
  EXPECT_EQ(group_of("vigil"), "vigil");
  EXPECT_EQ(group_of("vigil-updated"), "vigil");
  EXPECT_EQ(group_of("heat"), "heat");
}

TEST_F(DuplicateGroups, ACopyIndexedInALaterRunJoinsTheGroup) {
  write("a.jsonl", {release("vigil", "Families to hold vigil at Pima processing center", kVigil)});
  index_paths(db_path, {archive});
  write("b.jsonl", {vigil_copy("vigil-updated")});
  IndexStats stats = index_paths(db_path, {archive});
  EXPECT_EQ(stats.unchanged, 1u);
  EXPECT_EQ(stats.duplicates, 1u);
  EXPECT_EQ(group_of("vigil-updated"), "vigil");
}

TEST_F(DuplicateGroups, GroupingDoesNotDependOnTheOrderOfFiles) {
  auto partition = [&](const std::vector<std::string>& order) {
    TempDir other;
    std::vector<std::string> files;
    std::vector<Release> all = {release("vigil", "Families to hold vigil at Pima processing center", kVigil),
                                vigil_copy("vigil-updated"), release("heat", "Farmworkers report heat", kHeat),
                                release("vigil-again", "Vigil at Pima", kVigil, "2022-05-01")};
    for (const std::string& id : order)
      for (const Release& r : all)
        if (r.id == id) files.push_back(other.write(id + ".jsonl", jsonl_line(r)).string());
    std::string db = (other.path() / "db").string();
    index_paths(db, files);
    Xapian::Database xdb(db);
    std::map<std::string, std::set<std::string>> groups;
    for (auto it = xdb.postlist_begin(""); it != xdb.postlist_end(""); ++it) {
      Xapian::Document doc = xdb.get_document(*it);
      groups[doc.get_value(schema::kDupGroup)].insert(doc.get_value(schema::kId));
    }
    std::set<std::set<std::string>> parts;
    for (auto& [key, members] : groups) parts.insert(members);
    return parts;
  };
  std::set<std::set<std::string>> expected = {{"heat"}, {"vigil", "vigil-updated", "vigil-again"}};
  EXPECT_EQ(partition({"vigil", "vigil-updated", "heat", "vigil-again"}), expected);
  EXPECT_EQ(partition({"vigil-again", "heat", "vigil-updated", "vigil"}), expected);
}

TEST_F(DuplicateGroups, AReleaseEditedIntoACopyJoinsTheGroup) {
  write("a.jsonl", {release("vigil", "Families to hold vigil at Pima processing center", kVigil),
                    release("later", "Heat survey", kHeat)});
  index_paths(db_path, {archive});
  EXPECT_EQ(group_of("later"), "later");
  write("a.jsonl", {release("vigil", "Families to hold vigil at Pima processing center", kVigil),
                    vigil_copy("later")});
  index_paths(db_path, {archive});
  EXPECT_EQ(group_of("later"), "vigil");
}

TEST_F(DuplicateGroups, AReleaseEditedAwayFromItsCopiesLeavesTheirGroup) {
  write("a.jsonl", {release("vigil", "Families to hold vigil at Pima processing center", kVigil),
                    vigil_copy("vigil-updated")});
  index_paths(db_path, {archive});
  ASSERT_EQ(group_of("vigil-updated"), "vigil");
  // The first release is replaced by another text: its copy keeps the label,
  // and the release itself cannot take that label back.
  write("a.jsonl", {release("vigil", "Voting access in Spanish and Tohono O'odham", kVoting),
                    vigil_copy("vigil-updated")});
  IndexStats stats = index_paths(db_path, {archive});
  EXPECT_EQ(stats.replaced, 1u);
  EXPECT_EQ(group_of("vigil-updated"), "vigil");
  EXPECT_EQ(group_of("vigil"), "vigil#2");
}

TEST_F(DuplicateGroups, OnlyACopyCarriesItsGroupInTheCopySlot) {
  write("a.jsonl", {release("vigil", "Families to hold vigil at Pima processing center", kVigil),
                    release("heat", "Farmworkers report heat violations", kHeat)});
  index_paths(db_path, {archive});
  write("b.jsonl", {vigil_copy("vigil-updated")});
  index_paths(db_path, {archive});
  EXPECT_EQ(copy_slot_of("vigil-updated"), "vigil") << "joined the group in a later run";
  EXPECT_EQ(copy_slot_of("vigil"), "");
  EXPECT_EQ(copy_slot_of("heat"), "");
  // Edited away from its group, it is a copy no more.
  write("b.jsonl", {release("vigil-updated", "Voting access in two languages", kVoting)});
  index_paths(db_path, {archive});
  EXPECT_EQ(group_of("vigil-updated"), "vigil-updated");
  EXPECT_EQ(copy_slot_of("vigil-updated"), "");
}

TEST_F(DuplicateGroups, CopiesStayCopiesWhenTheReleaseNamingTheirGroupIsPruned) {
  write("a-first.jsonl", {release("vigil", "Families to hold vigil at Pima processing center", kVigil)});
  write("copies.jsonl", {vigil_copy("vigil-updated"), release("vigil-again", "Vigil at Pima", kVigil, "2022-05-01")});
  index_paths(db_path, {archive});
  std::filesystem::remove(dir.path() / "archive/a-first.jsonl");
  index_paths(db_path, {archive}, true);
  EXPECT_EQ(copy_slot_of("vigil-updated"), "vigil");
  EXPECT_EQ(copy_slot_of("vigil-again"), "vigil");
}

TEST_F(DuplicateGroups, AnIndexOfAnOlderSchemaGainsItsCopySlotsOnTheNextRun) {
  write("a.jsonl", {release("vigil", "Families to hold vigil at Pima processing center", kVigil),
                    vigil_copy("vigil-updated"), release("heat", "Farmworkers report heat violations", kHeat)});
  index_paths(db_path, {archive});
  {
    // As schema 4 wrote it: no copy slot, and content hashes of that schema.
    Xapian::WritableDatabase db(db_path, Xapian::DB_OPEN);
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
      Xapian::Document doc = db.get_document(*it);
      doc.add_value(schema::kCopyOf, "");
      doc.add_value(schema::kContentHash, "0000000000000004");
      db.replace_document(*it, doc);
    }
    db.set_metadata(schema::kMetaSchemaVersion, "4");
    db.commit();
  }
  IndexStats stats = index_paths(db_path, {archive});
  EXPECT_EQ(stats.replaced, 3u);
  EXPECT_EQ(copy_slot_of("vigil-updated"), "vigil");
  EXPECT_EQ(Xapian::Database(db_path).get_metadata(schema::kMetaSchemaVersion), std::to_string(schema::kVersion));
}

TEST_F(DuplicateGroups, PruningTheFirstOfAGroupKeepsTheOthersTogether) {
  write("a-first.jsonl", {release("vigil", "Families to hold vigil at Pima processing center", kVigil)});
  write("copies.jsonl", {vigil_copy("vigil-updated"), release("vigil-again", "Vigil at Pima", kVigil, "2022-05-01")});
  index_paths(db_path, {archive});
  std::filesystem::remove(dir.path() / "archive/a-first.jsonl");
  IndexStats stats = index_paths(db_path, {archive}, true);
  EXPECT_EQ(stats.deleted, 1u);
  EXPECT_EQ(group_of("vigil-updated"), "vigil");
  EXPECT_EQ(group_of("vigil-again"), "vigil");
  // A new, different release with the old id does not join them by name.
  write("a-first.jsonl", {release("vigil", "Heat survey", kHeat)});
  index_paths(db_path, {archive});
  EXPECT_EQ(group_of("vigil"), "vigil#2");
}

TEST_F(DuplicateGroups, DocumentsCarryTheirGroupTermForListingMembers) {
  write("a.jsonl", {release("vigil", "Families to hold vigil at Pima processing center", kVigil),
                    vigil_copy("vigil-updated")});
  index_paths(db_path, {archive});
  Xapian::Database db(db_path);
  EXPECT_EQ(db.get_termfreq(schema::duplicate_group_term("vigil")), 2u);
  EXPECT_EQ(db.get_termfreq(schema::duplicate_group_term("vigil-updated")), 0u);
}

TEST_F(DuplicateGroups, CopiesShareOneShardOfAShardedIndex) {
  std::vector<Release> releases = {release("vigil", "Families to hold vigil at Pima processing center", kVigil),
                                   release("heat", "Farmworkers report heat violations", kHeat),
                                   release("voting", "Voting access in two languages", kVoting)};
  for (int i = 0; i < 8; ++i) releases.push_back(vigil_copy("vigil-copy-" + std::to_string(i)));
  write("a.jsonl", releases);
  IndexOptions options;
  options.db_path = db_path;
  options.paths = {archive};
  options.shards = 4;
  IndexStats stats = run_index(options);
  EXPECT_EQ(stats.duplicates, 8u);
  std::set<unsigned> shards_of_vigil;
  size_t copies = 0;
  for (unsigned i = 0; i < 4; ++i) {
    Xapian::Database shard((std::filesystem::path(db_path) / shard_name(i)).string());
    for (auto it = shard.postlist_begin(""); it != shard.postlist_end(""); ++it) {
      Xapian::Document doc = shard.get_document(*it);
      if (doc.get_value(schema::kDupGroup) != "vigil") continue;
      shards_of_vigil.insert(i);
      ++copies;
    }
  }
  EXPECT_EQ(copies, 9u);
  EXPECT_EQ(shards_of_vigil.size(), 1u) << "a group never spans shards";
  Searcher sharded(db_path);
  SearchResult all = sharded.search(parse_search_request({}));
  EXPECT_EQ(all.total, 3u);
  uint64_t types = 0;
  for (const FacetValue& v : all.facets["type"]) types += v.count;
  EXPECT_EQ(types, 3u);
}

// The sample archive's newsroom listings repeat releases saved as full pages.
// In one run the entry is dropped (listing_dedup.h); a listing read in a
// later run is a copy of the page already indexed, and shows as one result.
TEST_F(DuplicateGroups, AListingEntryReadAfterItsFullPageJoinsItsGroup) {
  const std::filesystem::path web = std::filesystem::path(PRESSROOM_SOURCE_DIR) / "corpus/web";
  for (const auto& entry : std::filesystem::directory_iterator(web)) {
    std::string name = entry.path().filename().string();
    std::filesystem::path to = dir.path() / (name.rfind("newsroom", 0) == 0 ? "listings" : "pages") / name;
    std::filesystem::create_directories(to.parent_path());
    std::filesystem::copy_file(entry.path(), to);
  }
  index_paths(db_path, {(dir.path() / "pages").string()});
  Searcher before(db_path);
  uint64_t pages = before.search(parse_search_request({})).total;
  IndexStats stats = index_paths(db_path, {(dir.path() / "listings").string()});
  ASSERT_GT(stats.added, 0u);
  EXPECT_GT(stats.duplicates, 0u);
  Searcher after(db_path);
  SearchResult all = after.search(parse_search_request({{"size", "100"}}));
  EXPECT_EQ(all.total, pages + stats.added - stats.duplicates);
  std::map<std::string, std::string> by_url;
  size_t with_copies = 0;
  for (const SearchHit& hit : all.hits) {
    with_copies += !hit.duplicates.empty();
    if (hit.release.url.empty()) continue;
    auto [it, fresh] = by_url.emplace(hit.release.url, hit.release.id);
    EXPECT_TRUE(fresh) << hit.release.url << " is listed twice: " << it->second << " and " << hit.release.id;
  }
  EXPECT_EQ(with_copies, stats.duplicates);
  // The entries that joined a page's group are copies: they carry the group.
  Xapian::Database db(db_path);
  Xapian::doccount copies = 0;
  for (auto it = db.valuestream_begin(schema::kCopyOf); it != db.valuestream_end(schema::kCopyOf); ++it) {
    Xapian::Document doc = db.get_document(it.get_docid());
    EXPECT_EQ(*it, doc.get_value(schema::kDupGroup));
    EXPECT_NE(*it, doc.get_value(schema::kId));
    ++copies;
  }
  EXPECT_EQ(copies, stats.duplicates);
}

TEST(RunDuplicateKeys, ReleasesWhoseKeysNoOtherCarriesAreAlone) {
  RunDuplicateKeys keys;
  keys.add({1, 2, 3});
  keys.add({4, 5});
  keys.add({6, 2});  // shares key 2 with the first
  keys.add({7, 7});  // its own key twice: still alone
  EXPECT_EQ(keys.alone(), (std::vector<bool>{false, true, false, true}));
}

TEST(RunDuplicateKeys, HashesTheKeyTermsAsTheyAre) {
  EXPECT_EQ(RunDuplicateKeys::hash("XDB0abc"), RunDuplicateKeys::hash("XDB0abc"));
  EXPECT_NE(RunDuplicateKeys::hash("XDB0abc"), RunDuplicateKeys::hash("XDB1abc"));
}

TEST_F(DuplicateGroups, AFreshBuildGroupsAsARunIntoAnIndexWithReleasesDoes) {
  // Settled from the keys counted in memory (a run into an empty index) and
  // from the index (a run into one that holds a release already): the same
  // groups, copies together and the rest alone.
  std::vector<Release> releases = {release("a", "Families to hold vigil at Pima processing center", kVigil),
                                   release("b", "Heat survey of farmworkers", kHeat), vigil_copy("c"),
                                   release("d", "Ballots in Spanish and Tohono O'odham", kVoting), vigil_copy("e")};
  std::string file = write("run.jsonl", releases);
  index_paths(db_path, {file});
  std::map<std::string, std::string> fresh;
  for (const Release& r : releases) fresh[r.id] = group_of(r.id);

  std::string seeded_db = (dir.path() / "seeded").string();
  std::string seed = dir.write("seed/one.jsonl", jsonl_line(release("z", "Office hours change", "The Tucson office opens at nine on weekdays from May."))).string();
  index_paths(seeded_db, {seed});
  index_paths(seeded_db, {file});
  std::swap(db_path, seeded_db);
  for (const Release& r : releases) EXPECT_EQ(group_of(r.id), fresh[r.id]) << r.id;
  std::swap(db_path, seeded_db);

  EXPECT_EQ(fresh["c"], fresh["a"]);
  EXPECT_EQ(fresh["e"], fresh["a"]);
  EXPECT_EQ(fresh["b"], "b");
  EXPECT_EQ(fresh["d"], "d");
}

TEST(DuplicateLookupOverADatabase, SeesUncommittedDocumentsOfAWritableDatabase) {
  TempDir dir;
  Xapian::WritableDatabase db((dir.path() / "db").string(), Xapian::DB_CREATE);
  Xapian::TermGenerator generator;
  Release r = release("vigil", "Families to hold vigil at Pima processing center", kVigil);
  db.add_document(schema::document_for(r, generator));
  DatabaseDuplicateLookup lookup(db);
  DuplicateProfile copy = duplicate_profile(vigil_copy("copy"));
  DuplicateGroup group = find_duplicate_group("copy", copy, lookup);
  EXPECT_EQ(group.key, "vigil");
  EXPECT_EQ(group.duplicate_of, "vigil");
  EXPECT_TRUE(lookup.candidates(schema::duplicate_terms(copy), "vigil").empty());
}

}  // namespace
}  // namespace pressroom::testing
