#include "common/legacy_encoding.h"

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include "common/text_folding.h"

namespace pressroom {

std::string legacy_to_utf8(std::string_view bytes, std::string charset) {
  if (charset.empty() || charset == "iso-8859-1" || charset == "latin1" || charset == "us-ascii" ||
      charset == "ascii" || charset == "iso8859-1")
    charset = "windows-1252";
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(charset.c_str(), &status);
  if (U_FAILURE(status)) {
    status = U_ZERO_ERROR;
    converter = ucnv_open("windows-1252", &status);
    if (U_FAILURE(status)) return std::string(bytes);
  }
  icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), converter, status);
  ucnv_close(converter);
  std::string out;
  if (U_FAILURE(status)) return std::string(bytes);
  text.toUTF8String(out);
  return out;
}

std::string as_utf8(std::string_view text) {
  return is_valid_utf8(text) ? std::string(text) : legacy_to_utf8(text);
}

}  // namespace pressroom
