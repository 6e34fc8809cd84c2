// The vocabulary suggestions draw on, read from the index once per committed
// state: every unstemmed title word (XS) with its frequency and its releases
// newest first (title_postings.h), the most frequent completions of each
// broad prefix worked out in advance, and every spokesperson (A) and topic
// (B) key with its count. Asking Xapian for these per keystroke meant
// walking tens of thousands of terms for a short prefix of a large archive.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/title_postings.h"

namespace pressroom {

class SuggestionIndex {
 public:
  // The words a typed prefix completes to: at most this many, the most
  // frequent, as Xapian's WILDCARD_LIMIT_MOST_FREQUENT picks them, but chosen
  // once over the whole archive (Xapian expands a wildcard per query and per
  // shard) and in a stable order (frequency, then the word).
  static constexpr size_t kCompletions = 64;

  // A title word and the number of releases with it in their title.
  struct Completion {
    std::string word;
    Xapian::doccount count;
  };

  // A month with releases, and how many.
  struct Span {
    std::string first, last;  // "YYYYMMDD", for date_range_query(); a month ends on its "31st"
    Xapian::doccount count;
  };

  // A spokesperson or topic term, with its number of releases.
  struct Name {
    std::string term;    // prefix (schema::prefix::kSpokesperson or kTopic) + folded key
    size_t prefix_size;  // 1: the key is term.substr(1)
    Xapian::doccount count;
  };

  // Reads every title word with its releases, and every name, of `db`
  // (several shards read as one: frequencies are the archive's).
  explicit SuggestionIndex(const Xapian::Database& db);

  // Reads the names, only the title words starting with `words_from`, and
  // months rather than days (a twentieth of the terms): what one suggestion
  // needs when no shared index applies (remote shards, whose state has no key).
  SuggestionIndex(const Xapian::Database& db, std::string_view words_from);

  // The index for state `revision` of `db` (revision_key(): one or several
  // "uuid:revision;"), built on first use and shared by every thread; `db`
  // must be at that state. Keeps the two latest states of each index.
  static std::shared_ptr<const SuggestionIndex> for_revision(const Xapian::Database& db, const std::string& revision);

  // True when for_revision() has built, or is building, the index of state
  // `revision` (a warmed state: server/index_warmer.h).
  static bool built_for(const std::string& revision);

  // The kCompletions most frequent title words starting with `prefix`
  // (folded, without the XS prefix), most frequent first, ties by word.
  std::vector<Completion> completions(std::string_view prefix) const;

  // The names with every word of `typed` (folded words) starting a word of
  // the name, the last one as a prefix and the others whole ("ana ru" →
  // "ana ruiz", "ruiz" → "ana ruiz"): spokespeople then topics, each in
  // term order.
  std::vector<const Name*> names_matching(const std::vector<std::string>& typed) const;

  // Every month some release has (M terms), oldest first, when read for one
  // suggestion (which then asks Xapian for titles month by month); empty in
  // the shared index, which has title_postings().
  const std::vector<Span>& spans() const { return spans_; }

  // Every title word's releases, newest first; null when read for one
  // suggestion.
  const TitlePostings* title_postings() const { return title_postings_.get(); }

  size_t title_words() const { return counts_.size(); }
  size_t names() const { return names_.size(); }

 private:
  void read_names(const Xapian::Database& db);
  void read_title_words(const Xapian::Database& db, std::string_view words_from);
  std::string_view word(uint32_t i) const {
    return std::string_view(text_).substr(starts_[i], starts_[i + 1] - starts_[i]);
  }
  // Fills best_ for [lo, hi), the words starting with their first `depth`
  // bytes, and for every prefix of them too broad to walk; returns its list.
  const std::vector<uint32_t>& precompute(uint32_t lo, uint32_t hi, size_t depth);
  std::vector<uint32_t> most_frequent(std::vector<uint32_t> words) const;

  // Title words in term (byte) order: word i is text_[starts_[i], starts_[i + 1]).
  std::string text_;
  std::vector<uint32_t> starts_;
  std::vector<Xapian::doccount> counts_;
  // For every prefix shared by more words than a suggestion walks cheaply:
  // its kCompletions most frequent, as word numbers.
  std::unordered_map<std::string, std::vector<uint32_t>> best_;

  std::vector<Span> spans_;
  std::unique_ptr<const TitlePostings> title_postings_;
  std::vector<Name> names_;  // spokespeople then topics, each in term order
  // Every word of every name, sorted, with its name's number in names_.
  std::vector<std::pair<std::string, uint32_t>> name_words_;
};

}  // namespace pressroom
