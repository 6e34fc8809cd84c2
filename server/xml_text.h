// Text for the XML documents the server writes (Atom, sitemaps, OpenSearch).
#pragma once

#include <string>
#include <string_view>

namespace pressroom {

// `text` escaped for XML 1.0 element content and double-quoted attributes
// (& < > " '), with the characters XML 1.0 cannot carry at all (C0 controls
// but tab, LF and CR; U+FFFE, U+FFFF) dropped, so that a stray control
// character in an archived title cannot make a whole feed unreadable.
// Expects valid UTF-8 (the indexer rejects anything else).
std::string xml_escape(std::string_view text);

// "2020-11-18" → "2020-11-18T00:00:00Z" (an RFC 3339 date-time, as Atom
// requires); an input that already has a time is returned as it is.
std::string rfc3339_day(std::string_view iso_date);

}  // namespace pressroom
