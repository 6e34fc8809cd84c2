#include "common/text_folding.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace pressroom {
namespace {

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// NFD then drop nonspacing marks; ICU is only paid for text that needs it.
icu::UnicodeString decompose_without_marks(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString decomposed = nfd->normalize(source, status);
  if (U_FAILURE(status)) return source;
  icu::UnicodeString out;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    if (u_charType(c) != U_NON_SPACING_MARK) out.append(c);
    i += U16_LENGTH(c);
  }
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString composed = nfc->normalize(out, status);
  return U_FAILURE(status) ? out : composed;
}

}  // namespace

std::string strip_accents(std::string_view text) {
  if (is_ascii(text)) return std::string(text);
  // ASCII spaces and line breaks neither decompose, nor compose, nor are
  // marks: the text can be folded word by word, and ICU is only paid for the
  // words that are not plain ASCII (a release has a handful: dashes, curly
  // quotes, names). Same result as folding the whole text at once.
  auto is_break = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    size_t end = i;
    bool ascii = true;
    for (; end < text.size() && !is_break(text[end]); ++end) ascii &= static_cast<unsigned char>(text[end]) < 0x80;
    std::string_view word = text.substr(i, end - i);
    if (ascii) out.append(word);
    else decompose_without_marks(word).toUTF8String(out);  // appends
    for (; end < text.size() && is_break(text[end]); ++end) out.push_back(text[end]);
    i = end;
  }
  return out;
}

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

std::vector<std::string> folded_words_of(std::string_view folded) {
  std::vector<std::string> words;
  size_t start = 0;
  while (start < folded.size()) {
    size_t end = folded.find(' ', start);
    if (end == std::string_view::npos) end = folded.size();
    if (end > start) words.emplace_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

std::string fold_key(std::string_view text) {
  std::string lowered;
  if (is_ascii(text)) {
    lowered.assign(text);
    for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  } else {
    icu::UnicodeString folded = decompose_without_marks(text);
    folded.foldCase();
    // No-break and other Unicode spaces separate words like ASCII ones.
    for (int32_t i = 0; i < folded.length(); ++i)
      if (u_isUWhiteSpace(folded.charAt(i))) folded.setCharAt(i, u' ');
    folded.toUTF8String(lowered);
  }
  return collapse_whitespace(lowered);
}

bool is_valid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size(), i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) { ++i; continue; }
    size_t len;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else return false;
    if (i + len > n) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += len;
  }
  return true;
}

}  // namespace pressroom
