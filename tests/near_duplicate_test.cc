// Near-duplicate releases (common/near_duplicate.h): copies of one release
// are recognised through a re-post's label, a correction, a summary or a
// listing entry, while different releases of one organisation on one topic,
// sharing its boilerplate, are not.
#include "common/near_duplicate.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "common/listing_dedup.h"

namespace pressroom {
namespace {

const char* kBoilerplate =
    "About Puentes Human Rights Center\n\n"
    "Puentes Human Rights Center defends the rights of migrants, refugees and border communities through legal "
    "representation, research, organizing and advocacy. Founded in 2009, Puentes has offices in Tucson, El Paso, "
    "Washington and San Diego and serves thousands of families every year in English and Spanish.\n\n"
    "Media contact: Leah Carter, Press Officer, press@puentes.example.org, (520) 555-0143\n\n"
    "###";

// Three different releases on one topic (family detention), as one
// organisation would write them in one season.
const char* kClinicText =
    "DILLEY, TX — Puentes Human Rights Center today opened a legal clinic for mothers and children held at the "
    "South Plains family residential center, where more than 1,100 people are detained while they wait for an "
    "asylum screening.\n\n"
    "Volunteer attorneys will meet families six days a week to prepare them for credible fear interviews, explain "
    "the bond process and document medical needs that the facility has not addressed.\n\n"
    "“Mothers arrive here exhausted, carrying toddlers, and within days they are asked to tell a stranger about the "
    "worst moments of their lives,” said Lucía Fernández, Legal Director. “Nobody should face that interview "
    "alone.”\n\n"
    "The clinic is supported by law school volunteers from three states, who rotate through the site in two-week "
    "shifts and receive training on trauma-informed interviewing before they arrive.";

const char* kReportText =
    "WASHINGTON — A report released today by Puentes Human Rights Center finds that children held in family "
    "detention lost weight, missed vaccinations and went weeks without schooling during the first year of the "
    "expanded detention policy.\n\n"
    "Researchers reviewed the records of 312 families and interviewed pediatricians who examined children after "
    "release. Two in five children showed signs of anxiety that their doctors linked to confinement.\n\n"
    "“These findings confirm what parents told us from the first week,” said Jonah Feld, Research Director. "
    "“Detention harms children, and no amount of new paint on the walls changes that.”\n\n"
    "The report recommends ending family detention, releasing families to community case management and "
    "publishing monthly data on medical care inside each facility.";

const char* kLawsuitText =
    "SAN ANTONIO, TX — Puentes Human Rights Center and two partner organizations filed suit today on behalf of "
    "four mothers who say guards at a family detention center denied their children prescribed medication for "
    "days at a time.\n\n"
    "The complaint, filed in federal court, asks the judge to order the facility to follow its own medical "
    "standards and to allow independent monitors to inspect the clinic every month.\n\n"
    "“A locked door is not a reason to stop a child's asthma treatment,” said Daniel Okafor, Senior Staff "
    "Attorney. “The government is responsible for the health of every person it detains.”\n\n"
    "The families are represented free of charge. The lawsuit seeks no money damages, only changes in how the "
    "facility provides care.";

Release release(const std::string& id, const std::string& title, const std::string& date, const std::string& body) {
  Release r;
  r.id = id;
  r.title = title;
  r.date = date;
  r.type = "press-release";
  r.body = body;
  return r;
}

std::string with_boilerplate(const std::string& text) { return text + "\n\n" + kBoilerplate; }

std::string replace(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

TEST(NormalisedTitle, DropsNewsroomLabelsAtEitherEnd) {
  const std::string plain = "families deliver letters to congress";
  for (const char* title :
       {"Families Deliver Letters to Congress", "UPDATED: Families Deliver Letters to Congress",
        "Corrected - Families deliver letters to Congress", "[Update] Families deliver letters to Congress",
        "Families Deliver Letters to Congress (corrected)", "Families Deliver Letters to Congress — Updated",
        "Media Advisory: Families Deliver Letters to Congress", "UPDATED: CORRECTED: Families deliver letters to congress.",
        "  families   DELIVER letters to Congress "})
    EXPECT_EQ(normalised_title(title), plain) << title;
  EXPECT_EQ(normalised_title("ACTUALIZADO: Las familias entregan cartas al Congreso"),
            "las familias entregan cartas al congreso");
}

TEST(NormalisedTitle, KeepsALabelWordThatIsPartOfTheTitle) {
  EXPECT_EQ(normalised_title("Statement on the Eloy Detention Expansion"), "statement on the eloy detention expansion");
  EXPECT_EQ(normalised_title("Update on Family Reunification"), "update on family reunification");
}

TEST(Boilerplate, ContactsAndEndMarkersAreBoilerplateTextIsNot) {
  for (const char* p : {"Media contact: Leah Carter, Press Officer, press@puentes.example.org", "###", "- 30 -",
                        "For immediate release", "Pablo Ríos, Media Relations, (520) 555-0143",
                        "Contacto de prensa: Pablo Ríos"})
    EXPECT_TRUE(is_boilerplate_paragraph(p)) << p;
  for (const char* p : {"Volunteer attorneys will meet families six days a week.", "About 200 families arrived on Monday.",
                        "The report recommends ending family detention."})
    EXPECT_FALSE(is_boilerplate_paragraph(p)) << p;
}

TEST(ComparableText, LeavesOutTheAboutSectionAndContacts) {
  std::string text = comparable_text(release("a", "Clinic", "2019-03-01", with_boilerplate(kClinicText)));
  EXPECT_NE(text.find("Volunteer attorneys"), std::string::npos);
  EXPECT_EQ(text.find("Founded in 2009"), std::string::npos);
  EXPECT_EQ(text.find("Leah Carter"), std::string::npos);
  EXPECT_EQ(text.find("###"), std::string::npos);
}

TEST(ComparableText, ParagraphsThatBeginWithAboutAreTextUnlessAHeading) {
  std::string body = "About 40 families waited outside the court on Monday.\n\nAbout half of them had a lawyer.\n\n"
                     "The judge heard the case.\n\nAbout Puentes\n\nPuentes defends the rights of migrants.";
  std::string text = comparable_text(release("a", "Court", "2019-03-01", body));
  EXPECT_NE(text.find("About 40 families"), std::string::npos);
  EXPECT_NE(text.find("The judge heard"), std::string::npos);
  EXPECT_EQ(text.find("defends the rights"), std::string::npos);
}

TEST(NearDuplicate, TheSameTextPostedTwiceIsADuplicate) {
  Release a = release("a", "Puentes Opens Clinic at South Plains", "2019-03-01", with_boilerplate(kClinicText));
  Release b = release("b", "Puentes Opens Clinic at South Plains", "2019-03-01", with_boilerplate(kClinicText));
  DuplicateProfile pa = duplicate_profile(a), pb = duplicate_profile(b);
  EXPECT_EQ(pa.bands, pb.bands);
  EXPECT_DOUBLE_EQ(similarity(pa, pb).jaccard, 1.0);
  EXPECT_TRUE(are_near_duplicates(pa, pb));
}

TEST(NearDuplicate, ACorrectedRepostUnderALabelIsADuplicate) {
  Release a = release("a", "Puentes Opens Clinic at South Plains", "2019-03-01", with_boilerplate(kClinicText));
  std::string corrected = replace(kClinicText, "more than 1,100 people", "more than 1,200 people");
  corrected = replace(corrected, "six days a week", "five days a week");
  Release b = release("b", "CORRECTED: Puentes Opens Clinic at South Plains", "2019-03-01", with_boilerplate(corrected));
  DuplicateProfile pa = duplicate_profile(a), pb = duplicate_profile(b);
  EXPECT_EQ(pa.title_date, pb.title_date);
  EXPECT_GT(similarity(pa, pb).jaccard, 0.8);
  EXPECT_TRUE(are_near_duplicates(pa, pb));
  EXPECT_TRUE(are_near_duplicates(pb, pa));
  // LSH finds it: at least one band in common.
  bool shared = std::any_of(pa.bands.begin(), pa.bands.end(),
                            [&](const std::string& band) { return std::count(pb.bands.begin(), pb.bands.end(), band); });
  EXPECT_TRUE(shared);
}

TEST(NearDuplicate, ARewordedRepostOnTheSameDayIsADuplicateButNotOnAnotherDay) {
  std::string reworded = kReportText;
  for (auto [from, to] : {std::pair{"went weeks", "spent weeks"}, std::pair{"Two in five", "Forty percent of"},
                          std::pair{"publishing monthly", "releasing monthly"}})
    reworded = replace(reworded, from, to);
  Release a = release("a", "Report: Detention Harms Children", "2019-03-01", kReportText);
  Release b = release("b", "New Report Finds Family Detention Harms Children", "2019-03-01", reworded);
  DuplicateProfile pa = duplicate_profile(a), pb = duplicate_profile(b);
  double jaccard = similarity(pa, pb).jaccard;
  EXPECT_GE(jaccard, kSameDayJaccard);
  EXPECT_LT(jaccard, kSameTextJaccard);
  EXPECT_TRUE(are_near_duplicates(pa, pb));
  b.date = "2019-06-01";
  EXPECT_FALSE(are_near_duplicates(pa, duplicate_profile(b)));
}

TEST(NearDuplicate, TheSameTextUnderAnotherTitleAndDateIsADuplicate) {
  Release a = release("a", "Puentes Opens Clinic at South Plains", "2019-03-01", kClinicText);
  Release b = release("b", "Legal clinic for detained families", "2019-03-04", kClinicText);
  EXPECT_TRUE(are_near_duplicates(duplicate_profile(a), duplicate_profile(b)));
}

TEST(NearDuplicate, ASummaryOfTheReleaseUnderItsTitleAndDateIsADuplicate) {
  Release full = release("full", "Puentes Opens Clinic at South Plains", "2019-03-01", with_boilerplate(kClinicText));
  Release summary = release("summary", "Puentes Opens Clinic at South Plains", "2019-03-01", "");
  summary.summary =
      "Puentes Human Rights Center today opened a legal clinic for mothers and children held at the South Plains "
      "family residential center.";
  DuplicateProfile pf = duplicate_profile(full), ps = duplicate_profile(summary);
  EXPECT_LT(similarity(pf, ps).jaccard, 0.3);
  EXPECT_GT(similarity(pf, ps).containment, 0.5);
  EXPECT_TRUE(are_near_duplicates(pf, ps));
  // The same summary under another title is a quotation, not a copy.
  summary.title = "Clinic news";
  EXPECT_FALSE(are_near_duplicates(pf, duplicate_profile(summary)));
}

TEST(NearDuplicate, AListingEntryIsACopyOfThePageWithItsTitleAndDate) {
  Release full = release("full", "Puentes Opens Clinic at South Plains", "2019-03-01", kClinicText);
  Release entry = release("entry", "Puentes Opens Clinic at South Plains", "2019-03-01", "");
  entry.summary = "A new clinic for families, six days a week, with volunteers from three states and trained staff.";
  entry.provenance[kListingMarker] = Provenance::Extracted;
  EXPECT_TRUE(are_near_duplicates(duplicate_profile(full), duplicate_profile(entry)));
  entry.date = "2019-03-02";
  EXPECT_FALSE(are_near_duplicates(duplicate_profile(full), duplicate_profile(entry)));
  entry.url = full.url = "https://puentes.example.org/news/clinic";
  EXPECT_TRUE(are_near_duplicates(duplicate_profile(full), duplicate_profile(entry)));
}

TEST(NearDuplicate, DifferentReleasesOnOneTopicWithTheSameBoilerplateAreNot) {
  std::vector<Release> releases = {
      release("clinic", "Puentes Opens Clinic at South Plains", "2019-03-01", with_boilerplate(kClinicText)),
      release("report", "Report: Detention Harms Children", "2019-03-01", with_boilerplate(kReportText)),
      release("lawsuit", "Mothers Sue Over Denied Medication", "2019-03-05", with_boilerplate(kLawsuitText))};
  for (const Release& a : releases)
    for (const Release& b : releases) {
      if (a.id == b.id) continue;
      DuplicateProfile pa = duplicate_profile(a), pb = duplicate_profile(b);
      EXPECT_LT(similarity(pa, pb).jaccard, 0.05) << a.id << " / " << b.id;
      EXPECT_FALSE(are_near_duplicates(pa, pb)) << a.id << " / " << b.id;
    }
}

TEST(NearDuplicate, ShortReleasesThatShareOnlyBoilerplateAreNot) {
  Release a = release("a", "Press call on Monday", "2019-03-01",
                      with_boilerplate("Puentes will hold a press call on Monday about the new clinic."));
  Release b = release("b", "Vigil in Tucson on Friday", "2019-03-01",
                      with_boilerplate("Families and neighbours gather on Friday evening for a vigil in Tucson."));
  EXPECT_FALSE(are_near_duplicates(duplicate_profile(a), duplicate_profile(b)));
}

TEST(NearDuplicate, TheSameGenericTitleOnOneDayWithDifferentTextsIsNot) {
  Release a = release("a", "Statement", "2019-03-01", kClinicText);
  Release b = release("b", "Statement", "2019-03-01", kLawsuitText);
  EXPECT_FALSE(are_near_duplicates(duplicate_profile(a), duplicate_profile(b)));
}

TEST(NearDuplicate, ReleasesWithoutTextAreCopiesOnlyWithTheSameTitleAndDate) {
  Release a = release("a", "Clinic opens", "2019-03-01", "");
  Release b = release("b", "Updated: Clinic opens", "2019-03-01", "");
  Release c = release("c", "Clinic closes", "2019-03-01", "");
  EXPECT_TRUE(are_near_duplicates(duplicate_profile(a), duplicate_profile(b)));
  EXPECT_FALSE(are_near_duplicates(duplicate_profile(a), duplicate_profile(c)));
  EXPECT_TRUE(duplicate_profile(a).bands.empty());
}

TEST(NearDuplicate, ProfilesGiveOneKeyPerBand) {
  DuplicateProfile p = duplicate_profile(release("a", "Clinic", "2019-03-01", kClinicText));
  ASSERT_EQ(p.bands.size(), kBands);
  for (size_t b = 0; b < kBands; ++b) EXPECT_EQ(p.bands[b].size(), 13u) << p.bands[b];
  EXPECT_EQ(p.title_date.size(), 16u);
  EXPECT_TRUE(p.url.empty());
}

}  // namespace
}  // namespace pressroom
