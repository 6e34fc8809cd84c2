// Query-time synonyms and acronyms (ICE ⇔ Immigration and Customs Enforcement,
// coronavirus ⇔ COVID-19, asylum seeker ⇔ solicitante de asilo), read from a
// file the operator edits, applied without re-indexing, and explained.
#pragma once

#include <string>
#include <vector>

namespace pressroom {

// What one expansion did, for the response: the words the user typed and
// what they also searched for.
struct SynonymUse {
  std::string matched;
  std::vector<std::string> added;
};

class Synonyms {
 public:
  Synonyms() = default;

  // Reads a YAML list of groups: `- [ICE, Immigration and Customs Enforcement]`.
  // Every member of a group finds every other. Throws std::runtime_error with
  // the file and the reason when the file cannot be read or parsed.
  static Synonyms load(const std::string& path);

  // Adds a group programmatically (tests, defaults).
  void add_group(const std::vector<std::string>& members);

  bool empty() const { return groups_.empty(); }

  // Rewrites free-text query syntax: each longest run of words outside quotes
  // and field values that equals a group member (ignoring case and accents)
  // becomes `(word OR "other member" ...)`, or for several words
  // `((words) OR "words" OR "other member" ...)`: the words still match as
  // typed, and together they rank first. Appends what it did to `uses`.
  std::string expand(const std::string& query, std::vector<SynonymUse>& uses) const;

 private:
  struct Member {
    std::vector<std::string> words;  // folded
    std::string display;
    size_t group;
  };
  std::vector<std::vector<std::string>> groups_;  // display forms
  std::vector<Member> members_;                   // longest first
};

}  // namespace pressroom
