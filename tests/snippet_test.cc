// Specification of common/snippet.h: the HTML-safe passage under each result,
// with the words that match the query wrapped in <mark>.
#include "common/snippet.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <vector>

namespace pressroom {
namespace {

const Xapian::Stem& english() {
  static const Xapian::Stem stem("english");
  return stem;
}

const Xapian::Stem& spanish() {
  static const Xapian::Stem stem("spanish");
  return stem;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// "w1 w2 ... wN" with the given prefix, for filler text.
std::string words(const std::string& prefix, int n) {
  std::string out;
  for (int i = 1; i <= n; ++i) out += (i > 1 ? " " : "") + prefix + std::to_string(i);
  return out;
}

size_t count_of(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1)) ++n;
  return n;
}

const std::string kEllipsis = "…";

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }
bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// ----------------------------------------------------------------- html_escape

TEST(Snippet, HtmlEscapeEscapesTheFiveSpecialCharacters) {
  EXPECT_EQ(html_escape(R"(<a href="x">Tom & Jerry's</a>)"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  EXPECT_EQ(html_escape("plain tías"), "plain tías");
  EXPECT_EQ(html_escape(""), "");
}

// -------------------------------------------------------------------- marking

TEST(Snippet, MarksEveryWordWhoseStemIsAQueryTerm) {
  ASSERT_EQ(english()("detention"), "detent");
  ASSERT_EQ(english()("detentions"), "detent");
  const std::string text = "Detention continues; detentions rose while detention centers expanded.";
  std::string snippet = make_snippet(text, {"detent"}, english());
  EXPECT_TRUE(contains(snippet, "<mark>Detention</mark>")) << snippet;
  EXPECT_TRUE(contains(snippet, "<mark>detentions</mark>")) << snippet;
  EXPECT_EQ(count_of(snippet, "<mark>"), 3u) << snippet;
}

TEST(Snippet, DoesNotMarkAWordWithADifferentStem) {
  // The English stemmer keeps "detained" (detain) apart from "detention" (detent).
  ASSERT_EQ(english()("detained"), "detain");
  std::string snippet = make_snippet("Families were detained, then detention followed.", {"detent"}, english());
  EXPECT_TRUE(contains(snippet, "<mark>detention</mark>")) << snippet;
  EXPECT_FALSE(contains(snippet, "<mark>detained</mark>")) << snippet;
  EXPECT_TRUE(contains(snippet, "detained")) << snippet;
}

TEST(Snippet, MarksWholeWordsOnly) {
  std::string snippet = make_snippet("The party started; art was shown.", {"art"}, english());
  EXPECT_EQ(snippet, "The party started; <mark>art</mark> was shown.");
}

TEST(Snippet, MarksAccentedWordsForFoldedTerms) {
  const std::string text = "La detención de las tías terminó ayer en la frontera.";
  std::string snippet = make_snippet(text, {spanish()("tias"), spanish()("detencion")}, spanish());
  EXPECT_TRUE(contains(snippet, "<mark>tías</mark>")) << snippet;
  EXPECT_TRUE(contains(snippet, "<mark>detención</mark>")) << snippet;
  EXPECT_FALSE(contains(snippet, "<mark>frontera</mark>")) << snippet;
}

TEST(Snippet, MarksUpperCaseAccentedWords) {
  std::string snippet = make_snippet("DECLARACIÓN de ÁNGEL", {spanish()("declaracion")}, spanish());
  EXPECT_TRUE(contains(snippet, "<mark>DECLARACIÓN</mark>")) << snippet;
}

// ------------------------------------------------------------------- escaping

TEST(Snippet, EscapesHtmlInTheText) {
  const std::string text = "Officials wrote <script>alert('x')</script> & then ended detention.";
  std::string snippet = make_snippet(text, {"detent"}, english());
  EXPECT_FALSE(contains(snippet, "<script>")) << snippet;
  EXPECT_TRUE(contains(snippet, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")) << snippet;
  EXPECT_TRUE(contains(snippet, " &amp; ")) << snippet;
  EXPECT_TRUE(contains(snippet, "<mark>detention</mark>")) << snippet;
}

TEST(Snippet, TheOnlyTagsAreMarks) {
  const std::string text = "<b>Bold</b> <i>claims</i> about <mark>detention</mark> <img src=x onerror=alert(1)>";
  std::string snippet = make_snippet(text, {"detent"}, english());
  std::string without_marks = snippet;
  for (const std::string tag : {"<mark>", "</mark>"})
    for (size_t pos; (pos = without_marks.find(tag)) != std::string::npos;) without_marks.erase(pos, tag.size());
  EXPECT_FALSE(contains(without_marks, "<")) << snippet;
  EXPECT_FALSE(contains(without_marks, ">")) << snippet;
}

// --------------------------------------------------------------------- window

TEST(Snippet, ShowsAShortTextWhole) {
  const std::string text = R"("We will not stop," said Ana Ruiz.)";
  EXPECT_EQ(make_snippet(text, {}, english()), html_escape(text));
}

TEST(Snippet, ShowsAShortTextWholeWithItsMarks) {
  EXPECT_EQ(make_snippet("Asylum seekers need lawyers.", {"asylum"}, english()),
            "<mark>Asylum</mark> seekers need lawyers.");
}

TEST(Snippet, PicksTheWindowWithTheMostDistinctTerms) {
  // Many hits of one term early; both terms together only later.
  const std::string text = "asylum asylum asylum asylum asylum asylum " + words("early", 20) +
                           " asylum border " + words("late", 20);
  std::string snippet = make_snippet(text, {"asylum", "border"}, english(), SnippetOptions{8});
  EXPECT_TRUE(contains(snippet, "<mark>border</mark>")) << snippet;
  EXPECT_TRUE(contains(snippet, "<mark>asylum</mark>")) << snippet;
}

TEST(Snippet, PrefersMoreHitsAmongWindowsWithEqualDistinctTerms) {
  const std::string text = "border " + words("a", 20) + " border border border " + words("b", 20);
  std::string snippet = make_snippet(text, {"border"}, english(), SnippetOptions{8});
  EXPECT_EQ(count_of(snippet, "<mark>border</mark>"), 3u) << snippet;
}

TEST(Snippet, TheChosenWindowKeepsEveryDistinctTermItFound) {
  // The only window of 36 words holding both terms starts at "alpha" and ends
  // at "beta"; adding words of context before it must not push "beta" out.
  const std::string text = words("lead", 10) + " alpha " + words("mid", 34) + " beta " + words("tail", 10);
  std::string snippet = make_snippet(text, {"alpha", "beta"}, english());
  EXPECT_TRUE(contains(snippet, "<mark>alpha</mark>")) << snippet;
  EXPECT_TRUE(contains(snippet, "<mark>beta</mark>")) << snippet;
}

TEST(Snippet, HasTheRequestedNumberOfWords) {
  const std::string text = words("w", 100) + " asylum " + words("x", 100);
  for (size_t n : {5u, 12u, 36u}) {
    std::string snippet = make_snippet(text, {"asylum"}, english(), SnippetOptions{n});
    std::string plain = snippet;
    for (const std::string& s : {std::string("<mark>"), std::string("</mark>"), kEllipsis})
      for (size_t pos; (pos = plain.find(s)) != std::string::npos;) {
        plain.erase(pos, s.size());
        plain.insert(pos, 1, ' ');
      }
    size_t word_count = 0;
    bool in_word = false;
    for (char c : plain) {
      bool space = c == ' ';
      if (!space && !in_word) ++word_count;
      in_word = !space;
    }
    EXPECT_EQ(word_count, n) << snippet;
  }
}

TEST(Snippet, MarksATextCutAtBothEndsWithEllipses) {
  const std::string text = words("w", 60) + " asylum " + words("x", 60);
  std::string snippet = make_snippet(text, {"asylum"}, english(), SnippetOptions{10});
  EXPECT_TRUE(starts_with(snippet, kEllipsis)) << snippet;
  EXPECT_TRUE(ends_with(snippet, kEllipsis)) << snippet;
}

TEST(Snippet, NoEllipsisAtAnEndThatIsNotCut) {
  // 14 words, a window of 10 around the hit reaches the end of the text.
  const std::string text = words("w", 8) + " asylum " + words("x", 5) + ".";
  std::string snippet = make_snippet(text, {"asylum"}, english(), SnippetOptions{10});
  EXPECT_TRUE(contains(snippet, "<mark>asylum</mark>")) << snippet;
  EXPECT_TRUE(starts_with(snippet, kEllipsis)) << snippet;
  EXPECT_FALSE(ends_with(snippet, kEllipsis)) << snippet;
  EXPECT_TRUE(ends_with(snippet, "x5.")) << snippet;
}

TEST(Snippet, FindsAQueryWordAmongTheLastWordsOfTheText) {
  // The match is the last word: some window of the text holds it, so the
  // snippet must show it rather than the opening words.
  const std::string text = words("w", 60) + " asylum.";
  std::string snippet = make_snippet(text, {"asylum"}, english(), SnippetOptions{10});
  EXPECT_TRUE(contains(snippet, "<mark>asylum</mark>")) << snippet;
  EXPECT_TRUE(ends_with(snippet, "<mark>asylum</mark>.")) << snippet;
}

TEST(Snippet, FindsAQueryWordNearTheEndOfALongerRelease) {
  // The same with the default 36-word window: a 50-word body whose only
  // match is among its last 35 words.
  const std::string text = words("w", 40) + " detention " + words("x", 9);
  std::string snippet = make_snippet(text, {"detent"}, english());
  EXPECT_TRUE(contains(snippet, "<mark>detention</mark>")) << snippet;
}

TEST(Snippet, WithoutTermsShowsTheOpeningWords) {
  std::string snippet = make_snippet("one two three four five six seven", {}, english(), SnippetOptions{4});
  EXPECT_EQ(snippet, "one two three four" + kEllipsis);
}

TEST(Snippet, WithoutAnyHitShowsTheOpeningWords) {
  std::string snippet = make_snippet("one two three four five six seven", {"zebra"}, english(), SnippetOptions{4});
  EXPECT_EQ(snippet, "one two three four" + kEllipsis);
}

TEST(Snippet, CollapsesWhitespaceAndLineBreaks) {
  std::string snippet = make_snippet("First paragraph.\n\nSecond   paragraph.", {}, english());
  EXPECT_EQ(snippet, "First paragraph. Second paragraph.");
}

TEST(Snippet, EmptyTextGivesAnEmptySnippet) {
  EXPECT_EQ(make_snippet("", {"asylum"}, english()), "");
  EXPECT_EQ(make_snippet("   \n ", {}, english()), "");
}

}  // namespace
}  // namespace pressroom
