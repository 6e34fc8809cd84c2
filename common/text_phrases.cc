#include "common/text_phrases.h"

#include <algorithm>
#include <map>

#include "common/text_folding.h"

namespace pressroom {

std::vector<std::string> stemmed_words(std::string_view text, const Xapian::Stem& stemmer) {
  Xapian::TermGenerator generator;
  Xapian::Document document;
  generator.set_document(document);
  generator.set_stemmer(stemmer);
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
  generator.index_text(strip_accents(std::string(text)));
  std::map<Xapian::termpos, std::string> at;
  for (auto t = document.termlist_begin(); t != document.termlist_end(); ++t)
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) at[*p] = *t;
  std::vector<std::string> words;
  for (auto& [position, word] : at) words.push_back(std::move(word));
  return words;
}

bool holds_phrases(const std::vector<std::string>& words, const std::vector<std::vector<std::string>>& phrases) {
  return std::all_of(phrases.begin(), phrases.end(), [&](const std::vector<std::string>& phrase) {
    return std::search(words.begin(), words.end(), phrase.begin(), phrase.end()) != words.end();
  });
}

}  // namespace pressroom
