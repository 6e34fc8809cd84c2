// Snippets go into pages as markup: only <mark> may survive, whatever the
// engine hands over.
#include "server/snippet_markup.h"

#include <gtest/gtest.h>

namespace pressroom {
namespace {

TEST(SnippetHtml, KeepsWhatTheEngineWrites) {
  EXPECT_EQ(snippet_html("…family <mark>detention</mark> &amp; &lt;b&gt; &quot;x&quot; &#39;y&#39;…"),
            "…family <mark>detention</mark> &amp; &lt;b&gt; &quot;x&quot; &#39;y&#39;…");
}

TEST(SnippetHtml, EscapesEveryOtherTag) {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
      {"<mark onclick=x>a</mark>", "&lt;mark onclick=x&gt;a&lt;/mark&gt;"},
      {"<MARK>a</MARK>", "&lt;MARK&gt;a&lt;/MARK&gt;"},
      {"a</mark>b", "a&lt;/mark&gt;b"},                       // a close without an open
      {"<mark>a<mark>b</mark>", "<mark>a&lt;mark&gt;b</mark>"},  // no nesting
      {"<mark>open", "<mark>open</mark>"},                     // closed at the end
      {"AT&T & &amp &#; &#x; &#12345678901;", "AT&amp;T &amp; &amp;amp &amp;#; &amp;#x; &amp;#12345678901;"},
      {"say \"hi\"", "say &quot;hi&quot;"},
      {"&#x2026;&#8230;", "&#x2026;&#8230;"},
  };
  for (const Case& c : cases) EXPECT_EQ(snippet_html(c.in), c.out) << c.in;
}

TEST(SnippetText, RemovesMarksAndDecodesReferences) {
  EXPECT_EQ(snippet_text("<mark>Family</mark> &amp; &lt;b&gt; &quot;x&quot; &#39;y&#39; &#x2026; &#233;"),
            "Family & <b> \"x\" 'y' … é");
  EXPECT_EQ(snippet_text("no markup"), "no markup");
  EXPECT_EQ(snippet_text("&#0; &#xD800;"), "\xEF\xBF\xBD \xEF\xBF\xBD");  // not characters: U+FFFD
}

}  // namespace
}  // namespace pressroom
