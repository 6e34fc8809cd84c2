#include "common/text_phrases.h"

#include <algorithm>

#include "common/text_folding.h"
#include "common/positioned_words.h"

namespace pressroom {

std::vector<std::string> stemmed_words(std::string_view text, const Xapian::Stem& stemmer) {
  Xapian::TermGenerator generator;
  Xapian::Document document;
  generator.set_document(document);
  generator.set_stemmer(stemmer);
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
  generator.index_text(strip_accents(std::string(text)));
  PositionedWords positioned = positioned_words(document);
  std::vector<std::string> words;
  for (const auto& [position, word] : positioned.at) words.push_back(positioned.words[word]);
  return words;
}

bool holds_phrases(const std::vector<std::string>& words, const std::vector<std::vector<std::string>>& phrases) {
  return std::all_of(phrases.begin(), phrases.end(), [&](const std::vector<std::string>& phrase) {
    return std::search(words.begin(), words.end(), phrase.begin(), phrase.end()) != words.end();
  });
}

}  // namespace pressroom
