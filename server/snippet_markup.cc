#include "server/snippet_markup.h"

#include <cctype>
#include <cstdint>

namespace pressroom {
namespace {

constexpr std::string_view kOpen = "<mark>", kClose = "</mark>";

// Length of the character reference at the start of `text` ("&amp;",
// "&#39;", "&#x2026;"), or 0 when it is not one.
size_t reference_length(std::string_view text) {
  for (std::string_view named : {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"})
    if (text.starts_with(named)) return named.size();
  if (!text.starts_with("&#")) return 0;
  size_t i = 2;
  bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
  if (hex) ++i;
  size_t digits = 0;
  while (i < text.size() && digits < 8 &&
         (hex ? std::isxdigit(static_cast<unsigned char>(text[i])) : std::isdigit(static_cast<unsigned char>(text[i])))) {
    ++i;
    ++digits;
  }
  return digits > 0 && i < text.size() && text[i] == ';' ? i + 1 : 0;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace

std::string snippet_html(std::string_view snippet) {
  std::string out;
  out.reserve(snippet.size());
  bool open = false;
  for (size_t i = 0; i < snippet.size();) {
    std::string_view rest = snippet.substr(i);
    if (!open && rest.starts_with(kOpen)) {
      out += kOpen;
      open = true;
      i += kOpen.size();
    } else if (open && rest.starts_with(kClose)) {
      out += kClose;
      open = false;
      i += kClose.size();
    } else if (size_t ref = rest[0] == '&' ? reference_length(rest) : 0; ref > 0) {
      out += rest.substr(0, ref);
      i += ref;
    } else {
      switch (rest[0]) {
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '&': out += "&amp;"; break;
        case '"': out += "&quot;"; break;
        default: out.push_back(rest[0]);
      }
      ++i;
    }
  }
  if (open) out += kClose;
  return out;
}

std::string snippet_text(std::string_view snippet) {
  std::string out;
  out.reserve(snippet.size());
  for (size_t i = 0; i < snippet.size();) {
    std::string_view rest = snippet.substr(i);
    if (rest.starts_with(kOpen)) {
      i += kOpen.size();
    } else if (rest.starts_with(kClose)) {
      i += kClose.size();
    } else if (size_t ref = rest[0] == '&' ? reference_length(rest) : 0; ref > 0) {
      std::string_view name = rest.substr(1, ref - 2);
      if (name == "amp") out += '&';
      else if (name == "lt") out += '<';
      else if (name == "gt") out += '>';
      else if (name == "quot") out += '"';
      else {
        bool hex = name[1] == 'x' || name[1] == 'X';
        append_utf8(out, static_cast<uint32_t>(std::stoul(std::string(name.substr(hex ? 2 : 1)), nullptr, hex ? 16 : 10)));
      }
      i += ref;
    } else {
      out.push_back(rest[0]);
      ++i;
    }
  }
  return out;
}

}  // namespace pressroom
