#include "common/markdown_text.h"

#include <cmark.h>

#include <cctype>
#include <memory>
#include <string_view>
#include <vector>

#include "common/html_text.h"
#include "common/text_folding.h"

namespace pressroom {
namespace {

// Shortcodes ({{< img src="…" >}}, {{% note %}}, {% include x %}) are template
// calls, not text; their inner text between paired tags is kept.
std::string strip_shortcodes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    if (text.compare(i, 2, "{{") == 0 || text.compare(i, 2, "{%") == 0) {
      std::string_view close = text[i + 1] == '{' ? "}}" : "%}";
      size_t end = text.find(close, i + 2);
      if (end != std::string_view::npos && end - i < 2000) {
        i = end + 2;
        continue;
      }
    }
    out.push_back(text[i++]);
  }
  return out;
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

// An indented "code block" that starts with a tag is HTML that a CMS export
// indented, not code: after a blank line, CommonMark reads the indented
// `<p>` of a pasted WordPress page as code. Fenced blocks stay code (cmark
// 0.30 cannot say whether a block was fenced: its first source line tells).
// `line_starts` is the offset of each line of `source`, filled on first use
// and kept for the document's other blocks.
bool is_indented_html(cmark_node* code_block, std::string_view source, std::vector<size_t>& line_starts) {
  const char* literal = cmark_node_get_literal(code_block);
  if (!literal) return false;
  std::string_view text(literal);
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || text[first] != '<' || first + 1 >= text.size()) return false;
  char next = text[first + 1];
  if (!std::isalpha(static_cast<unsigned char>(next)) && next != '/' && next != '!') return false;
  if (line_starts.empty()) {
    line_starts.push_back(0);
    for (size_t eol = source.find('\n'); eol != std::string_view::npos; eol = source.find('\n', eol + 1))
      line_starts.push_back(eol + 1);
  }
  int line = cmark_node_get_start_line(code_block);
  if (line < 1 || static_cast<size_t>(line) > line_starts.size()) return false;
  size_t begin = line_starts[line - 1];
  std::string_view opening = source.substr(begin, source.find('\n', begin) - begin);
  size_t content = opening.find_first_not_of(" \t>");
  if (content == std::string_view::npos) return true;
  opening.remove_prefix(content);
  return opening.substr(0, 3) != "```" && opening.substr(0, 3) != "~~~";
}

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

std::string markdown_to_text(std::string_view markdown) {
  std::string source = strip_shortcodes(markdown);
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
      case CMARK_NODE_CODE:
        text.block += cmark_node_get_literal(node);
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        text.block += ' ';
        break;
      case CMARK_NODE_CODE_BLOCK:
        if (is_indented_html(node, source, line_starts)) text.block += html_fragment_text(cmark_node_get_literal(node));
        else text.block += cmark_node_get_literal(node);
        text.end_block();
        break;
      case CMARK_NODE_PARAGRAPH:
      case CMARK_NODE_HEADING:
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

}  // namespace pressroom
