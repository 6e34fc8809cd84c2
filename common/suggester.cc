#include "common/suggester.h"

#include <algorithm>

#include "common/schema.h"
#include "common/text_folding.h"

namespace pressroom {
namespace {

std::vector<std::string> words_of(const std::string& folded) {
  std::vector<std::string> words;
  size_t start = 0;
  while (start < folded.size()) {
    size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    if (end > start) words.push_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

// True when every typed word starts some word of `name`, the last typed word
// as a prefix and the others whole ("ana ru" → "ana ruiz", "ruiz" → "ana ruiz").
bool name_matches(const std::vector<std::string>& name, const std::vector<std::string>& typed) {
  for (size_t i = 0; i < typed.size(); ++i) {
    bool last = i + 1 == typed.size();
    bool found = std::any_of(name.begin(), name.end(), [&](const std::string& w) {
      return last ? w.compare(0, typed[i].size(), typed[i]) == 0 : w == typed[i];
    });
    if (!found) return false;
  }
  return true;
}

// The display form of a facet key: read from one release that has it.
std::string display_form(const Xapian::Database& db, const std::string& term, std::string_view prefix) {
  Xapian::PostingIterator p = db.postlist_begin(term);
  if (p == db.postlist_end(term)) return term.substr(prefix.size());
  std::string encoded = db.get_document(*p).get_value(schema::kFacets);
  schema::FacetRecord record = schema::decode_facets(encoded);
  const auto& values = prefix == schema::prefix::kTopic ? record.topics : record.spokespeople;
  std::string key = term.substr(prefix.size());
  for (std::string_view v : values)
    if (fold_key(v) == key) return std::string(v);
  return key;
}

void named(const Xapian::Database& db, std::string_view prefix, const char* kind,
           const std::vector<std::string>& typed, std::vector<Suggestion>& out) {
  std::string p(prefix);
  for (auto t = db.allterms_begin(p); t != db.allterms_end(p); ++t) {
    std::string key = (*t).substr(p.size());
    if (!name_matches(words_of(key), typed)) continue;
    out.push_back({kind, display_form(db, *t, prefix), t.get_termfreq(), {}, {}});
  }
}

// The words a typed prefix completes to: at most this many, the most
// frequent, as Xapian's WILDCARD_LIMIT_MOST_FREQUENT picks them, but chosen
// once over the whole archive (Xapian expands a wildcard per query and per
// shard) and in a stable order (frequency, then the word).
constexpr size_t kCompletions = 64;

std::vector<std::string> most_frequent_with_prefix(const Xapian::Database& db, const std::string& prefix,
                                                   size_t limit) {
  std::vector<std::pair<Xapian::doccount, std::string>> found;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) found.emplace_back(t.get_termfreq(), *t);
  auto by_frequency = [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; };
  if (found.size() > limit) {
    std::nth_element(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(limit), found.end(), by_frequency);
    found.resize(limit);
  }
  std::sort(found.begin(), found.end(), by_frequency);
  std::vector<std::string> words;
  for (auto& f : found) words.push_back(std::move(f.second));
  return words;
}

}  // namespace

std::vector<Suggestion> suggest(const Xapian::Database& db, const std::string& typed_text, size_t limit) {
  std::vector<std::string> typed = words_of(fold_key(typed_text));
  if (typed.empty() || limit == 0) return {};

  std::vector<Suggestion> names;
  named(db, schema::prefix::kSpokesperson, "spokesperson", typed, names);
  named(db, schema::prefix::kTopic, "topic", typed, names);
  std::stable_sort(names.begin(), names.end(),
                   [](const Suggestion& a, const Suggestion& b) { return a.count > b.count; });
  if (names.size() > limit / 2 + 1) names.resize(limit / 2 + 1);

  // Titles: whole words for all but the last, which is a prefix of an
  // unstemmed title word (a stem can be shorter than what was typed).
  size_t want = limit > names.size() ? limit - names.size() : 0;
  std::vector<Suggestion> out = std::move(names);
  if (want == 0) return out;
  std::vector<Xapian::Query> parts;
  std::string title_prefix(schema::prefix::kTitleWord);
  for (size_t i = 0; i + 1 < typed.size(); ++i) parts.emplace_back(title_prefix + typed[i]);
  std::vector<std::string> completions = most_frequent_with_prefix(db, title_prefix + typed.back(), kCompletions);
  if (completions.empty()) return out;
  parts.emplace_back(Xapian::Query::OP_OR, completions.begin(), completions.end());
  Xapian::Query titles(Xapian::Query::OP_AND, parts.begin(), parts.end());

  // Newest first. Sorting every match by date costs a pass over all of them
  // (a one-letter prefix matches most of a large archive), so the months are
  // walked from the latest back in windows that double (1, 2, 4... months):
  // a broad prefix fills the list from the last month, a rare one takes a
  // dozen small queries at most, whatever the archive's span.
  std::vector<std::string> months;
  std::string month_prefix(schema::prefix::kMonth);
  for (auto m = db.allterms_begin(month_prefix); m != db.allterms_end(month_prefix); ++m) months.push_back(*m);
  size_t window = 1;
  for (auto m = months.rbegin(); m != months.rend() && out.size() < limit; window *= 2) {
    std::vector<Xapian::Query> in_window;
    for (size_t i = 0; i < window && m != months.rend(); ++i, ++m) in_window.emplace_back(*m);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, titles,
                                    Xapian::Query(Xapian::Query::OP_OR, in_window.begin(), in_window.end())));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_sort_by_value(schema::kSortNewest, true);
    Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit - out.size()));
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      Release r = schema::release_from(it.get_document());
      out.push_back({"title", r.title, 0, r.id, r.date});
    }
  }
  return out;
}

}  // namespace pressroom
