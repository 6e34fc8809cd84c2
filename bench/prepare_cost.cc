// What the indexer spends preparing one release, on one thread and without
// writing: reading and validating its record, recovering its metadata,
// its near-duplicate profile, its document (terms, values, stored data) and
// settling it (phrase pairs, and word sequences with --word-sequences). The
// other half of indexing is Xapian's writer, which this leaves out, so that
// a change to the preparation is measured without the writer's noise; run it
// under `valgrind --tool=callgrind` for counts that do not depend on the
// machine's load.
//
//   pressroom-prepare-cost FILE.jsonl [RELEASES] [--word-sequences]
//
// Learns the lists from the first 2,000 releases of FILE, as a new index
// does, then prepares the next RELEASES (default 5,000) and prints their
// cost per release.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "common/document_settling.h"
#include "common/ingest.h"
#include "common/metadata_extractor.h"
#include "common/near_duplicate.h"
#include "common/schema.h"

using namespace pressroom;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE.jsonl [RELEASES] [--word-sequences]\n", argv[0]);
    return 2;
  }
  size_t measured = 5000;
  bool sequences = false;
  for (int i = 2; i < argc; ++i) {
    if (std::strcmp(argv[i], "--word-sequences") == 0) sequences = true;
    else measured = std::strtoul(argv[i], nullptr, 10);
  }
  const size_t sample_size = PhrasePairs::kMaxSample;
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "%s: cannot read\n", argv[1]);
    return 2;
  }
  std::string line, sample_lines, measured_lines;
  for (size_t n = 0; n < sample_size + measured && std::getline(in, line); ++n)
    (n < sample_size ? sample_lines : measured_lines).append(line).push_back('\n');
  const CorpusReader* reader = reader_for(argv[1]);
  if (!reader) {
    std::fprintf(stderr, "%s: not a JSON Lines file\n", argv[1]);
    return 2;
  }
  ExtractionContext context;
  Xapian::TermGenerator generator;
  auto prepare = [&](const std::string& lines, std::vector<Xapian::Document>& out) {
    ReadBatch batch = ingest(*reader, argv[1], lines, "", 1, &context);
    for (const Release& release : batch.releases) out.push_back(schema::document_for(release, generator));
    generator.set_document(Xapian::Document());
  };

  std::vector<Xapian::Document> sample;
  prepare(sample_lines, sample);
  std::vector<const Xapian::Document*> sample_docs;
  for (const Xapian::Document& d : sample) sample_docs.push_back(&d);
  PhrasePairs pairs = PhrasePairs::learn(sample_docs);
  WordVocabulary vocabulary = WordVocabulary::learn(sample_docs);

  auto started = std::chrono::steady_clock::now();
  std::vector<Xapian::Document> documents;
  prepare(measured_lines, documents);
  for (Xapian::Document& d : documents) settle(d, pairs.empty() ? nullptr : &pairs, sequences ? &vocabulary : nullptr);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (documents.empty()) {
    std::fprintf(stderr, "%s: no release after the first %zu to measure\n", argv[1], sample_size);
    return 2;
  }
  std::printf("%zu releases prepared in %.3f s: %.1f us a release (%s; %zu pair words learned from %zu)\n",
              documents.size(), seconds, 1e6 * seconds / static_cast<double>(documents.size()),
              sequences ? "word sequences" : "positions", pairs.words(), sample.size());
  return 0;
}
