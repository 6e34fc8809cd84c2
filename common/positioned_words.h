// A document's words by position, read from its term list: what phrase
// pairs, word sequences and the statements' phrase check start from.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace pressroom {

// A document's terms that have positions, and each of its positions with
// the index of its term in `words`, ascending by position.
struct PositionedWords {
  std::vector<std::string> words;
  std::vector<std::pair<Xapian::termpos, uint32_t>> at;
};
PositionedWords positioned_words(const Xapian::Document& document);

}  // namespace pressroom
