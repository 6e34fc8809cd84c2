// Markdown (CommonMark, as static-site generators write it) to the plain text
// that is indexed and shown in snippets: markup, link targets, images, raw
// HTML and Hugo/Jekyll shortcodes removed, paragraphs separated by blank lines.
#pragma once

#include <string>
#include <string_view>

namespace pressroom {

// Plain text of a Markdown document. Never throws; malformed Markdown is read
// the way CommonMark reads it.
std::string markdown_to_text(std::string_view markdown);

// The plain text of the document's first level-1 heading (ATX "# Title" or
// setext "Title\n====="), or empty. Code blocks are not headings.
std::string first_heading(std::string_view markdown);

}  // namespace pressroom
