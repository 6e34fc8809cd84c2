// Specification of common/taxonomy.h: the topics file, and the classifier
// that picks the few topics a release is really about.
#include "common/taxonomy.h"

#include <gtest/gtest.h>

#include <future>
#include <string>
#include <vector>

#include "tests/fixtures.h"

namespace pressroom {
namespace {

using Topics = std::vector<std::string>;

const char* const kYaml = R"(
settings:
  title_weight: 3
  reference_words: 100
  min_score: 4
  body_only_min_score: 7
  min_share: 0.3
  max_topics: 2
topics:
  Family Detention:
    en: [family detention: 3, detained families: 2]
    es: [detención familiar: 3]
    any: [Dilley: 2]
  Detention Conditions:
    en: [detention: 1, detention center: 2, solitary confinement: 3]
  Deportation:
    en: [deportation: 2, raids: 2]
    es: [deportación: 2]
  Asylum:
    en: [asylum: 2]
    any: [Title 42: 2]
  Children's Rights:
    en: [children: 1, youth: 1]
)";

Taxonomy taxonomy() {
  Taxonomy t;
  auto error = parse_taxonomy(kYaml, "test.yaml", t);
  EXPECT_FALSE(error) << *error;
  return t;
}

double score_of(const std::vector<TopicScore>& scores, const std::string& topic) {
  for (const TopicScore& s : scores)
    if (s.topic == topic) return s.score;
  return 0;
}

TEST(MetadataTaxonomy, MatchesPhrasesIgnoringCaseAndAccents) {
  Taxonomy t = taxonomy();
  EXPECT_EQ(t.classify("FAMILY DETENTION RETURNS", "", "en"), (Topics{"Family Detention"}));
  EXPECT_EQ(t.classify("Vuelve la detencion familiar", "", "es"), (Topics{"Family Detention"}));
}

TEST(MetadataTaxonomy, ReadsWordsWithAccentsDashesAndCurlyQuotes) {
  Taxonomy t = taxonomy();
  auto scores = t.score("", "EL PASO, TX \xE2\x80\x94 La detenci\xC3\xB3n familiar \xE2\x80\x9Cvuelve\xE2\x80\x9D\xE2\x80\x94otra vez.",
                        "es");
  EXPECT_EQ(score_of(scores, "Family Detention"), 3);
}

TEST(MetadataTaxonomy, MatchesOtherFormsOfAWordByStemming) {
  Taxonomy t = taxonomy();
  EXPECT_GT(score_of(t.score("", "Deportations rose, and so did the raid on Monday.", "en"), "Deportation"), 0);
  EXPECT_EQ(score_of(t.score("", "Deportations rose.", "en"), "Deportation"), 2);
}

TEST(MetadataTaxonomy, TheLongestPhraseWinsWhereTheyOverlap) {
  auto scores = taxonomy().score("", "Family detention is back.", "en");
  EXPECT_EQ(score_of(scores, "Family Detention"), 3);
  EXPECT_EQ(score_of(scores, "Detention Conditions"), 0) << "'detention' is part of 'family detention'";
}

TEST(MetadataTaxonomy, AnyPhrasesMatchInEveryLanguageWithoutStemming) {
  Taxonomy t = taxonomy();
  EXPECT_EQ(score_of(t.score("", "Families held at Dilley.", "en"), "Family Detention"), 2);
  EXPECT_EQ(score_of(t.score("", "Las familias en Dilley.", "es"), "Family Detention"), 2);
}

TEST(MetadataTaxonomy, TheReleasesLanguageChoosesThePhrases) {
  Taxonomy t = taxonomy();
  EXPECT_EQ(score_of(t.score("", "La deportación de padres.", "es"), "Deportation"), 2);
  EXPECT_EQ(score_of(t.score("", "La deportación de padres.", "en"), "Deportation"), 0);
}

TEST(MetadataTaxonomy, ATitleHitWeighsTitleWeightBodyHits) {
  auto scores = taxonomy().score("Raids in Tucson", "Raids continued.", "en");
  ASSERT_FALSE(scores.empty());
  EXPECT_EQ(scores.front().title, 2);
  EXPECT_EQ(scores.front().body, 2);
  EXPECT_EQ(scores.front().score, 2 * 3 + 2);
}

TEST(MetadataTaxonomy, ALongBodyIsScaledToTheReferenceLength) {
  std::string body = "Asylum asylum. ";
  for (int i = 0; i < 98; ++i) body += "word ";
  auto scores = taxonomy().score("", body, "en");  // 100 words of reference: no scaling
  EXPECT_DOUBLE_EQ(score_of(scores, "Asylum"), 4);
  for (int i = 0; i < 100; ++i) body += "word ";
  EXPECT_DOUBLE_EQ(score_of(taxonomy().score("", body, "en"), "Asylum"), 2);  // 200 words: halved
}

TEST(MetadataTaxonomy, ATopicTheTitleDoesNotNameNeedsMoreEvidence) {
  Taxonomy t = taxonomy();
  EXPECT_EQ(t.classify("A hearing", "Asylum asylum asylum.", "en"), (Topics{})) << "6 < body_only_min_score";
  EXPECT_EQ(t.classify("A hearing", "Asylum asylum asylum asylum.", "en"), (Topics{"Asylum"}));
  EXPECT_EQ(t.classify("Asylum", "Nothing else.", "en"), (Topics{"Asylum"})) << "6 >= min_score, title evidence";
}

TEST(MetadataTaxonomy, OneWeakWordInTheTitleIsNotTitleEvidence) {
  Taxonomy t = taxonomy();
  // "Youth" (weight 1) in the title gives 3 + 2: above min_score, below body_only_min_score.
  EXPECT_EQ(t.classify("Youth Voter Drive", "Children and children.", "en"), (Topics{}));
}

TEST(MetadataTaxonomy, KeepsAtMostMaxTopicsBestFirst) {
  Taxonomy t = taxonomy();
  EXPECT_EQ(t.classify("Family detention, raids and asylum", "", "en"), (Topics{"Family Detention", "Deportation"}));
}

TEST(MetadataTaxonomy, DropsATopicFarBelowTheBest) {
  Taxonomy t = taxonomy();
  // Family Detention: 3*3 + 4*3 = 21; Asylum: 2*3 = 6 < 0.3 * 21.
  EXPECT_EQ(t.classify("Family detention and asylum",
                       "Family detention. Family detention. Family detention. Family detention.", "en"),
            (Topics{"Family Detention"}));
}

TEST(MetadataTaxonomy, ReportsAFileItCannotUse) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"topics: []", "'topics' mapping"},
      {"topics:\n  Asylum: [asylum]", "en/es/any"},
      {"topics:\n  Asylum:\n    fr: [asile]", "unknown language 'fr'"},
      {"topics:\n  Asylum:\n    en: [asylum: 0]", "must be positive"},
      {"topics:\n  Asylum:\n    en: []", "has no phrases"},
      {"settings:\n  speed: 2\ntopics:\n  Asylum:\n    en: [asylum]", "unknown setting 'speed'"},
      {"topics:\n  Asylum:\n    en: [asylum\n", "line"}};
  for (const auto& [yaml, reason] : cases) {
    Taxonomy t;
    auto error = parse_taxonomy(yaml, "bad.yaml", t);
    ASSERT_TRUE(error) << yaml;
    EXPECT_NE(error->find(reason), std::string::npos) << *error;
    EXPECT_NE(error->find("bad.yaml"), std::string::npos) << *error;
    EXPECT_TRUE(t.empty()) << "a failed load leaves the taxonomy as it was";
  }
  Taxonomy t;
  EXPECT_TRUE(load_taxonomy("/nonexistent/taxonomy.yaml", t));
}

TEST(MetadataTaxonomy, TheArchiveTaxonomyHasTheSixteenTopicsOfTheRoster) {
  Taxonomy t;
  ASSERT_FALSE(load_taxonomy(std::string(PRESSROOM_SOURCE_DIR) + "/corpus/taxonomy.yaml", t));
  EXPECT_EQ(t.topics(), (Topics{"Family Detention", "Asylum", "Border Enforcement", "Deportation",
                                "Detention Conditions", "Due Process", "Children's Rights", "Labor Rights",
                                "Housing Justice", "Policing", "Voting Rights", "Climate Displacement",
                                "Health Care Access", "Language Access", "Indigenous Rights", "Public Health"}));
}

TEST(MetadataTaxonomy, OneTaxonomyServesManyThreads) {
  const Taxonomy t = taxonomy();
  const Topics expected = t.classify("Family detention returns", "Detained families at Dilley.", "en");
  std::vector<std::future<bool>> runs;
  for (int thread = 0; thread < 4; ++thread)
    runs.push_back(std::async(std::launch::async, [&] {
      bool same = true;
      for (int i = 0; i < 200; ++i)
        same = same && t.classify("Family detention returns", "Detained families at Dilley.", "en") == expected;
      return same;
    }));
  for (auto& run : runs) EXPECT_TRUE(run.get());
}

}  // namespace
}  // namespace pressroom
