// Specification of common/text_folding.h: accent stripping that keeps case
// (so AND/OR survive), the facet matching key, and UTF-8 validation.
#include "common/text_folding.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace pressroom {
namespace {

struct Fold {
  std::string input;
  std::string expected;
};

// Byte-escaped form of a string, for messages about invalid UTF-8.
std::string hex(const std::string& s) {
  static const char* digits = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    out += "\\x";
    out += digits[c >> 4];
    out += digits[c & 0xF];
  }
  return out;
}

// ---------------------------------------------------------------- strip_accents

TEST(TextFolding, StripAccentsRemovesDiacritics) {
  const std::vector<Fold> cases = {
      {"tías", "tias"},           {"acción", "accion"},         {"Fernández", "Fernandez"},
      {"niño", "nino"},           {"über", "uber"},             {"garçon", "garcon"},
      {"Vásquez Peña", "Vasquez Pena"}, {"crème brûlée", "creme brulee"}};
  for (const Fold& c : cases) EXPECT_EQ(strip_accents(c.input), c.expected) << c.input;
}

TEST(TextFolding, StripAccentsKeepsCase) {
  EXPECT_EQ(strip_accents("Tías ACCIÓN Ñandú"), "Tias ACCION Nandu");
}

TEST(TextFolding, StripAccentsKeepsQueryOperatorsRecognisable) {
  EXPECT_EQ(strip_accents("detención AND asilo OR NOT frontera"), "detencion AND asilo OR NOT frontera");
}

TEST(TextFolding, StripAccentsLeavesAsciiUntouched) {
  const std::string text = "  Plain ASCII, with   spacing & punctuation!\n";
  EXPECT_EQ(strip_accents(text), text);
}

TEST(TextFolding, StripAccentsHandlesDecomposedInput) {
  // "e" followed by U+0301 COMBINING ACUTE ACCENT.
  EXPECT_EQ(strip_accents("Jose\xCC\x81"), "Jose");
}

TEST(TextFolding, StripAccentsKeepsLettersThatHaveNoAccent) {
  // Non-Latin scripts and letters that do not decompose stay as they are.
  EXPECT_EQ(strip_accents("Москва ß ø"), "Москва ß ø");
}

TEST(TextFolding, StripAccentsReplacesInvalidUtf8WithReplacementCharacter) {
  EXPECT_EQ(strip_accents("caf\xC3 \xFF"), "caf\xEF\xBF\xBD \xEF\xBF\xBD");
}

TEST(TextFolding, StripAccentsFoldsEachWordOfAMixedText) {
  // Accented words among plain ones, marks after a space or at a line start,
  // invalid bytes next to a space: as if the whole text were folded at once.
  const std::vector<Fold> cases = {
      {"DUBLIN, 30 October \u2014 \u201cPort of the,\u201d said Ana Ruíz.\n\nNext",
       "DUBLIN, 30 October \u2014 \u201cPort of the,\u201d said Ana Ruiz.\n\nNext"},
      {"a \xCC\x81" "b", "a b"},
      {"line\n\xCC\x81" "acci\xC3\xB3n\tni\xC3\xB1o\r\n", "line\naccion\tnino\r\n"},
      {"caf\xC3\n\xFF end", "caf\xEF\xBF\xBD\n\xEF\xBF\xBD end"},
      {"  \xC3\x81NGEL  ", "  ANGEL  "}};
  for (const Fold& c : cases) EXPECT_EQ(strip_accents(c.input), c.expected) << hex(c.input);
}

// --------------------------------------------------------------------- fold_key

TEST(TextFolding, FoldKeyStripsAccentsAndLowersCase) {
  const std::vector<Fold> cases = {
      {"Lucía Fernández", "lucia fernandez"},
      {"FAMILY DETENTION", "family detention"},
      {"Family Detention", "family detention"},
      {"ÁNGEL", "angel"},
      {"Elena Vásquez", "elena vasquez"},
      {"asylum", "asylum"}};
  for (const Fold& c : cases) EXPECT_EQ(fold_key(c.input), c.expected) << c.input;
}

TEST(TextFolding, FoldKeyCollapsesAndTrimsWhitespace) {
  const std::vector<Fold> cases = {
      {"  Lucía  FERNÁNDEZ ", "lucia fernandez"},
      {"\tFamily\n\nDetention\r\n", "family detention"},
      {"   ", ""},
      {"", ""},
      {"Due   Process", "due process"}};
  for (const Fold& c : cases) EXPECT_EQ(fold_key(c.input), c.expected) << "'" << c.input << "'";
}

TEST(TextFolding, FoldKeyTreatsUnicodeSpacesAsWhitespace) {
  // CMS exports often carry no-break spaces between words of a topic; the key
  // must still match the same topic typed with an ordinary space.
  const std::vector<Fold> cases = {
      {"Family\xC2\xA0" "Detention", "family detention"},           // U+00A0 NO-BREAK SPACE
      {"Family\xE2\x80\xAF" "Detention", "family detention"},       // U+202F NARROW NO-BREAK SPACE
      {"\xC2\xA0Lucía Fernández\xC2\xA0", "lucia fernandez"}};
  for (const Fold& c : cases) EXPECT_EQ(fold_key(c.input), c.expected) << hex(c.input);
}

TEST(TextFolding, FoldKeyFoldsCaseFully) {
  // Full case folding: German sharp s matches "ss".
  EXPECT_EQ(fold_key("Straße"), fold_key("STRASSE"));
}

TEST(TextFolding, FoldKeyGivesTheSameKeyForDisplayVariants) {
  EXPECT_EQ(fold_key("Asylum"), fold_key("asylum"));
  EXPECT_EQ(fold_key("Lucía Fernández"), fold_key("LUCIA  fernandez"));
  EXPECT_EQ(fold_key("Tías"), fold_key("tias"));
}

// ---------------------------------------------------------------- is_valid_utf8

TEST(TextFolding, AcceptsWellFormedUtf8) {
  const std::vector<std::string> inputs = {
      "",
      "plain ascii",
      "tías",                         // 2-byte sequences
      "\xE2\x82\xAC",                 // U+20AC EURO SIGN, 3 bytes
      "\xF0\x9F\x98\x80",             // U+1F600, 4 bytes
      "\xF4\x8F\xBF\xBF",             // U+10FFFF, the last code point
      "\xED\x9F\xBF",                 // U+D7FF, just below the surrogates
      "\xEE\x80\x80",                 // U+E000, just above the surrogates
      "\xC2\x80",                     // U+0080, smallest 2-byte
      "\xE0\xA0\x80",                 // U+0800, smallest 3-byte
      "\xF0\x90\x80\x80",             // U+10000, smallest 4-byte
      std::string("nul\0inside", 10)};
  for (const std::string& input : inputs) EXPECT_TRUE(is_valid_utf8(input)) << hex(input);
}

TEST(TextFolding, RejectsOverlongEncodings) {
  const std::vector<std::string> inputs = {
      "\xC0\x80",              // U+0000 in 2 bytes
      "\xC1\xBF",              // U+007F in 2 bytes
      "\xE0\x80\x80",          // U+0000 in 3 bytes
      "\xE0\x9F\xBF",          // U+07FF in 3 bytes
      "\xF0\x80\x80\x80",      // U+0000 in 4 bytes
      "\xF0\x8F\xBF\xBF",      // U+FFFF in 4 bytes
      "\xC0\xAF"};             // '/' in 2 bytes, the classic path-traversal trick
  for (const std::string& input : inputs) EXPECT_FALSE(is_valid_utf8(input)) << hex(input);
}

TEST(TextFolding, RejectsSurrogates) {
  const std::vector<std::string> inputs = {
      "\xED\xA0\x80",                   // U+D800
      "\xED\xBF\xBF",                   // U+DFFF
      "\xED\xA0\xBD\xED\xB8\x80"};      // a CESU-8 surrogate pair
  for (const std::string& input : inputs) EXPECT_FALSE(is_valid_utf8(input)) << hex(input);
}

TEST(TextFolding, RejectsTruncatedSequences) {
  const std::vector<std::string> inputs = {
      "\xC3",               // 2-byte lead alone
      "caf\xC3",            // at the end of a word
      "\xE2\x82",           // 3-byte sequence missing one byte
      "\xF0\x9F\x98",       // 4-byte sequence missing one byte
      "\xF0\x9F",           // missing two
      "\xE2\x82 x"};        // cut off by an ASCII byte
  for (const std::string& input : inputs) EXPECT_FALSE(is_valid_utf8(input)) << hex(input);
}

TEST(TextFolding, RejectsStrayContinuationAndInvalidLeadBytes) {
  const std::vector<std::string> inputs = {"\x80", "abc\xBF", "\xFF", "\xFE", "\xF8\x88\x80\x80\x80",
                                           "\xF5\x80\x80\x80", "\xF4\x90\x80\x80" /* U+110000 */};
  for (const std::string& input : inputs) EXPECT_FALSE(is_valid_utf8(input)) << hex(input);
}

// ---------------------------------------------------------- collapse_whitespace

TEST(TextFolding, CollapseWhitespaceKeepsCaseAndAccents) {
  EXPECT_EQ(collapse_whitespace("  Lucía \t\n FERNÁNDEZ  "), "Lucía FERNÁNDEZ");
}

}  // namespace
}  // namespace pressroom

TEST(TextFolding, FoldedWordsOfSplitsFoldKeyOutputOnItsSpaces) {
  EXPECT_EQ(pressroom::folded_words_of(pressroom::fold_key("  Lucía  FERNÁNDEZ ")), (std::vector<std::string>{"lucia", "fernandez"}));
  EXPECT_TRUE(pressroom::folded_words_of("").empty());
}
