// What the positions of an index take as word sequences (common/word_sequence.h,
// pressroom-index --word-sequences) beside Xapian's position table (one B-tree
// item per term per release): issue 6's size target (docs/benchmarks.md,
// "Session 10", "Session 11").
//
//   pressroom-word-sequence-size DB [LEARN] [FROM] [COUNT]
//
// DB keeps Xapian's positions. Learns the vocabulary from releases 1..LEARN
// (2,000, as the indexer does) and encodes releases FROM..FROM+COUNT-1 (the
// 2,000 from the middle of the index) with the indexer's own encoder. Prints
// the bytes per release beside the positions and position lists a release has.
#include <xapian.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "common/word_sequence.h"

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

    std::vector<Xapian::Document> sample;
    for (Xapian::docid d = 1; d <= learn && d <= db.get_lastdocid(); ++d) sample.push_back(db.get_document(d));
    std::vector<const Xapian::Document*> pointers;
    for (const Xapian::Document& d : sample) pointers.push_back(&d);
    pressroom::WordVocabulary vocabulary = pressroom::WordVocabulary::learn(pointers);

    size_t releases = 0, bytes = 0, positions = 0, position_lists = 0;
    for (Xapian::docid d = from; d < from + count && d <= db.get_lastdocid(); ++d) {
      Xapian::Document document = db.get_document(d);
      pressroom::PositionedWords positioned = pressroom::positioned_words(document);
      positions += positioned.at.size();
      position_lists += positioned.words.size();
      bytes += pressroom::take_word_sequence(document, vocabulary).size();
      ++releases;
    }
    if (!releases) {
      std::fprintf(stderr, "no releases in the range\n");
      return 1;
    }
    double n = static_cast<double>(releases);
    std::printf("releases %zu, words learned %zu\n", releases, vocabulary.size());
    std::printf("per release: %.1f positions in %.1f position lists\n", positions / n, position_lists / n);
    std::printf("word sequence: %.1f bytes per release\n", bytes / n);
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "%s\n", e.get_description().c_str());
    return 1;
  }
  return 0;
}
