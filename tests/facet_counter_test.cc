// Specification of common/facet_counter.h: exact facet counts over every
// match of a query, multi-valued topics and spokespeople included.
#include "common/facet_counter.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "common/match_walk.h"
#include "common/release_validation.h"
#include "common/schema.h"
#include "tests/fixtures.h"

namespace pressroom {
namespace {

using testing::TempDir;

Release make(std::string id, std::string date, std::string type, std::vector<std::string> topics,
             std::vector<std::string> people) {
  Release r;
  r.id = std::move(id);
  r.title = "Release " + r.id;
  r.date = std::move(date);
  r.type = std::move(type);
  r.topics = std::move(topics);
  r.spokespeople = std::move(people);
  r.body = "Body of release " + r.id + " about detention.";
  r.lang = "en";
  return r;
}

// The fixture: expected counts below are worked out by hand from this list.
std::vector<Release> archive() {
  return {
      make("r1", "2019-05-01", "press-release", {"Asylum", "Family Detention"}, {"Ana Ruiz"}),
      make("r2", "2020-01-10", "statement", {"ASYLUM"}, {"Ana Ruiz", "Lucía Fernández"}),
      make("r3", "2020-06-30", "press-release", {"Asylum", "Public Health"}, {"Lucia Fernandez"}),
      make("r4", "2021-03-03", "report", {"Family Detention"}, {}),
      make("r5", "2018-12-31", "press-release", {"Public Health", "Labor Rights"}, {"Marcus Bell"}),
      make("r6", "2020-09-09", "statement", {}, {"Lucía Fernández"}),
  };
}

// Indexes releases into a fresh database under `dir`, in order; `groups`
// puts some in the near-duplicate group of another (id → group).
std::string build_index(const TempDir& dir, const std::vector<Release>& releases,
                        const std::map<std::string, std::string>& groups = {}) {
  std::string path = (dir.path() / "db").string();
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator generator;
  for (Release r : releases) {
    auto reason = normalize_and_validate(r);
    EXPECT_EQ(reason, std::nullopt) << r.id;
    Xapian::Document doc = schema::document_for(r, generator);
    if (auto group = groups.find(r.id); group != groups.end()) schema::set_duplicate_group(doc, group->second);
    db.add_document(doc);
  }
  db.commit();
  return path;
}

// The ways of counting, which must agree: the in-memory table over the
// matcher's matches or over a walk of the posting lists (local indexes), and
// Xapian's value-count spies on per-position slots (remote shards).
enum class Counting { Table, Walk, Slots };

Counting counting = Counting::Table;  // set by each parameterised test

// Runs `query` with a FacetCounter over every match, fetching only `page` results.
FacetCounts count(const std::string& db_path, const Xapian::Query& query, size_t limit = 0,
                  Xapian::doccount page = 1, FacetSelection selection = {}) {
  Xapian::Database db(db_path);
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  std::vector<std::shared_ptr<const FacetTable>> tables;
  if (counting != Counting::Slots) tables.push_back(std::make_shared<const FacetTable>(db));
  FacetCounter counter(selection, tables, FacetSlots::of(db));
  if (counting == Counting::Walk) {
    std::unique_ptr<MatchWalk> walk = MatchWalk::of(db, query);
    EXPECT_TRUE(walk) << query.get_description();
    if (walk) counter.count_walked(0, *walk);
    return counter.counts(limit);
  }
  counter.attach(enquire);
  enquire.get_mset(0, page, db.get_doccount());
  counter.count_groups_once(db, query);
  return counter.counts(limit);
}

std::vector<FacetValue> facet(const FacetCounts& counts, const std::string& name) {
  auto it = counts.find(name);
  return it == counts.end() ? std::vector<FacetValue>() : it->second;
}

std::string show(const std::vector<FacetValue>& values) {
  std::string out;
  for (const FacetValue& v : values) out += v.value + "=" + std::to_string(v.count) + " ";
  return out;
}

using Expected = std::vector<std::pair<std::string, uint64_t>>;

void expect_values(const std::vector<FacetValue>& actual, const Expected& expected, const std::string& name) {
  ASSERT_EQ(actual.size(), expected.size()) << name << ": " << show(actual);
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(actual[i].value, expected[i].first) << name << " #" << i << ": " << show(actual);
    EXPECT_EQ(actual[i].count, expected[i].second) << name << " #" << i << ": " << show(actual);
  }
}

class FacetCounterTest : public ::testing::TestWithParam<Counting> {
 protected:
  void SetUp() override {
    counting = GetParam();
    db_ = build_index(dir_, archive());
  }
  TempDir dir_;
  std::string db_;
};

TEST_P(FacetCounterTest, CountsEveryMatchNotOnlyThePage) {
  FacetCounts counts = count(db_, Xapian::Query::MatchAll, 0, /*page=*/1);
  expect_values(facet(counts, "type"), {{"press-release", 3}, {"statement", 2}, {"report", 1}}, "type");
  expect_values(facet(counts, "year"), {{"2018", 1}, {"2019", 1}, {"2020", 3}, {"2021", 1}}, "year");
}

TEST_P(FacetCounterTest, CountsEachValueOfMultiValuedFacets) {
  FacetCounts counts = count(db_, Xapian::Query::MatchAll);
  expect_values(facet(counts, "topic"),
                {{"Asylum", 3}, {"Family Detention", 2}, {"Public Health", 2}, {"Labor Rights", 1}}, "topic");
  expect_values(facet(counts, "spokesperson"), {{"Lucía Fernández", 3}, {"Ana Ruiz", 2}, {"Marcus Bell", 1}},
                "spokesperson");
}

TEST_P(FacetCounterTest, CountsEveryValueOfAReleaseWithManyTopicsAndPeople) {
  // More than two of each: the table keeps two in a release's row and the
  // rest beside it.
  TempDir dir;
  std::string db = build_index(
      dir, {make("m1", "2020-02-02", "report", {"Asylum", "Due Process", "Public Health", "Labor Rights"},
                 {"Ana Ruiz", "Marcus Bell", "Lucía Fernández"}),
            make("m2", "2020-03-03", "statement", {"Labor Rights"}, {"Marcus Bell", "Ana Ruiz", "Jo Tan", "Sam Oyelaran"})});
  FacetCounts counts = count(db, Xapian::Query::MatchAll);
  expect_values(facet(counts, "topic"),
                {{"Labor Rights", 2}, {"Asylum", 1}, {"Due Process", 1}, {"Public Health", 1}}, "topic");
  expect_values(facet(counts, "spokesperson"),
                {{"Ana Ruiz", 2}, {"Marcus Bell", 2}, {"Jo Tan", 1}, {"Lucía Fernández", 1}, {"Sam Oyelaran", 1}},
                "spokesperson");
  counts = count(db, Xapian::Query(schema::spokesperson_term("Sam Oyelaran")));
  expect_values(facet(counts, "spokesperson"),
                {{"Ana Ruiz", 1}, {"Jo Tan", 1}, {"Marcus Bell", 1}, {"Sam Oyelaran", 1}}, "spokesperson");
}

TEST_P(FacetCounterTest, MergesCaseVariantsUnderTheMostFrequentDisplayForm) {
  // "Asylum" twice and "asylum" once: one value, three releases.
  FacetCounts counts = count(db_, Xapian::Query::MatchAll);
  std::vector<FacetValue> topics = facet(counts, "topic");
  size_t asylum_entries = 0;
  for (const FacetValue& v : topics) {
    if (v.value == "asylum") ADD_FAILURE() << "the rarer form is shown: " << show(topics);
    if (v.value == "Asylum") {
      ++asylum_entries;
      EXPECT_EQ(v.count, 3u) << show(topics);
    }
  }
  EXPECT_EQ(asylum_entries, 1u) << show(topics);
}

TEST_P(FacetCounterTest, MergesAccentVariantsUnderTheMostFrequentDisplayForm) {
  // "Lucía Fernández" twice and "Lucia Fernandez" once.
  FacetCounts counts = count(db_, Xapian::Query::MatchAll);
  std::vector<FacetValue> people = facet(counts, "spokesperson");
  ASSERT_FALSE(people.empty());
  EXPECT_EQ(people[0].value, "Lucía Fernández") << show(people);
  EXPECT_EQ(people[0].count, 3u) << show(people);
  for (const FacetValue& v : people) EXPECT_NE(v.value, "Lucia Fernandez") << show(people);
}

TEST_P(FacetCounterTest, CountsOnlyTheMatchingDocuments) {
  FacetCounts counts = count(db_, Xapian::Query(schema::boolean_term(schema::prefix::kTopic, "Family Detention")));
  expect_values(facet(counts, "topic"), {{"Family Detention", 2}, {"Asylum", 1}}, "topic");
  expect_values(facet(counts, "spokesperson"), {{"Ana Ruiz", 1}}, "spokesperson");
  expect_values(facet(counts, "type"), {{"press-release", 1}, {"report", 1}}, "type");
  expect_values(facet(counts, "year"), {{"2019", 1}, {"2021", 1}}, "year");
}

TEST_P(FacetCounterTest, OrdersByCountDescendingThenByValue) {
  FacetCounts counts = count(db_, Xapian::Query::MatchAll);
  for (const std::string name : {"topic", "spokesperson", "type"}) {
    std::vector<FacetValue> values = facet(counts, name);
    for (size_t i = 1; i < values.size(); ++i) {
      const FacetValue& a = values[i - 1];
      const FacetValue& b = values[i];
      EXPECT_TRUE(a.count > b.count || (a.count == b.count && a.value < b.value)) << name << ": " << show(values);
    }
  }
}

TEST_P(FacetCounterTest, OrdersYearsAscending) {
  FacetCounts counts = count(db_, Xapian::Query::MatchAll);
  std::vector<FacetValue> years = facet(counts, "year");
  ASSERT_EQ(years.size(), 4u) << show(years);
  for (size_t i = 1; i < years.size(); ++i) EXPECT_LT(years[i - 1].value, years[i].value) << show(years);
}

TEST_P(FacetCounterTest, CountsMonthsAscending) {
  FacetCounts counts = count(db_, Xapian::Query::MatchAll);
  expect_values(facet(counts, "month"),
                {{"2018-12", 1}, {"2019-05", 1}, {"2020-01", 1}, {"2020-06", 1}, {"2020-09", 1}, {"2021-03", 1}},
                "month");
}

TEST_P(FacetCounterTest, OnlySelectedFacetsAppear) {
  FacetSelection selection{false, false, false, false, false};
  selection.topic = true;
  selection.year = true;
  FacetCounts counts = count(db_, Xapian::Query::MatchAll, 0, 1, selection);
  EXPECT_EQ(counts.count("spokesperson"), 0u);
  EXPECT_EQ(counts.count("type"), 0u);
  EXPECT_EQ(counts.count("month"), 0u);
  expect_values(facet(counts, "year"), {{"2018", 1}, {"2019", 1}, {"2020", 3}, {"2021", 1}}, "year");
  EXPECT_EQ(facet(counts, "topic").size(), 4u) << show(facet(counts, "topic"));
}

TEST_P(FacetCounterTest, LimitKeepsTheFirstTopicsAndSpokespeople) {
  FacetCounts counts = count(db_, Xapian::Query::MatchAll, /*limit=*/2);
  expect_values(facet(counts, "topic"), {{"Asylum", 3}, {"Family Detention", 2}}, "topic");
  expect_values(facet(counts, "spokesperson"), {{"Lucía Fernández", 3}, {"Ana Ruiz", 2}}, "spokesperson");
}

TEST_P(FacetCounterTest, LimitLeavesTypesAndYearsWhole) {
  FacetCounts counts = count(db_, Xapian::Query::MatchAll, /*limit=*/1);
  EXPECT_EQ(facet(counts, "type").size(), 3u) << show(facet(counts, "type"));
  EXPECT_EQ(facet(counts, "year").size(), 4u) << show(facet(counts, "year"));
}

TEST_P(FacetCounterTest, NoMatchesGiveNoValues) {
  FacetCounts counts = count(db_, Xapian::Query("nosuchterm"));
  for (const std::string name : {"topic", "spokesperson", "type", "year", "month"})
    EXPECT_TRUE(facet(counts, name).empty()) << name << ": " << show(facet(counts, name));
}

TEST_P(FacetCounterTest, ReleasesWithoutTopicsOrSpokespeopleAddNothingToThem) {
  TempDir dir;
  std::string db = build_index(dir, {make("a", "2020-01-01", "statement", {}, {}),
                                     make("b", "2020-01-02", "statement", {}, {})});
  FacetCounts counts = count(db, Xapian::Query::MatchAll);
  EXPECT_TRUE(facet(counts, "topic").empty()) << show(facet(counts, "topic"));
  EXPECT_TRUE(facet(counts, "spokesperson").empty()) << show(facet(counts, "spokesperson"));
  expect_values(facet(counts, "type"), {{"statement", 2}}, "type");
}

TEST_P(FacetCounterTest, CountsAreExactOverALargerIndex) {
  // 300 releases with topics drawn from variant spellings; the expected
  // counts are tallied here by canonical topic, independently of the engine.
  struct Variant {
    std::string display, canonical;
  };
  const std::vector<Variant> topics = {
      {"Asylum", "asylum"},        {"asylum", "asylum"},
      {"Family Detention", "fd"},  {"family  detention", "fd"},
      {"Due Process", "dp"},       {"Acción Legal", "al"},
      {"Accion legal", "al"},      {"Public Health", "ph"}};
  const std::vector<std::string> types = {"press-release", "statement", "report"};
  std::map<std::string, uint64_t> expected_topic, expected_type, expected_year;
  std::vector<Release> releases;
  uint32_t seed = 12345;
  auto next = [&seed] {
    seed = seed * 1664525u + 1013904223u;
    return seed >> 8;
  };
  for (int i = 0; i < 300; ++i) {
    std::vector<std::string> chosen;
    std::map<std::string, bool> seen;
    int n = static_cast<int>(next() % 4);
    for (int k = 0; k < n; ++k) {
      const Variant& v = topics[next() % topics.size()];
      if (seen[v.canonical]) continue;  // validation would drop a repeat
      seen[v.canonical] = true;
      chosen.push_back(v.display);
      ++expected_topic[v.canonical];
    }
    std::string type = types[next() % types.size()];
    ++expected_type[type];
    int year = 2010 + static_cast<int>(next() % 10);
    ++expected_year[std::to_string(year)];
    releases.push_back(make("r" + std::to_string(i), std::to_string(year) + "-06-15", type, chosen, {}));
  }

  TempDir dir;
  std::string db = build_index(dir, releases);
  FacetCounts counts = count(db, Xapian::Query::MatchAll, 0, /*page=*/10);

  std::map<std::string, uint64_t> actual_topic;
  for (const FacetValue& v : facet(counts, "topic")) {
    std::string canonical;
    for (const Variant& variant : topics)
      if (variant.display == v.value) canonical = variant.canonical;
    ASSERT_FALSE(canonical.empty()) << "unknown display form " << v.value;
    EXPECT_EQ(actual_topic.count(canonical), 0u) << "variants of " << canonical << " not merged: "
                                                 << show(facet(counts, "topic"));
    actual_topic[canonical] = v.count;
  }
  EXPECT_EQ(actual_topic, expected_topic);

  std::map<std::string, uint64_t> actual_type, actual_year;
  for (const FacetValue& v : facet(counts, "type")) actual_type[v.value] = v.count;
  for (const FacetValue& v : facet(counts, "year")) actual_year[v.value] = v.count;
  EXPECT_EQ(actual_type, expected_type);
  EXPECT_EQ(actual_year, expected_year);
}

TEST(FacetSlots, TheRecordIsThePositionsInUseWithUncommittedChanges) {
  TempDir dir;
  std::string path = build_index(dir, archive());
  Xapian::WritableDatabase db(path, Xapian::DB_OPEN);
  Xapian::TermGenerator generator;
  Release many = make("r7", "2021-01-01", "report", {"A", "B", "C", "D", "E"}, {"X"});
  ASSERT_EQ(normalize_and_validate(many), std::nullopt);
  db.add_document(schema::document_for(many, generator));
  FacetSlots::record(db);
  db.commit();
  EXPECT_EQ(db.get_metadata(schema::kMetaFacetPositions), "5 2");
  FacetSlots recorded = FacetSlots::recorded({Xapian::Database(path)}, Xapian::Database(path));
  EXPECT_EQ(recorded.topic_positions, 5u);
  EXPECT_EQ(recorded.spokesperson_positions, 2u);
}

TEST(FacetSlots, ShardsRecordTheirOwnAndTheLargestCounts) {
  TempDir a, b;
  std::vector<Xapian::Database> parts;
  Xapian::Database combined;
  for (const auto* dir : {&a, &b}) {
    std::string path =
        build_index(*dir, {make(dir == &a ? "one" : "two", "2020-01-01", "statement",
                                dir == &a ? std::vector<std::string>{"A", "B", "C"} : std::vector<std::string>{"A"},
                                dir == &a ? std::vector<std::string>{} : std::vector<std::string>{"X", "Y"})});
    Xapian::WritableDatabase db(path, Xapian::DB_OPEN);
    FacetSlots::record(db);
    db.commit();
    parts.emplace_back(path);
    combined.add_database(parts.back());
  }
  FacetSlots slots = FacetSlots::recorded(parts, combined);
  EXPECT_EQ(slots.topic_positions, 3u);
  EXPECT_EQ(slots.spokesperson_positions, 2u);
}

TEST(FacetSlots, AnIndexWithoutARecordIsAskedSlotBySlot) {
  TempDir dir;
  std::string path = build_index(dir, archive());
  Xapian::Database db(path);
  ASSERT_EQ(db.get_metadata(schema::kMetaFacetPositions), "");
  FacetSlots slots = FacetSlots::recorded({db}, db);
  EXPECT_EQ(slots.topic_positions, 2u);
  EXPECT_EQ(slots.spokesperson_positions, 2u);
}

// Near duplicates are one result: a group counts once, with the facets of
// its first match in document order (facet_table.h), both ways.
TEST_P(FacetCounterTest, CountsANearDuplicateGroupOnceWithItsFirstMatch) {
  TempDir dir;
  std::string db = build_index(dir,
                               {make("vigil", "2020-07-14", "media-advisory", {"Detention"}, {"Ana Ruiz"}),
                                make("other", "2021-01-01", "statement", {"Asylum"}, {}),
                                make("vigil-corrected", "2020-07-15", "press-release", {"Deaths"}, {"Rosa Delgado"})},
                               {{"vigil-corrected", "vigil"}});
  FacetCounts counts = count(db, Xapian::Query::MatchAll);
  expect_values(facet(counts, "topic"), {{"Asylum", 1}, {"Detention", 1}}, "topic");
  expect_values(facet(counts, "spokesperson"), {{"Ana Ruiz", 1}}, "spokesperson");
  expect_values(facet(counts, "type"), {{"media-advisory", 1}, {"statement", 1}}, "type");
  expect_values(facet(counts, "month"), {{"2020-07", 1}, {"2021-01", 1}}, "month");
}

TEST_P(FacetCounterTest, ACopyMatchingWithoutItsGroupCountsWithItsOwnFacets) {
  TempDir dir;
  std::string db = build_index(dir,
                               {make("vigil", "2020-07-14", "media-advisory", {"Detention"}, {"Ana Ruiz"}),
                                make("vigil-corrected", "2020-07-15", "press-release", {"Deaths"}, {"Rosa Delgado"})},
                               {{"vigil-corrected", "vigil"}});
  FacetCounts counts = count(db, Xapian::Query(schema::boolean_term(schema::prefix::kTopic, "Deaths")));
  expect_values(facet(counts, "topic"), {{"Deaths", 1}}, "topic");
  expect_values(facet(counts, "spokesperson"), {{"Rosa Delgado", 1}}, "spokesperson");
}

TEST_P(FacetCounterTest, AGroupCountsWithWhicheverMemberComesFirstInDocumentOrder) {
  // The copy was indexed first (its original arrived in a later run, or the
  // original's label outlived its deletion and re-posting).
  TempDir dir;
  std::string db = build_index(dir,
                               {make("summary", "2020-07-15", "statement", {"Deaths"}, {}),
                                make("copy-two", "2020-07-16", "statement", {"Vigil"}, {}),
                                make("vigil", "2020-07-14", "media-advisory", {"Detention"}, {})},
                               {{"summary", "vigil"}, {"copy-two", "vigil"}});
  FacetCounts counts = count(db, Xapian::Query::MatchAll);
  expect_values(facet(counts, "topic"), {{"Deaths", 1}}, "topic");
  expect_values(facet(counts, "type"), {{"statement", 1}}, "type");
}

INSTANTIATE_TEST_SUITE_P(EveryWayOfCounting, FacetCounterTest,
                         ::testing::Values(Counting::Table, Counting::Walk, Counting::Slots),
                         [](const ::testing::TestParamInfo<Counting>& info) {
                           return info.param == Counting::Table ? "Table" : info.param == Counting::Walk ? "Walk" : "Slots";
                         });

}  // namespace
}  // namespace pressroom
