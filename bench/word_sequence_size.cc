// What the positions of an index would take as one word sequence per
// release instead of Xapian's position table (one B-tree item per term per
// release): the alternative weighed against issue 6's size target
// (docs/benchmarks.md, "Session 10").
//
//   pressroom-word-sequence-size DB [LEARN] [FROM] [COUNT]
//
// Learns word frequencies from the positions of releases 1..LEARN (2,000),
// then encodes releases FROM..FROM+COUNT-1 (the 2,000 from the middle of the
// index): each position's word as a varint of its frequency rank (rank 0 takes
// one byte, as does every rank under 125), a word outside the list spelled
// out, and a gap in the positions as a skip. Prints the bytes per release,
// beside the positions and position lists (B-tree items) a release has now.
#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace {

void put_varint(std::string& out, unsigned value) {
  while (value >= 128) {
    out.push_back(static_cast<char>(value | 128));
    value >>= 7;
  }
  out.push_back(static_cast<char>(value));
}

enum Code : unsigned { kSkip = 0, kSpelled = 1, kSamePosition = 2, kFirstRank = 3 };

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DB [LEARN] [FROM] [COUNT]\n", argv[0]);
    return 2;
  }
  try {
    Xapian::Database db(argv[1]);
    Xapian::docid learn = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 2000;
    Xapian::docid from = argc > 3 ? std::strtoul(argv[3], nullptr, 10) : db.get_lastdocid() / 2;
    Xapian::docid count = argc > 4 ? std::strtoul(argv[4], nullptr, 10) : 2000;

    std::unordered_map<std::string, size_t> frequency;
    for (Xapian::docid d = 1; d <= learn && d <= db.get_lastdocid(); ++d)
      for (auto t = db.termlist_begin(d); t != db.termlist_end(d); ++t)
        if (Xapian::termcount n = t.positionlist_count()) frequency[*t] += n;
    std::vector<std::pair<size_t, std::string>> ranked;
    for (const auto& [word, n] : frequency) ranked.emplace_back(n, word);
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::unordered_map<std::string, unsigned> rank;
    for (unsigned i = 0; i < ranked.size(); ++i) rank[ranked[i].second] = i;

    size_t releases = 0, bytes = 0, positions = 0, position_lists = 0, spelled = 0;
    for (Xapian::docid d = from; d < from + count && d <= db.get_lastdocid(); ++d) {
      std::vector<std::string> words;
      std::vector<std::pair<Xapian::termpos, size_t>> sequence;
      for (auto t = db.termlist_begin(d); t != db.termlist_end(d); ++t) {
        if (!t.positionlist_count()) continue;
        words.push_back(*t);
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) sequence.emplace_back(*p, words.size() - 1);
      }
      std::sort(sequence.begin(), sequence.end());
      std::string encoded;
      Xapian::termpos at = 0;
      for (const auto& [position, word] : sequence) {
        if (position == at) {
          put_varint(encoded, kSamePosition);
        } else if (position != at + 1) {
          put_varint(encoded, kSkip);
          put_varint(encoded, position - at - 1);
        }
        at = position;
        auto known = rank.find(words[word]);
        if (known != rank.end()) {
          put_varint(encoded, known->second + kFirstRank);
        } else {
          put_varint(encoded, kSpelled);
          put_varint(encoded, static_cast<unsigned>(words[word].size()));
          encoded += words[word];
          ++spelled;
        }
      }
      ++releases;
      bytes += encoded.size();
      positions += sequence.size();
      position_lists += words.size();
    }
    if (!releases) {
      std::fprintf(stderr, "no releases in the range\n");
      return 1;
    }
    double n = static_cast<double>(releases);
    std::printf("releases %zu, words learned %zu\n", releases, ranked.size());
    std::printf("per release: %.1f positions in %.1f position lists; %.1f words spelled out\n", positions / n,
                position_lists / n, spelled / n);
    std::printf("word sequence: %.1f bytes per release\n", bytes / n);
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "%s\n", e.get_description().c_str());
    return 1;
  }
  return 0;
}
