// What a two-word phrase check costs per candidate (docs/benchmarks.md,
// "Session 11"): the words ANDed, the phrase checked by Xapian's positions,
// the word sequences read alone, and the phrase checked against them.
//
//   pressroom-phrase-check-cost POSITIONS_DB SEQUENCES_DB WORD1 WORD2
//
// The words are terms as indexed (stemmed: "indigen", "older"). The two
// databases hold the same releases, built without and with --word-sequences.
// Counts every match, as a search's exact total does (BoolWeight).
#include <xapian.h>

#include <chrono>
#include <cstdio>
#include <functional>
#include <string>

#include "common/schema.h"
#include "common/sequence_phrases.h"

namespace {

double timed_ms(const std::function<void()>& f) {
  auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

Xapian::doccount count(const Xapian::Database& db, const Xapian::Query& query, double& ms) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  Xapian::doccount n = 0;
  ms = timed_ms([&] { n = enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated(); });
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: %s POSITIONS_DB SEQUENCES_DB WORD1 WORD2\n", argv[0]);
    return 2;
  }
  try {
    Xapian::Database positions(argv[1]), sequences(argv[2]);
    Xapian::Query a(argv[3]), b(argv[4]);
    Xapian::Query both(Xapian::Query::OP_AND, a, b), phrase(Xapian::Query::OP_PHRASE, a, b);
    double ms = 0;
    Xapian::doccount candidates = count(positions, both, ms);
    std::printf("AND: %u candidates in %.1f ms\n", candidates, ms);
    double and_ms = ms;
    Xapian::doccount n = count(positions, phrase, ms);
    std::printf("phrase by Xapian's positions: %u matches in %.1f ms, %.2f us a candidate over the AND\n", n, ms,
                (ms - and_ms) * 1000 / candidates);
    n = count(sequences, pressroom::with_word_sequences(phrase), ms);
    std::printf("phrase by word sequences: %u matches in %.1f ms, %.2f us a candidate over the AND\n", n, ms,
                (ms - and_ms) * 1000 / candidates);
    // The sequences of the releases with the rarer word, read in order alone.
    Xapian::Query rarer = sequences.get_termfreq(argv[3]) < sequences.get_termfreq(argv[4]) ? a : b;
    std::string term = *rarer.get_terms_begin();
    size_t read = 0, bytes = 0;
    ms = timed_ms([&] {
      Xapian::ValueIterator value = sequences.valuestream_begin(pressroom::schema::kWordSequence);
      for (auto p = sequences.postlist_begin(term); p != sequences.postlist_end(term); ++p, ++read)
        if (value.check(*p) && value != sequences.valuestream_end(pressroom::schema::kWordSequence) &&
            value.get_docid() == *p)
          bytes += (*value).size();
    });
    std::printf("word sequences of the %zu releases with '%s' read alone: %.1f ms, %.2f us each, %.0f bytes each\n",
                read, term.c_str(), ms, ms * 1000 / read, static_cast<double>(bytes) / read);
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "%s\n", e.get_description().c_str());
    return 1;
  }
  return 0;
}
