#include "common/word_sequence.h"

#include <algorithm>

namespace pressroom {

namespace {

enum Code : uint32_t { kSkip = 0, kSpelled = 1, kSamePosition = 2, kFirstCode = 3 };

void put_varint(std::string& out, uint32_t value) {
  while (value >= 128) {
    out.push_back(static_cast<char>((value & 127) | 128));
    value >>= 7;
  }
  out.push_back(static_cast<char>(value));
}

uint32_t get_long_varint(const char*& at, const char* end) {
  uint32_t value = 0;
  for (unsigned shift = 0; shift < 35; shift += 7) {
    if (at == end) throw Xapian::DatabaseCorruptError("a word sequence ends inside a number");
    auto byte = static_cast<unsigned char>(*at++);
    value |= static_cast<uint32_t>(byte & 127) << shift;
    if (byte < 128) return value;
  }
  throw Xapian::DatabaseCorruptError("a word sequence has a number longer than 32 bits");
}

// Most codes are one byte (the 125 most frequent words): that case inline,
// as phrase checks decode ~700 codes per candidate release.
inline uint32_t get_varint(const char*& at, const char* end) {
  if (at != end && static_cast<unsigned char>(*at) < 128) return static_cast<unsigned char>(*at++);
  return get_long_varint(at, end);
}

}  // namespace

WordVocabulary WordVocabulary::learn(const std::vector<const Xapian::Document*>& sample) {
  std::unordered_map<std::string, uint64_t> count;
  for (const Xapian::Document* document : sample)
    for (auto t = document->termlist_begin(); t != document->termlist_end(); ++t)
      if (Xapian::termcount n = t.positionlist_count()) count[*t] += n;
  std::vector<std::pair<uint64_t, std::string>> ranked;
  for (auto& [word, n] : count)
    if (n >= kMinCount && word.find('\n') == std::string::npos) ranked.emplace_back(n, word);
  // Most frequent first; ties by word, so that a sample gives one vocabulary.
  std::sort(ranked.begin(), ranked.end(),
            [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  WordVocabulary vocabulary;
  for (uint32_t i = 0; i < ranked.size(); ++i) vocabulary.rank_.emplace(std::move(ranked[i].second), i);
  return vocabulary;
}

std::string WordVocabulary::encode() const {
  std::vector<const std::string*> by_rank(rank_.size());
  for (const auto& [word, rank] : rank_) by_rank[rank] = &word;
  std::string out = "1\n";
  for (const std::string* word : by_rank) out.append(*word).push_back('\n');
  return out;
}

std::optional<WordVocabulary> WordVocabulary::decode(std::string_view stored) {
  if (stored.substr(0, 2) != "1\n") return std::nullopt;
  WordVocabulary vocabulary;
  for (size_t at = 2; at < stored.size();) {
    size_t end = stored.find('\n', at);
    if (end == std::string_view::npos || end == at) return std::nullopt;
    auto rank = static_cast<uint32_t>(vocabulary.rank_.size());
    if (!vocabulary.rank_.emplace(std::string(stored.substr(at, end - at)), rank).second) return std::nullopt;
    at = end + 1;
  }
  return vocabulary;
}

std::optional<uint32_t> WordVocabulary::rank(std::string_view word) const {
  auto found = rank_.find(word);
  if (found == rank_.end()) return std::nullopt;
  return found->second;
}

PositionedWords positioned_words(const Xapian::Document& document) {
  PositionedWords out;
  for (auto t = document.termlist_begin(); t != document.termlist_end(); ++t) {
    auto p = t.positionlist_begin();
    if (p == t.positionlist_end()) continue;
    out.words.push_back(*t);
    for (; p != t.positionlist_end(); ++p) out.at.emplace_back(*p, static_cast<uint32_t>(out.words.size() - 1));
  }
  std::sort(out.at.begin(), out.at.end());
  return out;
}

std::string take_word_sequence(Xapian::Document& document, const WordVocabulary& vocabulary) {
  auto [words, at] = positioned_words(document);
  if (at.empty()) return {};
  std::vector<std::optional<uint32_t>> ranks;
  ranks.reserve(words.size());
  for (const std::string& word : words) ranks.push_back(vocabulary.rank(word));
  std::string out;
  out.reserve(at.size() * 2);
  Xapian::termpos last = 0;
  for (const auto& [position, word] : at) {
    if (position == last) {
      put_varint(out, kSamePosition);
    } else if (position != last + 1) {
      put_varint(out, kSkip);
      put_varint(out, position - last - 1);
    }
    last = position;
    if (ranks[word]) {
      put_varint(out, kFirstCode + *ranks[word]);
    } else {
      put_varint(out, kSpelled);
      put_varint(out, static_cast<uint32_t>(words[word].size()));
      out.append(words[word]);
    }
  }
  for (const std::string& word : words) document.remove_postings(word, 0, Xapian::termpos(-1), 0);
  return out;
}

std::vector<SlotWords> slot_words(const std::vector<std::vector<std::string>>& slots, const WordVocabulary& vocabulary) {
  std::vector<SlotWords> coded(slots.size());
  for (size_t i = 0; i < slots.size(); ++i)
    for (const std::string& word : slots[i]) {
      if (auto rank = vocabulary.rank(word)) coded[i].ranks.push_back(*rank);
      else coded[i].spelled.push_back(word);
    }
  return coded;
}

void decode_slot_hits(std::string_view sequence, const std::vector<SlotWords>& slots, std::vector<SlotHit>& hits) {
  hits.clear();
  // Most words are none of the phrase's: one bit test turns them away.
  uint64_t maybe = 0;
  for (const SlotWords& slot : slots)
    for (uint32_t rank : slot.ranks) maybe |= uint64_t{1} << (rank & 63);
  const char* at = sequence.data();
  const char* end = at + sequence.size();
  Xapian::termpos last = 0, next = 1;
  while (at != end) {
    uint32_t code = get_varint(at, end);
    if (code == kSkip) {
      next = last + 1 + get_varint(at, end);
      continue;
    }
    if (code == kSamePosition) {
      next = last;
      continue;
    }
    uint64_t filled = 0;
    if (code == kSpelled) {
      uint32_t length = get_varint(at, end);
      if (length > static_cast<size_t>(end - at)) throw Xapian::DatabaseCorruptError("a word sequence ends inside a word");
      std::string_view word(at, length);
      at += length;
      for (size_t i = 0; i < slots.size(); ++i)
        for (const std::string& w : slots[i].spelled)
          if (w == word) filled |= uint64_t{1} << i;
    } else {
      uint32_t rank = code - kFirstCode;
      if (!(maybe >> (rank & 63) & 1)) {
        last = next;
        next = last + 1;
        continue;
      }
      for (size_t i = 0; i < slots.size(); ++i)
        for (uint32_t r : slots[i].ranks)
          if (r == rank) filled |= uint64_t{1} << i;
    }
    if (filled) {
      if (!hits.empty() && hits.back().position == next) hits.back().slots |= filled;
      else hits.push_back({next, filled});
    }
    last = next;
    next = last + 1;
  }
}

}  // namespace pressroom
