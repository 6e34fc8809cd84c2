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

// Whether `summary` only repeats the opening of `body`, as a content system's
// automatic excerpt does: the body's first words, cut anywhere, perhaps
// ending in "…", "..." or "[…]". Runs of whitespace compare as one space.
// A page shows such a summary once, as the body, not twice.
bool repeats_opening(std::string_view summary, std::string_view body);

}  // namespace pressroom
