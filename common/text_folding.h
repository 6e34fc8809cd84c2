// Unicode folding so that searches are case- and accent-insensitive
// (Tias = Tías, ACCION = acción) the same way at index and at query time.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pressroom {

// Removes diacritics (NFD, drop nonspacing marks, NFC), keeping case, so that
// query operators such as AND/OR stay recognisable. Invalid UTF-8 is replaced
// by U+FFFD rather than rejected.
std::string strip_accents(std::string_view text);

// The matching key of a facet value or a name: accents stripped, lower case,
// runs of whitespace collapsed to one space, trimmed. "  Lucía  FERNÁNDEZ " →
// "lucia fernandez".
std::string fold_key(std::string_view text);

// The words of fold_key() output, split on its single spaces
// ("ana ruiz" → "ana", "ruiz").
std::vector<std::string> folded_words_of(std::string_view folded);

// True when `text` is well-formed UTF-8 (no overlong forms, no surrogates).
bool is_valid_utf8(std::string_view text);

// Collapses runs of whitespace to one space and trims both ends.
std::string collapse_whitespace(std::string_view text);

}  // namespace pressroom
