#include "common/markdown_text.h"

#include <cmark.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "common/html_text.h"
#include "common/text_folding.h"

namespace pressroom {
namespace {

// Shortcodes ({{< img src="…" >}}, {{% note %}}, {% include x %}) are template
// calls, not text; their inner text between paired tags is kept. One that
// gives a link's address (`[text]({{< ref "post.md" >}} "Title")`, Hugo's
// way to link a post) leaves an address of "#" behind, so that the link is
// still read as a link (its text kept, its address and title not).
std::string strip_shortcodes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    if (text.compare(i, 2, "{{") == 0 || text.compare(i, 2, "{%") == 0) {
      std::string_view close = text[i + 1] == '{' ? "}}" : "%}";
      size_t end = text.find(close, i + 2);
      if (end != std::string_view::npos && end - i < 2000) {
        size_t kept = out.find_last_not_of(' ');
        i = end + 2;
        if (kept != std::string::npos && kept > 0 && out.compare(kept - 1, 2, "](") == 0) {
          out += '#';
          // A title needs a space before it; one in typographic quotes is no
          // title to CommonMark: dropped.
          size_t title = text.find_first_not_of(' ', i);
          if (title != std::string_view::npos && (text[title] == '"' || text[title] == '\'')) out += ' ';
          if (title != std::string_view::npos && text.compare(title, 3, "\xE2\x80\x9C") == 0) {
            size_t closing = text.find("\xE2\x80\x9D", title + 3);
            size_t paren = closing == std::string_view::npos ? closing : text.find_first_not_of(' ', closing + 3);
            if (paren != std::string_view::npos && text[paren] == ')' && paren - title < 500) i = paren;
          }
        }
        continue;
      }
    }
    out.push_back(text[i++]);
  }
  return out;
}

// Where `text` is code (fenced blocks, `code spans`): nothing there is
// Markdown, so nothing there is rewritten. Pairs [begin, end), in order.
std::vector<std::pair<size_t, size_t>> code_ranges(std::string_view text) {
  std::vector<std::pair<size_t, size_t>> ranges;
  size_t fence_begin = std::string_view::npos, fence_length = 0;
  char fence = 0;
  for (size_t line = 0; line < text.size();) {
    size_t eol = text.find('\n', line);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view row = text.substr(line, eol - line);
    if (!row.empty() && row.back() == '\r') row.remove_suffix(1);
    size_t lead = row.find_first_not_of(' ');
    bool fence_row = false;
    if (lead != std::string_view::npos && lead < 4 && (row[lead] == '`' || row[lead] == '~')) {
      char mark = row[lead];
      size_t after = std::min(row.find_first_not_of(mark, lead), row.size());
      size_t run = after - lead;
      if (fence == 0 && run >= 3 && (mark == '~' || row.find('`', after) == std::string_view::npos)) {
        fence = mark;  // (a backtick in a backtick fence's info string makes it a code span)
        fence_length = run;
        fence_begin = line;
        fence_row = true;
      } else if (fence == mark && run >= fence_length && row.find_first_not_of(' ', after) == std::string_view::npos) {
        ranges.emplace_back(fence_begin, eol);
        fence = 0;
        fence_row = true;
      }
    }
    if (fence == 0 && !fence_row) {
      // Code spans: a run of backticks to the next run of as many.
      for (size_t i = 0; i < row.size();) {
        if (row[i] != '`') {
          ++i;
          continue;
        }
        size_t run = row.find_first_not_of('`', i);
        if (run == std::string_view::npos) break;
        size_t length = run - i;
        size_t close = row.find(std::string(length, '`'), run);
        while (close != std::string_view::npos && close + length < row.size() && row[close + length] == '`')
          close = row.find(std::string(length, '`'), row.find_first_not_of('`', close));
        if (close == std::string_view::npos) {
          i = run;
          continue;
        }
        ranges.emplace_back(line + i, line + close + length);
        i = close + length;
      }
    }
    line = eol + 1;
  }
  if (fence != 0) ranges.emplace_back(fence_begin, text.size());  // never closed: code to the end
  return ranges;
}

// A link address written with spaces (`[Email me](mailto:a@b.gov?subject=Two
// words)`, `(http://x.org/a b)`) is no address to CommonMark, which then
// shows the whole link as text; browsers and the CMSs that wrote them read
// the spaces as %20. An address with a title or parentheses is left alone,
// and so is code: a sample showing Markdown shows it as written.
std::string encode_spaces_in_link_addresses(std::string text) {
  if (text.find("](") == std::string::npos) return text;
  std::vector<std::pair<size_t, size_t>> code = code_ranges(text);
  std::string out;
  size_t copied = 0, range = 0;
  for (size_t at = text.find("]("); at != std::string::npos; at = text.find("](", at + 2)) {
    while (range < code.size() && code[range].second <= at) ++range;
    if (range < code.size() && code[range].first <= at) continue;
    size_t begin = at + 2, end = text.find(')', begin);
    if (end == std::string::npos) break;
    std::string_view address(text.data() + begin, end - begin);
    bool url = address.rfind("http://", 0) == 0 || address.rfind("https://", 0) == 0 ||
               address.rfind("mailto:", 0) == 0 || address.rfind("/", 0) == 0;
    if (!url || address.find(' ') == std::string_view::npos ||
        address.find_first_of("\"'(<\n") != std::string_view::npos || address.find("\xE2\x80\x9C") != std::string_view::npos)
      continue;
    out.append(text, copied, begin - copied);
    for (char c : address) out.append(c == ' ' ? std::string_view("%20") : std::string_view(&c, 1));
    copied = end;
  }
  if (copied == 0) return text;
  out.append(text, copied, std::string::npos);
  return out;
}

// A text node's runs of two or more asterisks are emphasis CommonMark could
// not pair (`**Title\n\n**`, `and** Name**`): markup, shown by no site as
// meant, and no word of the release.
std::string without_stray_asterisks(const char* literal) {
  std::string out;
  if (!literal) return out;
  for (const char* c = literal; *c; ++c) {
    if (*c == '*' && (c[1] == '*' || (c > literal && c[-1] == '*'))) continue;
    out.push_back(*c);
  }
  return out;
}

// A heading's attribute list (`## Contact {#toc5}`, as Hugo, kramdown and
// Pandoc write ids and classes) is no text of the heading.
void drop_heading_attributes(std::string& heading) {
  size_t end = heading.find_last_not_of(' ');
  if (end == std::string::npos || heading[end] != '}') return;
  size_t open = heading.rfind('{', end);
  if (open == std::string::npos || open + 1 >= end || (heading[open + 1] != '#' && heading[open + 1] != '.')) return;
  heading.erase(open);
}

struct NodeText {
  std::string out;
  std::string block;

  void end_block() {
    std::string clean = collapse_whitespace(block);
    block.clear();
    if (clean.empty()) return;
    if (!out.empty()) out += "\n\n";
    out += clean;
  }
};

std::string html_fragment_text(const char* html) { return html ? html::fragment_inline_text(html) : std::string(); }

// Whether a code block was fenced: cmark 0.30 cannot say, its first source
// line tells. `line_starts` is the offset of each line of `source`, filled
// on first use and kept for the document's other blocks.
bool is_fenced(cmark_node* code_block, std::string_view source, std::vector<size_t>& line_starts) {
  if (line_starts.empty()) {
    line_starts.push_back(0);
    for (size_t eol = source.find('\n'); eol != std::string_view::npos; eol = source.find('\n', eol + 1))
      line_starts.push_back(eol + 1);
  }
  int line = cmark_node_get_start_line(code_block);
  if (line < 1 || static_cast<size_t>(line) > line_starts.size()) return true;
  size_t begin = line_starts[line - 1];
  std::string_view opening = source.substr(begin, source.find('\n', begin) - begin);
  size_t content = opening.find_first_not_of(" \t>");
  if (content == std::string_view::npos) return false;
  opening.remove_prefix(content);
  return opening.substr(0, 3) == "```" || opening.substr(0, 3) == "~~~";
}

// An indented "code block" that starts with a tag is HTML that a CMS export
// indented, not code: after a blank line, CommonMark reads the indented
// `<p>` of a pasted WordPress page as code. Fenced blocks stay code.
bool is_indented_html(cmark_node* code_block, std::string_view source, std::vector<size_t>& line_starts) {
  const char* literal = cmark_node_get_literal(code_block);
  if (!literal) return false;
  std::string_view text(literal);
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || text[first] != '<' || first + 1 >= text.size()) return false;
  char next = text[first + 1];
  if (!std::isalpha(static_cast<unsigned char>(next)) && next != '/' && next != '!') return false;
  return !is_fenced(code_block, source, line_starts);
}

// An indented "code block" right after a list is the list item's next
// paragraph, indented by four spaces as Markdown.pl and the WordPress
// exports written for it continue an item ("  1. **Promote.**" then a blank
// line and "    If you have the time…"): CommonMark wants the item's content
// column (five here), ends the list and reads code, with its entities
// (&#8217;) and links left raw. Fenced blocks stay code.
bool is_list_continuation(cmark_node* code_block, std::string_view source, std::vector<size_t>& line_starts) {
  cmark_node* before = cmark_node_previous(code_block);
  return before && cmark_node_get_type(before) == CMARK_NODE_LIST && !is_fenced(code_block, source, line_starts);
}

// How many list continuations inside list continuations are read as text;
// deeper ones stay code, so that hostile nesting cannot make each level
// parse the rest of the document again.
constexpr int kMaxContinuationDepth = 4;

std::string text_of(std::string_view markdown, int depth);

using NodePtr = std::unique_ptr<cmark_node, decltype(&cmark_node_free)>;

NodePtr parse_markdown(const std::string& source) {
  return NodePtr(cmark_parse_document(source.data(), source.size(), CMARK_OPT_DEFAULT | CMARK_OPT_SMART),
                 &cmark_node_free);
}

}  // namespace

std::string first_heading(std::string_view markdown) {
  NodePtr root = parse_markdown(strip_shortcodes(markdown));
  if (!root) return {};
  std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> iter(cmark_iter_new(root.get()), &cmark_iter_free);
  std::string title;
  int depth = 0;  // > 0 inside the first level-1 heading
  for (cmark_event_type ev; (ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_HEADING && cmark_node_get_heading_level(node) == 1) {
      if (ev == CMARK_EVENT_ENTER) {
        ++depth;
      } else {
        drop_heading_attributes(title);
        return collapse_whitespace(title);
      }
      continue;
    }
    if (depth == 0) continue;
    if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) title += cmark_node_get_literal(node);
    if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) title += ' ';
  }
  return {};
}

std::string markdown_to_text(std::string_view markdown) { return text_of(markdown, 0); }

namespace {

std::string text_of(std::string_view markdown, int depth) {
  std::string source = encode_spaces_in_link_addresses(strip_shortcodes(markdown));
  NodePtr root = parse_markdown(source);
  if (!root) return collapse_whitespace(source);

  NodeText text;
  std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> iter(cmark_iter_new(root.get()),
                                                              &cmark_iter_free);
  int skip_depth = 0;  // inside an image: its alt text is not body text
  std::vector<size_t> line_starts;
  for (cmark_event_type ev; (ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_IMAGE) {
      skip_depth += ev == CMARK_EVENT_ENTER ? 1 : -1;
      continue;
    }
    if (skip_depth > 0) continue;
    switch (type) {
      case CMARK_NODE_TEXT:
        text.block += without_stray_asterisks(cmark_node_get_literal(node));
        break;
      case CMARK_NODE_CODE:
        text.block += cmark_node_get_literal(node);
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        text.block += ' ';
        break;
      case CMARK_NODE_CODE_BLOCK:
        if (is_indented_html(node, source, line_starts)) {
          text.block += html_fragment_text(cmark_node_get_literal(node));
        } else if (depth < kMaxContinuationDepth && is_list_continuation(node, source, line_starts)) {
          text.end_block();
          std::string paragraphs = text_of(cmark_node_get_literal(node), depth + 1);
          if (!paragraphs.empty()) text.out += (text.out.empty() ? "" : "\n\n") + paragraphs;
        } else {
          text.block += cmark_node_get_literal(node);
        }
        text.end_block();
        break;
      case CMARK_NODE_HEADING:
        if (ev == CMARK_EVENT_EXIT) {
          drop_heading_attributes(text.block);
          text.end_block();
        }
        break;
      case CMARK_NODE_PARAGRAPH:
      case CMARK_NODE_ITEM:
      case CMARK_NODE_BLOCK_QUOTE:
        if (ev == CMARK_EVENT_EXIT) text.end_block();
        break;
      case CMARK_NODE_HTML_BLOCK:
        // A block of raw HTML (a callout, a table) still carries text.
        text.block += html_fragment_text(cmark_node_get_literal(node));
        text.end_block();
        break;
      default:
        break;  // inline HTML tags, thematic breaks: no text of their own
    }
  }
  text.end_block();
  return text.out;
}

}  // namespace

}  // namespace pressroom
