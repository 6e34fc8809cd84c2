// Specification of common/paragraphs.h's repeats_opening(): a summary that is
// only the body's opening, as content systems cut excerpts.
#include "common/paragraphs.h"

#include <gtest/gtest.h>

namespace pressroom {
namespace {

constexpr const char* kBody =
    "In case you missed it: the team hosted two webinars on the new schema.\n\n"
    "Executive Order 1 requires every catalog to list its data.";

TEST(RepeatsOpening, AnExcerptCutMidSentenceRepeatsTheOpening) {
  EXPECT_TRUE(repeats_opening("In case you missed it: the team hosted two", kBody));
}

TEST(RepeatsOpening, AnExcerptEndingInAnEllipsisRepeatsTheOpening) {
  EXPECT_TRUE(repeats_opening("In case you missed it: the team hosted\xE2\x80\xA6", kBody));
  EXPECT_TRUE(repeats_opening("In case you missed it: the team hosted ...", kBody));
  EXPECT_TRUE(repeats_opening("In case you missed it: the team [\xE2\x80\xA6]", kBody));
}

TEST(RepeatsOpening, ItsLineBreaksAndSpacesNeedNotMatchTheBodys) {
  EXPECT_TRUE(repeats_opening("In case you missed it:\n the  team hosted two webinars on the new schema. Executive",
                              kBody));
}

TEST(RepeatsOpening, ASummaryWrittenForTheReleaseDoesNot) {
  EXPECT_FALSE(repeats_opening("Two webinars explain the new metadata schema.", kBody));
  EXPECT_FALSE(repeats_opening("In case you missed it: the team held two webinars", kBody));
}

TEST(RepeatsOpening, AnEmptySummaryOrAnEllipsisAloneDoesNot) {
  EXPECT_FALSE(repeats_opening("", kBody));
  EXPECT_FALSE(repeats_opening("\xE2\x80\xA6", kBody));
  EXPECT_FALSE(repeats_opening("Anything", ""));
}

}  // namespace
}  // namespace pressroom
