// Specification of common/name_normalizer.h: one canonical name per person,
// by the rules (case, titles, initials) and by an aliases file.
#include "common/name_normalizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/fixtures.h"

namespace pressroom {
namespace {

struct Case {
  std::string written, canonical;
};

void expect_rules(const std::vector<Case>& cases) {
  for (const Case& c : cases) EXPECT_EQ(normalize_person_name(c.written), c.canonical) << c.written;
}

TEST(MetadataNameNormalizer, DropsTitlesBeforeTheName) {
  expect_rules({{"Dr. Gloria Ybarra", "Gloria Ybarra"},
                {"Rev. Alma Torres", "Alma Torres"},
                {"the Rev. Daniel Chávez", "Daniel Chávez"},
                {"Sen. Maria Otero", "Maria Otero"},
                {"Sra. Rosa Delgado", "Rosa Delgado"},
                {"Gov Dale Harmon", "Dale Harmon"}});
}

TEST(MetadataNameNormalizer, DropsMiddleInitials) {
  expect_rules({{"Tomás R. Herrera", "Tomás Herrera"}, {"Marcus J Bell", "Marcus Bell"}});
}

TEST(MetadataNameNormalizer, PutsCapitalsAndLowerCaseIntoProperCase) {
  expect_rules({{"ANA RUIZ", "Ana Ruiz"}, {"LUCÍA FERNÁNDEZ", "Lucía Fernández"}, {"ana ruiz", "Ana Ruiz"}});
}

TEST(MetadataNameNormalizer, KeepsParticlesLowerCaseInsideAName) {
  expect_rules({{"MARÍA DE LA CRUZ", "María de la Cruz"}});
}

TEST(MetadataNameNormalizer, KeepsMixedCaseAsWritten) {
  expect_rules({{"Angus McDonald", "Angus McDonald"}, {"Ana DeLeon", "Ana DeLeon"}});
}

TEST(MetadataNameNormalizer, CapitalisesAfterAHyphenAndAfterOApostrophe) {
  expect_rules({{"ANA RUIZ-SOTO", "Ana Ruiz-Soto"}, {"SEAN O'BRIEN", "Sean O'Brien"}});
}

TEST(MetadataNameNormalizer, DropsAParenthesisedSuffixAndSentencePunctuation) {
  expect_rules({{"Maria Otero (D-Ariz.)", "Maria Otero"}, {"Ana Ruiz.", "Ana Ruiz"}, {"\"Henry Lin,\"", "Henry Lin"}});
}

TEST(MetadataNameNormalizer, ProperCaseOfPlacesKeepsParticlesLowerCase) {
  EXPECT_EQ(proper_case("CIUDAD DE MÉXICO"), "Ciudad de México");
  EXPECT_EQ(proper_case("EL PASO"), "El Paso");
  EXPECT_EQ(proper_case("El Paso"), "El Paso");
}

TEST(MetadataNameNormalizer, RoleLosesItsArticleAndItsPossessiveOwner) {
  EXPECT_EQ(normalize_role("the organisation's legal director"), "legal director");
  EXPECT_EQ(normalize_role("a senior staff attorney"), "senior staff attorney");
  EXPECT_EQ(normalize_role("Puentes' executive director,"), "executive director");
  EXPECT_EQ(normalize_role("Director of Advocacy"), "Director of Advocacy");
}

TEST(MetadataNameNormalizer, WithoutAliasesCanonicalIsTheRules) {
  NameNormalizer names;
  EXPECT_EQ(names.canonical("DR. ANA M. RUIZ"), "Ana Ruiz");
}

TEST(MetadataNameNormalizer, MapsAVariantToItsCanonicalName) {
  NameNormalizer names;
  ASSERT_FALSE(names.add("Daniel Okafor", {"Dan Okafor", "Danny Okafor"}));
  EXPECT_EQ(names.canonical("Dan Okafor"), "Daniel Okafor");
  EXPECT_EQ(names.canonical("DANNY OKAFOR"), "Daniel Okafor");
  EXPECT_EQ(names.canonical("Dr. Dan J. Okafor"), "Daniel Okafor");
}

TEST(MetadataNameNormalizer, ACanonicalNameRepairsItsAccents) {
  NameNormalizer names;
  ASSERT_FALSE(names.add("Lucía Fernández", {}));
  EXPECT_EQ(names.canonical("Lucia Fernandez"), "Lucía Fernández");
  EXPECT_EQ(names.canonical("LUCIA FERNANDEZ"), "Lucía Fernández");
}

TEST(MetadataNameNormalizer, AliasedGivesOnlyWhatTheAliasTableLists) {
  NameNormalizer names;
  EXPECT_EQ(names.aliased("jparcell"), std::nullopt) << "no table, no alias";
  ASSERT_FALSE(names.add("Jacob Parcell", {"jparcell"}));
  EXPECT_EQ(names.aliased("jparcell"), "Jacob Parcell");
  EXPECT_EQ(names.aliased("JParcell"), "Jacob Parcell");
  EXPECT_EQ(names.aliased("jacob parcell"), "Jacob Parcell");
  EXPECT_EQ(names.aliased("awichman"), std::nullopt) << "a name it does not list is left to the caller";
  EXPECT_EQ(names.aliased(""), std::nullopt);
}

TEST(MetadataNameNormalizer, RefusesAVariantListedForTwoPeople) {
  NameNormalizer names;
  ASSERT_FALSE(names.add("Samuel Ortiz", {"Sam Ortiz"}));
  auto error = names.add("Samantha Ortiz", {"Sam Ortiz"});
  ASSERT_TRUE(error);
  EXPECT_NE(error->find("sam ortiz"), std::string::npos) << *error;
  EXPECT_EQ(names.canonical("Sam Ortiz"), "Samuel Ortiz");
}

TEST(MetadataNameNormalizer, LoadsAnAliasesFile) {
  testing::TempDir dir;
  auto file = dir.write("aliases.yaml",
                        "# canonical: variants\n"
                        "Daniel Okafor: [Dan Okafor]\n"
                        "Tías Moreno: Tobías Moreno\n"
                        "Lucía Fernández: []\n");
  NameNormalizer names;
  ASSERT_FALSE(load_aliases(file, names));
  EXPECT_EQ(names.canonical("Dan Okafor"), "Daniel Okafor");
  EXPECT_EQ(names.canonical("Tobías Moreno"), "Tías Moreno");
  EXPECT_EQ(names.canonical("Lucia Fernandez"), "Lucía Fernández");
}

TEST(MetadataNameNormalizer, ReportsAnAliasesFileItCannotUse) {
  testing::TempDir dir;
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"[Ana Ruiz, Marcus Bell]\n", "mapping"},
      {"Ana Ruiz: {nick: Annie}\n", "list of strings"},
      {"Ana Ruiz: [Annie\n", "line"},
      {"Ana Ruiz: [Annie]\nAna Ortiz: [Annie]\n", "both"}};
  for (const auto& [text, reason] : cases) {
    NameNormalizer names;
    auto error = load_aliases(dir.write("aliases.yaml", text), names);
    ASSERT_TRUE(error) << text;
    EXPECT_NE(error->find(reason), std::string::npos) << *error;
    EXPECT_EQ(names.size(), 0u) << "a failed load leaves the normaliser as it was";
  }
  NameNormalizer names;
  EXPECT_TRUE(load_aliases(dir.path() / "missing.yaml", names));
}

}  // namespace
}  // namespace pressroom
