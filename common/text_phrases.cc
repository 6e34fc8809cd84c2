#include "common/text_phrases.h"

#include <algorithm>

#include "common/phrase_wildcards.h"
#include "common/positioned_words.h"
#include "common/text_folding.h"

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

std::vector<std::string> phrase_words(std::string_view phrase, const Xapian::Stem& stemmer) {
  std::string quoted(1, '"');
  quoted.append(phrase).push_back('"');
  QuotedWildcards wildcards(quoted);
  std::vector<std::string> words = stemmed_words(wildcards.text(), stemmer);
  for (std::string& word : words) word = wildcards.pattern_of(word);
  return words;
}

bool holds_phrases(const std::vector<std::string>& words, const std::vector<std::vector<std::string>>& phrases) {
  // A stemmed word never ends in *: a phrase word that does is a pattern.
  auto fills = [](const std::string& word, const std::string& wanted) {
    if (wanted.empty() || wanted.back() != '*') return word == wanted;
    return word.compare(0, wanted.size() - 1, wanted, 0, wanted.size() - 1) == 0;
  };
  return std::all_of(phrases.begin(), phrases.end(), [&](const std::vector<std::string>& phrase) {
    return std::search(words.begin(), words.end(), phrase.begin(), phrase.end(), fills) != words.end();
  });
}

}  // namespace pressroom
