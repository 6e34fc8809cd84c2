// The archive's topics, each with the words and phrases in English and
// Spanish that show a release is about it (corpus/taxonomy.yaml), and the
// classifier that picks the few topics a release is really about rather than
// every topic one of its words touches.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pressroom {

// How evidence becomes topics; each may be set in the file's `settings:`.
struct TaxonomySettings {
  double title_weight = 3;           // a phrase in the title counts this many times one in the body
  double reference_words = 250;      // body evidence is scaled by reference_words / words beyond this length
  double min_score = 5;              // a topic needs at least this score ...
  double body_only_min_score = 7;    // ... or this much when the title does not name it
  double min_share = 0.3;            // ... and this share of the best topic's score
  size_t max_topics = 3;             // at most this many topics per release
};

// The evidence for one topic in one release.
struct TopicScore {
  std::string topic;     // display form
  double title = 0;      // weighted phrase hits in the title
  double body = 0;       // weighted phrase hits in the body, length-normalised
  double score = 0;      // title * title_weight + body
};

class Taxonomy {
 public:
  bool empty() const { return topics_.empty(); }
  const std::vector<std::string>& topics() const { return topics_; }  // in file order
  const TaxonomySettings& settings() const { return settings_; }

  // Every topic with some evidence, best first. Text is split into words
  // (apostrophes, hyphens and dashes split), lower-cased, stemmed in `lang`
  // ("es" → Spanish, else English) with schema::stemmer_for and then
  // stripped of accents, so "deportations" matches "deportation" and
  // "deportaciones" "deportación" (the Spanish stemmer needs the accent to
  // see that). The longest phrase wins where phrases overlap ("family
  // detention" is not also "detention"); a phrase listed under two topics
  // counts for both. Phrases listed under `any:` match unstemmed in every
  // language ("Title 42", "CBP One"). Thread-safe.
  std::vector<TopicScore> score(std::string_view title, std::string_view body, std::string_view lang) const;

  // The topics a release is about: score() filtered by the settings, at most
  // max_topics, best first; among equal scores a topic the title names first.
  // The title names a topic when its title hits weigh 2 or more: one weak
  // word ("Youth", "Detention") is not enough to lower the bar.
  std::vector<std::string> classify(std::string_view title, std::string_view body, std::string_view lang) const;

 private:
  friend std::optional<std::string> parse_taxonomy(std::string_view, const std::string&, Taxonomy&);

  struct Phrase {
    std::vector<std::string> words;  // folded, stemmed unless `any`
    size_t topic;
    double weight;
  };
  // Phrases by their first word, longest first; one index per language
  // ("en", "es") and one for `any` (unstemmed).
  using Index = std::unordered_map<std::string, std::vector<Phrase>>;

  void add(Index& index, std::vector<std::string> words, size_t topic, double weight);
  void hits(const std::vector<std::string>& stemmed, const std::vector<std::string>& plain, const Index& index,
            std::vector<double>& out) const;

  TaxonomySettings settings_;
  std::vector<std::string> topics_;
  std::unordered_map<std::string, Index> by_language_;
  Index any_;
};

// Parses a taxonomy file's text (YAML):
//   settings:            # optional; see TaxonomySettings
//     max_topics: 3
//   topics:
//     Family Detention:
//       en: [family detention: 3, detained families]   # phrase or phrase: weight (default 1)
//       es: [detención familiar: 3]
//       any: [Dilley: 2]
// `where` names the text in messages. On success fills `out` and returns
// nullopt; otherwise returns the reason and leaves `out` as it was.
std::optional<std::string> parse_taxonomy(std::string_view yaml, const std::string& where, Taxonomy& out);

// parse_taxonomy() of a file's contents.
std::optional<std::string> load_taxonomy(const std::filesystem::path& file, Taxonomy& out);

}  // namespace pressroom
