#include "common/phrase_wildcards.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "common/phrase_rewrite.h"

namespace pressroom {

namespace {

bool is_quote(unsigned ch) { return ch == '"' || ch == 0x201C || ch == 0x201D; }

// A term's field prefix: its leading capitals, as Xapian's prefixes are.
size_t prefix_length(const std::string& term) {
  size_t n = 0;
  while (n < term.size() && term[n] >= 'A' && term[n] <= 'Z') ++n;
  return n;
}

}  // namespace

std::vector<std::string> quoted_wildcards(std::string_view query) {
  std::vector<std::string> patterns;
  bool quoted = false;
  std::string word;
  for (Xapian::Utf8Iterator it(query.data(), query.size()), end; it != end; ++it) {
    unsigned ch = *it;
    if (Xapian::Unicode::is_wordchar(ch)) {
      Xapian::Unicode::append_utf8(word, Xapian::Unicode::tolower(ch));
      continue;
    }
    if (quoted && ch == '*' && !word.empty() &&
        std::find(patterns.begin(), patterns.end(), word) == patterns.end())
      patterns.push_back(word);
    word.clear();
    if (is_quote(ch)) quoted = !quoted;
  }
  return patterns;
}

std::vector<std::string> most_frequent_terms(const Xapian::Database& db, const std::string& prefix, size_t limit) {
  using Counted = std::pair<Xapian::doccount, std::string>;
  auto rarer = [](const Counted& a, const Counted& b) { return a.first > b.first; };
  std::vector<Counted> kept;  // a heap with the rarest kept term on top
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    Xapian::doccount frequency = t.get_termfreq();
    if (kept.size() == limit) {
      if (limit == 0 || frequency <= kept.front().first) continue;
      std::pop_heap(kept.begin(), kept.end(), rarer);
      kept.pop_back();
    }
    kept.emplace_back(frequency, *t);
    std::push_heap(kept.begin(), kept.end(), rarer);
  }
  std::sort(kept.begin(), kept.end(), [](const Counted& a, const Counted& b) { return a.second < b.second; });
  std::vector<std::string> terms;
  for (Counted& term : kept) terms.push_back(std::move(term.second));
  return terms;
}

Xapian::Query with_phrase_wildcards(const Xapian::Query& query, const std::vector<std::string>& patterns,
                                    const Xapian::Stem& stem, const Xapian::Database& db, size_t limit) {
  if (patterns.empty()) return query;
  // The word the parser made of each pattern: the pattern stemmed.
  std::vector<std::pair<std::string, const std::string*>> read_as;
  for (const std::string& pattern : patterns) read_as.emplace_back(stem(pattern), &pattern);
  auto expanded = [&](const Xapian::Query& word) -> std::optional<Xapian::Query> {
    if (word.get_type() != Xapian::Query::LEAF_TERM) return std::nullopt;
    std::string term = *word.get_terms_begin();
    size_t prefix = prefix_length(term);
    for (const auto& [stemmed, pattern] : read_as) {
      if (term.compare(prefix, std::string::npos, stemmed) != 0) continue;
      std::vector<std::string> terms = most_frequent_terms(db, term.substr(0, prefix) + *pattern, limit);
      if (terms.empty()) return std::nullopt;
      return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
    }
    return std::nullopt;
  };
  return rewrite_phrases(query, [&](const Xapian::Query& phrase) -> std::optional<Xapian::Query> {
    std::optional<Xapian::termpos> window = window_of(phrase);
    if (!window) return std::nullopt;
    bool any = false;
    std::vector<Xapian::Query> words;
    for (size_t i = 0; i < phrase.get_num_subqueries(); ++i) {
      std::optional<Xapian::Query> word = expanded(phrase.get_subquery(i));
      any |= word.has_value();
      words.push_back(word ? *word : phrase.get_subquery(i));
    }
    if (!any) return std::nullopt;
    return Xapian::Query(phrase.get_type(), words.begin(), words.end(), *window);
  });
}

}  // namespace pressroom
