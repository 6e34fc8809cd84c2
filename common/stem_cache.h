// A Snowball stemmer that remembers its answers. Stemming is a pure function
// of the word, and a release repeats its words (and an archive its
// vocabulary), so most words are stemmed once per thread instead of at every
// occurrence: the same terms, at a fraction of the cost of Xapian's
// TermGenerator stemming each word it meets.
#pragma once

#include <xapian.h>

#include <string>
#include <unordered_map>

namespace pressroom {

// Wrap in a Xapian::Stem: `Xapian::Stem stem(new CachedStem("english"))`
// (the Stem owns it). Not thread-safe, like Xapian's own stemmers: one per
// thread. Holds at most kMaxWords words; when full it starts again empty.
class CachedStem : public Xapian::StemImplementation {
 public:
  static constexpr size_t kMaxWords = 1 << 16;

  // Throws Xapian::InvalidArgumentError for a language Xapian does not know.
  explicit CachedStem(const std::string& language);
  std::string operator()(const std::string& word) override;
  std::string get_description() const override;

 private:
  Xapian::Stem stem_;
  std::unordered_map<std::string, std::string> cache_;
};

}  // namespace pressroom
