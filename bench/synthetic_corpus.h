// A synthetic archive of press releases, as large as a scale test or benchmark
// needs (1k, 100k, 1M documents), with the statistics of the shared benchmark
// harness (shared/bench/README.md, "Corpus"): a Zipf-distributed vocabulary of
// real and stemmer-stable pseudo-words, collocations for phrase queries, topic
// words, quotes from the release's spokespeople, and dates whose volume grows
// over time. The text is not byte-identical to the harness's gen_corpus.py.
//
// Contract:
//  * Release i is a pure function of (seed, i). The corpus of N releases is
//    therefore a prefix of the corpus of M > N releases, and a large corpus can
//    be generated in slices (by start index) on any number of threads or
//    processes. The shared tables (vocabulary, collocations, topic words,
//    spokespeople) are a function of the seed alone.
//  * The output does not depend on the standard library: the generator uses its
//    own PRNG and samplers, never std:: distributions. The Zipf tables come from
//    std::pow, so a libm that rounds a last bit differently could in theory move
//    a draw that lands exactly on a table boundary (~1e-16 per draw).
//  * Any change to this generator changes the corpus; benchmark results are only
//    comparable between runs of the same build.
//  * A SyntheticCorpus is immutable after construction: every const member may be
//    called from many threads at once, and copies share the tables.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace pressroom {

// One generated release, with the fields (and their meaning) of the harness's
// JSON Lines corpus. Plain strings rather than pressroom::Release, so that the
// generator stays independent of the engine it is used to test.
struct SyntheticRelease {
  std::string id;                         // "pr0000042": zero-padded index
  std::string title;                      // 8-14 content words
  std::string date;                       // YYYY-MM-DD, 2000-01-01..2026-06-30
  std::string type;                       // press-release, statement, report, media-advisory
  std::vector<std::string> topics;        // 1-3 distinct topic slugs
  std::vector<std::string> spokespeople;  // 0-2 distinct "First Last" names
  std::string location;                   // one of 50 cities
  std::string url;                        // https://press.example.org/YYYY/MM/<index>-<slug>
  std::string lang;                       // always "en"
  std::string body;                       // dateline, then paragraphs separated by "\n\n"
};

class SyntheticCorpus {
 public:
  // Builds the shared tables (a few milliseconds), so construct once and reuse.
  explicit SyntheticCorpus(std::uint64_t seed = 42);

  std::uint64_t seed() const;

  SyntheticRelease release(std::uint64_t index) const;

  // The release as one JSON object on one line, without the trailing newline.
  std::string release_json(std::uint64_t index) const;

  // Appends the JSON line and its "\n" to `out`: the bulk path, which lets a
  // writer reuse one buffer for many releases.
  void append_json_line(std::uint64_t index, std::string& out) const;

  // The vocabulary from most to least frequent. Ranks below real_word_count()
  // are real English words (stopwords interleaved with press words); the rest
  // are pseudo-words that end in "a" or "o", which no English stemmer changes,
  // so engines with different stemmers agree on hit counts.
  const std::vector<std::string>& vocabulary() const;
  std::size_t real_word_count() const;

  // Topic slugs from most to least frequent.
  const std::vector<std::string>& topics() const;

  // Spokespeople's names from most to least frequent.
  const std::vector<std::string>& spokespeople() const;

 private:
  struct Model;
  std::shared_ptr<const Model> model_;
};

// `release` as one JSON object on one line (UTF-8, not ASCII-escaped), fields
// in the order id, title, date, type, topics, spokespeople, location, url,
// lang, body. The append form adds the line and "\n" to `out`.
std::string to_json(const SyntheticRelease& release);
void append_json_line(const SyntheticRelease& release, std::string& out);

}  // namespace pressroom
