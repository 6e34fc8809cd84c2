#include "common/title_postings.h"

#include <algorithm>
#include <limits>
#include <queue>
#include <string_view>
#include <utility>

#include "common/schema.h"

namespace pressroom {
namespace {

constexpr uint32_t kNoRank = std::numeric_limits<uint32_t>::max();

// Moves `pos` to the first rank of `list` at or after `rank` (everything
// before `pos` is below `rank`), galloping: the walks below only go forward,
// mostly by small steps. True when `list` holds `rank`.
bool seek(const std::vector<uint32_t>& list, size_t& pos, uint32_t rank) {
  if (pos < list.size() && list[pos] < rank) {
    size_t step = 1, next = pos + 1;
    while (next < list.size() && list[next] < rank) {
      pos = next;
      step *= 2;
      next = pos + step;
    }
    pos = static_cast<size_t>(std::lower_bound(list.begin() + static_cast<std::ptrdiff_t>(pos) + 1,
                                               list.begin() + static_cast<std::ptrdiff_t>(std::min(next, list.size())),
                                               rank) -
                              list.begin());
  }
  return pos < list.size() && list[pos] == rank;
}

}  // namespace

TitlePostings::TitlePostings(const Xapian::Database& db) {
  // The keys in one buffer, sorted by their first eight bytes (the date) as
  // a number, then by the rest: a million releases sort in a fraction of a
  // second, without a string each.
  struct Key {
    uint64_t head;
    uint32_t offset, size;
    Xapian::docid did;
  };
  std::string text;
  std::vector<Key> keys;
  keys.reserve(db.get_doccount());
  for (auto v = db.valuestream_begin(schema::kSortNewest); v != db.valuestream_end(schema::kSortNewest); ++v) {
    const std::string& key = *v;
    uint64_t head = 0;
    for (size_t i = 0; i < 8; ++i) head = head << 8 | (i < key.size() ? static_cast<unsigned char>(key[i]) : 0);
    keys.push_back({head, static_cast<uint32_t>(text.size()), static_cast<uint32_t>(key.size()), v.get_docid()});
    text += key;
  }
  // Descending keys; a key is unique (it ends with the id), the docid only
  // settles copies of a broken index the same way every time.
  std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
    if (a.head != b.head) return a.head > b.head;
    int order = std::string_view(text).substr(a.offset, a.size).compare(std::string_view(text).substr(b.offset, b.size));
    return order != 0 ? order > 0 : a.did < b.did;
  });
  std::vector<uint32_t> rank_of(static_cast<size_t>(db.get_lastdocid()) + 1, kNoRank);
  docids_.reserve(keys.size());
  for (const Key& key : keys) {
    rank_of[key.did] = static_cast<uint32_t>(docids_.size());
    docids_.push_back(key.did);
  }
  keys = {};
  text = {};
  // A release without a sort key (an index written before the key existed)
  // sorts last, as Xapian sorts an empty value, then by docid.
  if (docids_.size() < db.get_doccount())
    for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p)
      if (rank_of[*p] == kNoRank) {
        rank_of[*p] = static_cast<uint32_t>(docids_.size());
        docids_.push_back(*p);
      }

  std::string prefix(schema::prefix::kTitleWord);
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    Ranks ranks;
    ranks.reserve(t.get_termfreq());
    for (auto p = db.postlist_begin(*t); p != db.postlist_end(*t); ++p)
      if (*p < rank_of.size() && rank_of[*p] != kNoRank) ranks.push_back(rank_of[*p]);
    std::sort(ranks.begin(), ranks.end());
    words_.emplace((*t).substr(prefix.size()), std::move(ranks));
  }
}

const TitlePostings::Ranks* TitlePostings::ranks_of(const std::string& word) const {
  auto it = words_.find(word);
  return it == words_.end() ? nullptr : &it->second;
}

std::vector<Xapian::docid> TitlePostings::newest(const std::vector<std::string>& all,
                                                 const std::vector<std::string>& any, size_t limit) const {
  std::vector<const Ranks*> every, some;
  for (const std::string& word : all) {
    const Ranks* ranks = ranks_of(word);
    if (!ranks) return {};
    every.push_back(ranks);
  }
  size_t some_postings = 0;
  for (const std::string& word : any)
    if (const Ranks* ranks = ranks_of(word)) {
      some.push_back(ranks);
      some_postings += ranks->size();
    }
  if (some.empty() || limit == 0) return {};
  std::sort(every.begin(), every.end(), [](const Ranks* a, const Ranks* b) { return a->size() < b->size(); });

  std::vector<Xapian::docid> found;
  std::vector<size_t> every_pos(every.size(), 0), some_pos(some.size(), 0);
  auto in_every = [&](uint32_t rank, size_t from) {
    for (size_t i = from; i < every.size(); ++i)
      if (!seek(*every[i], every_pos[i], rank)) return false;
    return true;
  };
  // Walk the shortest list of whole words and look each release up in the
  // completions' lists, or walk the completions' lists merged (by a heap)
  // and look each release up in the whole words' lists: whichever has the
  // fewer lookups were every list walked to its end.
  if (!every.empty() && every[0]->size() * some.size() <= some_postings * (every.size() + 4)) {
    for (uint32_t rank : *every[0]) {
      if (!in_every(rank, 1)) continue;
      bool in_some = false;
      for (size_t i = 0; i < some.size() && !in_some; ++i) in_some = seek(*some[i], some_pos[i], rank);
      if (!in_some) continue;
      found.push_back(docids_[rank]);
      if (found.size() == limit) break;
    }
    return found;
  }
  using Head = std::pair<uint32_t, size_t>;  // (rank, list)
  std::priority_queue<Head, std::vector<Head>, std::greater<Head>> heads;
  for (size_t i = 0; i < some.size(); ++i)
    if (!some[i]->empty()) heads.push({(*some[i])[0], i});
  uint32_t last = kNoRank;
  while (!heads.empty()) {
    auto [rank, i] = heads.top();
    heads.pop();
    if (++some_pos[i] < some[i]->size()) heads.push({(*some[i])[some_pos[i]], i});
    if (rank == last) continue;
    last = rank;
    if (!in_every(rank, 0)) continue;
    found.push_back(docids_[rank]);
    if (found.size() == limit) break;
  }
  return found;
}

}  // namespace pressroom
