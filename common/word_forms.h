// How a release's text writes some of its words: the capitals a slug has
// lost. "ice" is a topic slug; the release writes "ICE" (the agency), so its
// facet should say "ICE", not "Ice". Likewise "FedRAMP", "18F", "DigitalGov".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pressroom {

class WordForms {
 public:
  // Tallies how `text` writes each of `words` (lower-case ASCII, as slugs
  // have them), matched whole and ignoring case; other words are not looked at.
  WordForms(std::string_view text, const std::vector<std::string_view>& words);
  // Tallies nothing yet: add() the texts.
  explicit WordForms(const std::vector<std::string_view>& words);

  // Tallies `text` too (a release's title, summary and body, one by one).
  void add(std::string_view text);

  // The word (any case) as the text writes it with capitals past its first letter
  // ("ICE", "FedRAMP", "McNellis"), when that form is more common in it than
  // every other form together: a heading in capitals ("OPEN DATA") does not
  // turn "data" into "DATA". nullopt otherwise.
  std::optional<std::string> own_capitals(std::string_view word) const;

  // Whether the text writes the word with a capital inside sentences more
  // often than in lower case: a name ("Texas"), not a word that only begins
  // sentences.
  bool capitalised(std::string_view word) const;  // `word` in lower case

 private:
  struct Forms {
    std::string word;  // lower case
    unsigned lower = 0;
    unsigned capitalised_inside = 0;                // "Texas", not after a sentence's end
    std::unordered_map<std::string, unsigned> own;  // "ICE", "FedRAMP"
    unsigned total = 0;
  };
  // A release has a few slug words: a list, compared by length first, costs
  // less than hashing each of the text's words.
  const Forms* find(std::string_view word) const;
  std::vector<Forms> forms_;
};

}  // namespace pressroom
