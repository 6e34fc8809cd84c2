// Plain-text structure shared by the extractors: paragraphs (blank-line
// separated), their lines, and word counts, as views into the text.
#pragma once

#include <string_view>
#include <vector>

namespace pressroom {

// `s` without leading and trailing ASCII whitespace.
std::string_view trim_space(std::string_view s);

// The paragraphs of `body` (separated by blank lines), trimmed, none empty.
std::vector<std::string_view> split_paragraphs(std::string_view body);

// The non-empty lines of `paragraph`, trimmed.
std::vector<std::string_view> split_lines(std::string_view paragraph);

// Words separated by ASCII whitespace.
size_t count_words(std::string_view text);

}  // namespace pressroom
