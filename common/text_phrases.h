// Whether a short text holds a phrase, word for word, as the indexer reads
// words: for the statements search, whose quote words are indexed without
// positions (schema::prefix::kQuoteWord), so Xapian cannot check a phrase
// among them and each matching quote's own text is checked instead.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace pressroom {

// The words of `text` in order, accent-stripped and stemmed by `stemmer` as
// schema::document_for() indexes them (no prefix).
std::vector<std::string> stemmed_words(std::string_view text, const Xapian::Stem& stemmer);

// The words of a quoted phrase as typed, for holds_phrases(): stemmed_words(),
// except that a word typed with a trailing * ("famil*") stays its pattern
// with the * ("famil*"), which any word it begins stands for.
std::vector<std::string> phrase_words(std::string_view phrase, const Xapian::Stem& stemmer);

// Whether `words` holds every phrase of `phrases` (each a list of words as
// phrase_words() gives them) as consecutive words. An empty phrase holds.
bool holds_phrases(const std::vector<std::string>& words, const std::vector<std::vector<std::string>>& phrases);

}  // namespace pressroom
