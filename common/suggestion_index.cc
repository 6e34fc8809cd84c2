#include "common/suggestion_index.h"

#include <algorithm>

#include "common/revision_cache.h"
#include "common/schema.h"
#include "common/text_folding.h"

namespace pressroom {
namespace {

// Below this many words a prefix's completions are picked by walking them
// (microseconds); above it they are kept ready. Bounds both the work per
// keystroke and the lists kept (at most one per this many words per length).
constexpr uint32_t kWalk = 512;

bool starts_with(std::string_view text, std::string_view prefix) { return text.compare(0, prefix.size(), prefix) == 0; }

// The first number in [lo, hi) for which `holds` is false, `holds` being true
// then false along the range (a binary search over word numbers).
template <typename Holds>
uint32_t first_not(uint32_t lo, uint32_t hi, Holds holds) {
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (holds(mid)) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

// True when every typed word starts some word of `name`, the last typed word
// as a prefix and the others whole.
bool name_matches(const std::vector<std::string>& name, const std::vector<std::string>& typed) {
  for (size_t i = 0; i < typed.size(); ++i) {
    bool last = i + 1 == typed.size();
    bool found = std::any_of(name.begin(), name.end(),
                             [&](const std::string& w) { return last ? starts_with(w, typed[i]) : w == typed[i]; });
    if (!found) return false;
  }
  return true;
}

}  // namespace

SuggestionIndex::SuggestionIndex(const Xapian::Database& db) {
  read_names(db);
  read_title_words(db, {});
  title_postings_ = std::make_unique<const TitlePostings>(db);
}

SuggestionIndex::SuggestionIndex(const Xapian::Database& db, std::string_view words_from) {
  read_names(db);
  read_title_words(db, words_from);
  std::string month(schema::prefix::kMonth);
  for (auto m = db.allterms_begin(month); m != db.allterms_end(month); ++m) {
    std::string yyyymm = (*m).substr(month.size());
    spans_.push_back({yyyymm + "01", yyyymm + "31", m.get_termfreq()});
  }
}

namespace {
RevisionCache<SuggestionIndex>& shared_indexes() {
  static RevisionCache<SuggestionIndex> indexes;
  return indexes;
}
}  // namespace

std::shared_ptr<const SuggestionIndex> SuggestionIndex::for_revision(const Xapian::Database& db,
                                                                     const std::string& revision) {
  return shared_indexes().get(revision, [&] { return std::make_shared<const SuggestionIndex>(db); });
}

bool SuggestionIndex::built_for(const std::string& revision) { return shared_indexes().holds(revision); }

void SuggestionIndex::read_names(const Xapian::Database& db) {
  for (std::string_view prefix : {schema::prefix::kSpokesperson, schema::prefix::kTopic}) {
    std::string p(prefix);
    for (auto t = db.allterms_begin(p); t != db.allterms_end(p); ++t)
      names_.push_back({*t, p.size(), t.get_termfreq()});
  }
  for (uint32_t i = 0; i < names_.size(); ++i)
    for (std::string& w : folded_words_of(names_[i].term.substr(names_[i].prefix_size)))
      name_words_.emplace_back(std::move(w), i);
  std::sort(name_words_.begin(), name_words_.end());
}

void SuggestionIndex::read_title_words(const Xapian::Database& db, std::string_view words_from) {
  std::string p(schema::prefix::kTitleWord);
  p.append(words_from);
  starts_.push_back(0);
  for (auto t = db.allterms_begin(p); t != db.allterms_end(p); ++t) {
    const std::string& term = *t;
    text_.append(term, schema::prefix::kTitleWord.size());
    starts_.push_back(static_cast<uint32_t>(text_.size()));
    counts_.push_back(t.get_termfreq());
  }
  if (counts_.size() > kWalk) precompute(0, static_cast<uint32_t>(counts_.size()), 0);
}

std::vector<uint32_t> SuggestionIndex::most_frequent(std::vector<uint32_t> words) const {
  // Word numbers follow the words' order: ties go to the smaller number.
  auto by_frequency = [&](uint32_t a, uint32_t b) {
    return counts_[a] != counts_[b] ? counts_[a] > counts_[b] : a < b;
  };
  if (words.size() > kCompletions) {
    std::nth_element(words.begin(), words.begin() + kCompletions, words.end(), by_frequency);
    words.resize(kCompletions);
  }
  std::sort(words.begin(), words.end(), by_frequency);
  return words;
}

const std::vector<uint32_t>& SuggestionIndex::precompute(uint32_t lo, uint32_t hi, size_t depth) {
  // A prefix's best words are among its children's best (the children being
  // the words one byte longer), so each word is looked at once, at the
  // longest prefix of it that is kept ready.
  std::vector<uint32_t> candidates;
  uint32_t i = lo;
  if (word(i).size() == depth) candidates.push_back(i++);  // the prefix itself sorts first
  while (i < hi) {
    char byte = word(i)[depth];
    uint32_t end = first_not(i, hi, [&](uint32_t n) { return word(n)[depth] == byte; });
    if (end - i > kWalk) {
      const std::vector<uint32_t>& child = precompute(i, end, depth + 1);
      candidates.insert(candidates.end(), child.begin(), child.end());
    } else {
      for (uint32_t n = i; n < end; ++n) candidates.push_back(n);
    }
    i = end;
  }
  std::string prefix(word(lo).substr(0, depth));
  return best_[prefix] = most_frequent(std::move(candidates));
}

std::vector<SuggestionIndex::Completion> SuggestionIndex::completions(std::string_view prefix) const {
  auto size = static_cast<uint32_t>(counts_.size());
  uint32_t lo = first_not(0, size, [&](uint32_t n) { return word(n) < prefix; });
  uint32_t hi = first_not(lo, size, [&](uint32_t n) { return starts_with(word(n), prefix); });
  std::vector<uint32_t> best;
  if (hi - lo > kWalk) {
    best = best_.at(std::string(prefix));
  } else {
    for (uint32_t n = lo; n < hi; ++n) best.push_back(n);
    best = most_frequent(std::move(best));
  }
  std::vector<Completion> words;
  words.reserve(best.size());
  for (uint32_t n : best) words.push_back({std::string(word(n)), counts_[n]});
  return words;
}

std::vector<const SuggestionIndex::Name*> SuggestionIndex::names_matching(
    const std::vector<std::string>& typed) const {
  if (typed.empty()) return {};
  const std::string& last = typed.back();
  auto it = std::lower_bound(name_words_.begin(), name_words_.end(), last,
                             [](const std::pair<std::string, uint32_t>& w, const std::string& p) { return w.first < p; });
  std::vector<uint32_t> candidates;
  for (; it != name_words_.end() && starts_with(it->first, last); ++it) candidates.push_back(it->second);
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  std::vector<const Name*> found;
  for (uint32_t n : candidates) {
    const Name& name = names_[n];
    if (name_matches(folded_words_of(name.term.substr(name.prefix_size)), typed)) found.push_back(&name);
  }
  return found;
}

}  // namespace pressroom
