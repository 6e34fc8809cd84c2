// The readable text of an HTML page, on a tree built by gumbo (the HTML5
// parsing algorithm, so malformed markup is repaired the way a browser repairs
// it): parsing, walking, page chrome (navigation, cookie banners, share
// widgets, captions) and plain text with paragraph breaks.
#pragma once

#include <gumbo.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pressroom::html {

// A parsed page. Owns its tree; nodes handed out live as long as the Document.
class Document {
 public:
  // Parses the bytes of a page. UTF-8 (a byte-order mark is dropped) unless
  // the bytes are not valid UTF-8: then they are converted from the charset a
  // <meta> declares in the first 4 KB, or from windows-1252, which is what
  // browsers assume for legacy pages. Never fails: any input gives a tree.
  explicit Document(std::string_view bytes);
  ~Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  const GumboNode* root() const;  // the <html> element (always present)
  const GumboNode* head() const;  // nullptr only for a broken tree
  const GumboNode* body() const;

 private:
  struct Arena;
  std::unique_ptr<Arena> arena_;
  std::string text_;
  GumboOutput* output_ = nullptr;
};

// An upper estimate of how deeply the elements of `html` nest, read from its
// tags alone (comments, script and style contents, void elements, self-closed
// tags and elements whose end tag may be left out are not counted). Gumbo's
// parse time grows with the cube of the nesting depth, so a reader refuses a
// page nested far deeper than any real one instead of stalling on it.
size_t nesting_estimate(std::string_view html);

// The deepest nesting_estimate a reader parses.
inline constexpr size_t kMaxNesting = 5000;

// True for an element with this tag.
bool is_tag(const GumboNode* node, GumboTag tag);

// The value of attribute `name` (lower case) of an element, or "" when the
// node is not an element or has no such attribute.
std::string_view attribute(const GumboNode* node, const char* name);
bool has_attribute(const GumboNode* node, const char* name);

// Preorder walk of `root` and its descendants, iterative so that absurdly deep
// markup cannot overflow the stack. `visit` returns false to leave a node's
// children out.
void walk(const GumboNode* root, const std::function<bool(const GumboNode*)>& visit);

// The first element under `root` (itself included) for which `match` is true,
// in document order; nullptr when there is none.
const GumboNode* find_first(const GumboNode* root, const std::function<bool(const GumboNode*)>& match);

// Whitespace as HTML renders it: every run of spaces (no-break and the other
// Unicode spaces included) becomes one space, zero-width characters and soft
// hyphens disappear, both ends are trimmed.
std::string normalize_space(std::string_view text);

// All the text under `node` on one line (normalize_space), script and style
// left out: for titles, link texts and labels.
std::string inline_text(const GumboNode* node);

// How an element stands to the text of a release.
enum class Chrome {
  None,       // may hold release text
  Always,     // never does: scripts, navigation, form controls, media, captions
  Furniture,  // page structure around the text: header, footer, aside, form,
              // banner/contentinfo roles, header/footer/navigation by class or
              // id, hidden elements. An entry's own header holds its date.
  Widget,     // share buttons, cookie and consent banners, newsletter boxes,
              // breadcrumbs, related links, comments, sidebars, skip links,
              // captions and credits, by the words of their class or id
};

// Classifies one element by its tag, role, hidden/aria-hidden/style
// attributes and the words of its class and id.
Chrome chrome_of(const GumboNode* node);

// Text sizes of every element, computed once so that the heuristics that
// look for content stay linear in the size of the page. Text under Always
// chrome is not counted. Sizes are bytes of non-space text.
class TextSizes {
 public:
  explicit TextSizes(const GumboNode* root);
  size_t text(const GumboNode* node) const;
  size_t link_text(const GumboNode* node) const;       // inside <a href>
  size_t paragraph_text(const GumboNode* node) const;  // inside <p>, <pre>, <blockquote>
  // chrome_of(node), remembered: the heuristics ask for it many times.
  Chrome chrome(const GumboNode* node) const;

 private:
  struct Sizes {
    size_t text = 0, link = 0, paragraph = 0;
    Chrome chrome = Chrome::None;
  };
  const Sizes* find(const GumboNode* node) const;
  std::unordered_map<const GumboNode*, Sizes> sizes_;
};

// True when `node` should be left out of the text of `scope`: Always chrome,
// or Furniture or Widget holding less than half of the scope's text (so that
// a page wrapped whole in one <form>, or a wrapper with "has-sidebar" in its
// class, still gives its text).
bool is_chrome_in(const GumboNode* node, const GumboNode* scope, const TextSizes& sizes);

// The text size of `scope` without the elements is_chrome_in leaves out of
// it: what a reader would see as its content.
size_t content_size(const GumboNode* scope, const TextSizes& sizes);

// The paragraphs of readable text under `root`, in document order: block
// elements (p, div, h1-h6, li, blockquote, tr, ...) and <br> end a paragraph,
// table cells are separated by a space, elements for which `skip` is true are
// left out with their children, and short photo credits ("Photo: …",
// "Photo credit …", "Foto: …") are dropped.
std::vector<std::string> paragraphs(const GumboNode* root,
                                    const std::function<bool(const GumboNode*)>& skip);

// Paragraphs joined with a blank line between them.
std::string join_paragraphs(const std::vector<std::string>& paragraphs);

// True when `text` holds the block markup a CMS writes around paragraphs
// (<p>, <br>, <div>, <h2>, <li>, <table>, <blockquote>): it is HTML, not
// text. A stray tag in plain text ("<img src=x>") is not block markup.
bool has_block_markup(std::string_view text);

// True when `text` holds an inline element opened and closed
// ("<em>Flores</em> settlement", "<a href=…>report</a>"): a title a CMS
// exported as HTML without block markup. One tag alone ("x <b y") is text.
bool has_inline_element(std::string_view text);

// True when `text` holds a character reference (&amp;, &#8211;, &#x2019;,
// &Eacute;). "AT&T;" and "R&D" are not references.
bool has_character_references(std::string_view text);

// `text` with its character references decoded and nothing else changed but
// the spacing within lines: line breaks stay, tags stay text.
std::string decode_references(std::string_view text);

// The text of an HTML fragment, such as the body a CMS exports: its
// paragraphs (as paragraphs() reads them) joined with blank lines, entities
// decoded. A fragment nested deeper than kMaxNesting is returned as it is.
std::string fragment_text(std::string_view html);

// The text of an HTML fragment on one line (inline_text): titles, summaries.
std::string fragment_inline_text(std::string_view html);

}  // namespace pressroom::html
