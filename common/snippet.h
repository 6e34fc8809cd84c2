// The snippet under each result: the passage of a release that best matches
// the query, HTML-escaped, with the matching words wrapped in <mark>.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace pressroom {

// Escapes & < > " ' for HTML text and attribute values.
std::string html_escape(std::string_view text);

struct SnippetOptions {
  size_t words = 36;  // length of the passage in words
};

// The window of `text` holding the most distinct query terms (then the most
// hits), safe to insert into HTML. `terms` are index terms (folded, stemmed
// with `stemmer`); a word is marked when its folded stem is one of them.
// Without any hit, the opening words. "…" marks text cut at either end.
std::string make_snippet(std::string_view text, const std::vector<std::string>& terms,
                         const Xapian::Stem& stemmer, const SnippetOptions& options = {});

}  // namespace pressroom
