#include "common/word_sequence.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "common/number_list.h"

namespace pressroom {

namespace {

// 1 spelled a word out in place in format 1: it is no code now.
enum Code : uint32_t { kSkip = 0, kFormat1Spelled = 1, kSamePosition = 2, kFirstCode = 3 };

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

WordVocabulary WordVocabulary::learn(const std::vector<const Xapian::Document*>& sample, unsigned filter_below_ppm) {
  struct Counts {
    uint64_t occurrences = 0;
    uint32_t releases = 0;
  };
  std::unordered_map<std::string, Counts> count;
  for (const Xapian::Document* document : sample)
    for (auto t = document->termlist_begin(); t != document->termlist_end(); ++t)
      if (Xapian::termcount n = t.positionlist_count()) {
        Counts& c = count[*t];
        c.occurrences += n;
        ++c.releases;
      }
  std::vector<std::pair<Counts, std::string>> ranked;
  for (auto& [word, n] : count)
    if (n.occurrences >= kMinCount && word.find('\n') == std::string::npos) ranked.emplace_back(n, word);
  // Most frequent first; ties by word, so that a sample gives one vocabulary.
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.first.occurrences != b.first.occurrences ? a.first.occurrences > b.first.occurrences : a.second < b.second;
  });
  WordVocabulary vocabulary;
  vocabulary.sample_ = sample.size();
  vocabulary.filter_below_ppm_ = filter_below_ppm;
  vocabulary.permille_.assign(ranked.size(), 0);
  for (uint32_t i = 0; i < ranked.size(); ++i) {
    // As PhrasePairs::learn() computes it, so that the two lists agree on
    // which pairs have terms.
    auto permille = static_cast<uint16_t>(ranked[i].first.releases * 1000 / std::max<size_t>(sample.size(), 1));
    // The other word is at most 1000 per mille.
    if (permille * 1000 >= kFilterMinPpm) vocabulary.permille_[i] = permille;
    vocabulary.rank_.emplace(std::move(ranked[i].second), i);
  }
  return vocabulary;
}

std::string WordVocabulary::encode() const {
  std::vector<const std::string*> by_rank(rank_.size());
  for (const auto& [word, rank] : rank_) by_rank[rank] = &word;
  std::string out = "3 " + std::to_string(sample_) + " " + std::to_string(filter_min_ppm_) + " " +
                    std::to_string(filter_below_ppm_) + " " + std::to_string(rank_.size()) + "\n";
  for (const std::string* word : by_rank) out.append(*word).push_back('\n');
  for (size_t rank = 0; rank < permille_.size(); ++rank)
    if (permille_[rank]) out.append(std::to_string(rank)).append(" ").append(std::to_string(permille_[rank])).push_back('\n');
  return out;
}

std::optional<WordVocabulary> WordVocabulary::decode(std::string_view stored) {
  size_t eol = stored.find('\n');
  if (eol == std::string_view::npos) return std::nullopt;
  std::string_view header = stored.substr(0, eol);
  WordVocabulary vocabulary;
  size_t words = 0;
  bool filtered = header.substr(0, 2) == "3 ";
  if (filtered) {
    if (!read_numbers(header.substr(2), vocabulary.sample_, vocabulary.filter_min_ppm_, vocabulary.filter_below_ppm_,
                      words))
      return std::nullopt;
  } else if (header.substr(0, 2) != "2 " || !read_numbers(header.substr(2), vocabulary.sample_)) {
    return std::nullopt;
  }
  size_t at = eol + 1;
  for (; at < stored.size() && (!filtered || vocabulary.rank_.size() < words);) {
    size_t end = stored.find('\n', at);
    if (end == std::string_view::npos || end == at) return std::nullopt;
    auto rank = static_cast<uint32_t>(vocabulary.rank_.size());
    if (!vocabulary.rank_.emplace(std::string(stored.substr(at, end - at)), rank).second) return std::nullopt;
    at = end + 1;
  }
  if (!filtered) return vocabulary;
  if (vocabulary.rank_.size() != words) return std::nullopt;
  vocabulary.permille_.assign(words, 0);
  while (at < stored.size()) {
    size_t end = stored.find('\n', at);
    if (end == std::string_view::npos) return std::nullopt;
    size_t rank = 0;
    unsigned permille = 0;
    if (!read_numbers(stored.substr(at, end - at), rank, permille) || rank >= words || permille > 1000)
      return std::nullopt;
    vocabulary.permille_[rank] = static_cast<uint16_t>(permille);
    at = end + 1;
  }
  return vocabulary;
}

std::optional<uint32_t> WordVocabulary::rank(std::string_view word) const {
  auto found = rank_.find(word);
  if (found == rank_.end()) return std::nullopt;
  return found->second;
}

std::string take_word_sequence(Xapian::Document& document, const PositionedWords& positioned,
                               const WordVocabulary& vocabulary) {
  const auto& [words, at] = positioned;
  if (at.empty()) return {};
  // Each word's code; a word outside the vocabulary gets the next of the
  // release's own codes when it first comes.
  constexpr uint32_t kUnset = 0;
  std::vector<uint32_t> codes(words.size(), kUnset);
  std::string spelled;
  auto first_own = static_cast<uint32_t>(kFirstCode + vocabulary.size());
  uint32_t next_own = first_own;
  std::string out;
  out.reserve(at.size() * 2);
  bool shared = false;
  Xapian::termpos last = 0;
  for (const auto& [position, word] : at) {
    if (position == last) {
      put_varint(out, kSamePosition);
      shared = true;
    } else if (position != last + 1) {
      put_varint(out, kSkip);
      put_varint(out, position - last - 1);
    }
    last = position;
    uint32_t& code = codes[word];
    if (code == kUnset) {
      if (auto rank = vocabulary.rank(words[word])) {
        code = kFirstCode + *rank;
      } else {
        code = next_own++;
        put_varint(spelled, static_cast<uint32_t>(words[word].size()));
        spelled.append(words[word]);
      }
    }
    put_varint(out, code);
  }
  std::string sequence;
  put_varint(sequence, static_cast<uint32_t>(out.size() << 1 | (shared ? 1 : 0)));
  sequence.append(out).append(spelled);
  for (const std::string& word : words) document.remove_postings(word, 0, Xapian::termpos(-1), 0);
  return sequence;
}

std::string take_word_sequence(Xapian::Document& document, const WordVocabulary& vocabulary) {
  return take_word_sequence(document, positioned_words(document), vocabulary);
}

CodedPhrase code_phrase(const std::vector<std::vector<std::string>>& slots, const WordVocabulary& vocabulary) {
  CodedPhrase coded;
  coded.slots.resize(slots.size());
  coded.vocabulary_size = static_cast<uint32_t>(vocabulary.size());
  for (size_t i = 0; i < slots.size(); ++i)
    for (const std::string& word : slots[i]) {
      if (auto rank = vocabulary.rank(word)) coded.slots[i].ranks.push_back(*rank);
      else coded.slots[i].spelled.push_back(word);
    }
  return coded;
}

namespace {

// A sequence cut into its parts (the header read).
struct SequenceParts {
  std::string_view codes;
  std::string_view spelled;
  bool shared_positions = false;
};

SequenceParts parts_of(std::string_view sequence) {
  const char* at = sequence.data();
  const char* end = at + sequence.size();
  uint32_t header = get_varint(at, end);
  size_t size = header >> 1;
  if (size > static_cast<size_t>(end - at)) throw Xapian::DatabaseCorruptError("a word sequence is cut short");
  return {std::string_view(at, size), std::string_view(at + size, static_cast<size_t>(end - at) - size), (header & 1) != 0};
}

// The words a release spells out, by code (from kFirstCode + vocabulary size).
std::vector<std::string_view> spelled_words(std::string_view spelled) {
  std::vector<std::string_view> words;
  const char* at = spelled.data();
  const char* end = at + spelled.size();
  while (at != end) {
    uint32_t length = get_varint(at, end);
    if (length > static_cast<size_t>(end - at)) throw Xapian::DatabaseCorruptError("a word sequence ends inside a word");
    words.emplace_back(at, length);
    at += length;
  }
  return words;
}

// The code `word` has in a release that spells out `spelled`, or 0 when the
// release does not have it.
uint32_t own_code(const std::vector<std::string_view>& spelled, std::string_view word, uint32_t vocabulary_size) {
  auto found = std::find(spelled.begin(), spelled.end(), word);
  return found == spelled.end() ? 0 : kFirstCode + vocabulary_size + static_cast<uint32_t>(found - spelled.begin());
}

}  // namespace

void decode_slot_hits(std::string_view sequence, const CodedPhrase& phrase, std::vector<SlotHit>& hits) {
  hits.clear();
  SequenceParts parts = parts_of(sequence);
  // The codes that fill a slot, and which slots each fills, by code.
  std::vector<std::pair<uint32_t, uint64_t>> wanted;
  std::vector<std::string_view> spelled;
  bool spelled_read = false;
  for (size_t i = 0; i < phrase.slots.size(); ++i) {
    uint64_t bit = uint64_t{1} << i;
    for (uint32_t rank : phrase.slots[i].ranks) wanted.emplace_back(kFirstCode + rank, bit);
    for (const std::string& word : phrase.slots[i].spelled) {
      if (!spelled_read) spelled = spelled_words(parts.spelled), spelled_read = true;
      if (uint32_t code = own_code(spelled, word, phrase.vocabulary_size)) wanted.emplace_back(code, bit);
    }
  }
  std::sort(wanted.begin(), wanted.end());
  // Most words are none of the phrase's: a bit test turns them away (4,096
  // bits, as a slot may stand for hundreds of words: a wildcard).
  constexpr uint32_t kFilterBits = 4096;
  std::array<uint64_t, kFilterBits / 64> maybe{};
  for (const auto& [code, bits] : wanted) maybe[code % kFilterBits / 64] |= uint64_t{1} << (code % 64);
  const char* at = parts.codes.data();
  const char* end = at + parts.codes.size();
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
    if (code == kFormat1Spelled) throw Xapian::DatabaseCorruptError("a word sequence has a code of another format");
    if (maybe[code % kFilterBits / 64] >> (code % 64) & 1) {
      uint64_t filled = 0;
      for (auto w = std::lower_bound(wanted.begin(), wanted.end(), std::make_pair(code, uint64_t{0}));
           w != wanted.end() && w->first == code; ++w)
        filled |= w->second;
      if (filled) {
        if (!hits.empty() && hits.back().position == next) hits.back().slots |= filled;
        else hits.push_back({next, filled});
      }
    }
    last = next;
    next = last + 1;
  }
}

std::optional<bool> holds_adjacent(std::string_view sequence, const CodedPhrase& phrase) {
  SequenceParts parts = parts_of(sequence);
  if (parts.shared_positions) return std::nullopt;
  std::string pattern;
  std::vector<std::string_view> spelled;  // read when a slot's word is spelled out
  bool spelled_read = false;
  for (const SlotWords& slot : phrase.slots) {
    if (slot.ranks.size() + slot.spelled.size() != 1) return std::nullopt;
    if (slot.ranks.empty() && !spelled_read) spelled = spelled_words(parts.spelled), spelled_read = true;
    uint32_t code = slot.ranks.empty() ? own_code(spelled, slot.spelled[0], phrase.vocabulary_size)
                                       : kFirstCode + slot.ranks[0];
    if (code == 0) return false;
    put_varint(pattern, code);
  }
  const char* codes = parts.codes.data();
  const char* end = codes + parts.codes.size();
  for (const char* from = codes;;) {
    auto* found = static_cast<const char*>(memmem(from, static_cast<size_t>(end - from), pattern.data(), pattern.size()));
    if (!found) return false;
    // A word's code starts there: the byte before ends a varint (< 128)
    // that is not kSkip, whose next varint is a gap, not a word.
    auto before = found == codes ? 1 : static_cast<unsigned char>(found[-1]);
    if (before < 128 && before != kSkip) return true;
    from = found + 1;
  }
}

}  // namespace pressroom
