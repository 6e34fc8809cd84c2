// The engine's snippets are text it HTML-escaped itself with the query's words
// in <mark> (common/snippet.h). Pages insert them as markup, so the server
// re-checks that promise here instead of trusting it, and feeds that want
// plain text get it back.
#pragma once

#include <string>
#include <string_view>

namespace pressroom {

// `snippet` made safe to insert as HTML whatever it holds: <mark> and </mark>
// (balanced) are the only tags kept, character references the engine writes
// are kept, every other < > " & is escaped.
std::string snippet_html(std::string_view snippet);

// The text of a snippet: marks removed, character references decoded.
std::string snippet_text(std::string_view snippet);

}  // namespace pressroom
