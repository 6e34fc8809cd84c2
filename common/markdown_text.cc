#include "common/markdown_text.h"

#include <cmark.h>

#include <memory>

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

}  // namespace

std::string markdown_to_text(std::string_view markdown) {
  std::string source = strip_shortcodes(markdown);
  std::unique_ptr<cmark_node, decltype(&cmark_node_free)> root(
      cmark_parse_document(source.data(), source.size(), CMARK_OPT_DEFAULT | CMARK_OPT_SMART),
      &cmark_node_free);
  if (!root) return collapse_whitespace(source);

  NodeText text;
  std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> iter(cmark_iter_new(root.get()),
                                                              &cmark_iter_free);
  int skip_depth = 0;  // inside an image: its alt text is not body text
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
        text.block += cmark_node_get_literal(node);
        text.end_block();
        break;
      case CMARK_NODE_PARAGRAPH:
      case CMARK_NODE_HEADING:
      case CMARK_NODE_ITEM:
      case CMARK_NODE_BLOCK_QUOTE:
        if (ev == CMARK_EVENT_EXIT) text.end_block();
        break;
      default:
        break;  // raw HTML, thematic breaks: no text of their own
    }
  }
  text.end_block();
  return text.out;
}

}  // namespace pressroom
