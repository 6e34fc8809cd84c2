// Text written by legacy systems in an 8-bit encoding, turned into UTF-8.
// Older archives (a CMS on a Latin-1 database, files saved by Windows
// editors) are common in newsrooms: their releases are read, not lost.
#pragma once

#include <string>
#include <string_view>

namespace pressroom {

// `bytes` converted from `charset` (an encoding label such as "iso-8859-2")
// to UTF-8. Empty, Latin-1 and ASCII labels mean windows-1252, as browsers
// read them (the WHATWG Encoding Standard): it differs from Latin-1 in
// 0x80–0x9F, where Windows put curly quotes and dashes. An unknown label
// falls back to windows-1252.
std::string legacy_to_utf8(std::string_view bytes, std::string charset = "");

// `text` itself when it is valid UTF-8, else read as windows-1252.
std::string as_utf8(std::string_view text);

// The mark some editors put before UTF-8 text ("\xEF\xBB\xBF").
inline constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// `text` without a leading byte-order mark.
inline std::string_view without_byte_order_mark(std::string_view text) {
  return text.substr(0, kByteOrderMark.size()) == kByteOrderMark ? text.substr(kByteOrderMark.size()) : text;
}

}  // namespace pressroom
