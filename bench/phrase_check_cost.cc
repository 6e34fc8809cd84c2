// What a two-word phrase check costs per candidate (docs/benchmarks.md,
// "Session 11", "Session 14"): the words ANDed, the phrase checked by
// Xapian's positions, the word sequences read alone, and the phrase checked
// against them; then, over the same candidates in one loop each, the check
// by sequences alone and by pair filters first (pair_filter.h).
//
//   pressroom-phrase-check-cost POSITIONS_DB|- SEQUENCES_DB WORD1 WORD2
//
// The words are terms as indexed (stemmed: "indigen", "older"). The two
// databases hold the same releases, built without and with --word-sequences
// ("-": no positions database, its lines left out). Counts every match, as a
// search's exact total does (BoolWeight).
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/pair_filter.h"
#include "common/schema.h"
#include "common/sequence_phrases.h"
#include "common/value_stream.h"
#include "common/word_sequence.h"

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
    bool with_positions = std::string(argv[1]) != "-";
    Xapian::Database sequences(argv[2]);
    Xapian::Database positions = with_positions ? Xapian::Database(argv[1]) : sequences;
    Xapian::Query a(argv[3]), b(argv[4]);
    Xapian::Query both(Xapian::Query::OP_AND, a, b), phrase(Xapian::Query::OP_PHRASE, a, b);
    double ms = 0;
    Xapian::doccount candidates = count(positions, both, ms);
    std::printf("AND: %u candidates in %.1f ms\n", candidates, ms);
    double and_ms = ms;
    Xapian::doccount n = 0;
    if (with_positions) {
      n = count(positions, phrase, ms);
      std::printf("phrase by Xapian's positions: %u matches in %.1f ms, %.2f us a candidate over the AND\n", n, ms,
                  (ms - and_ms) * 1000 / candidates);
    }
    // Twice: the first search of a database also reads its pair filters
    // into memory (pair_filter_table.h).
    for (const char* when : {"first", "again"}) {
      n = count(sequences, pressroom::with_word_sequences(phrase), ms);
      std::printf("phrase by word sequences (%s): %u matches in %.1f ms, %.2f us a candidate over the AND\n", when, n,
                  ms, (ms - and_ms) * 1000 / candidates);
    }
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

    // The candidates checked in a loop of this program's own: by their
    // sequences alone, then by their pair filters first.
    std::optional<pressroom::WordVocabulary> vocabulary =
        pressroom::WordVocabulary::decode(sequences.get_metadata(pressroom::schema::kMetaWordSequences));
    if (!vocabulary) throw Xapian::InvalidArgumentError(std::string(argv[2]) + " keeps no word sequences");
    pressroom::CodedPhrase coded = pressroom::code_phrase({{argv[3]}, {argv[4]}}, *vocabulary);
    pressroom::PairProbe probe({vocabulary->rank(argv[3]), vocabulary->rank(argv[4])}, *vocabulary);
    std::vector<Xapian::docid> ids;
    {
      Xapian::Enquire enquire(sequences);
      enquire.set_query(both);
      enquire.set_weighting_scheme(Xapian::BoolWeight());
      Xapian::MSet all = enquire.get_mset(0, sequences.get_doccount());
      for (auto m = all.begin(); m != all.end(); ++m) ids.push_back(*m);
      std::sort(ids.begin(), ids.end());
    }
    for (bool filtered : {false, true}) {
      if (filtered && probe.empty()) {
        std::printf("the pair is not filtered: no pair-filter loop\n");
        break;
      }
      size_t matches = 0, passed = 0;
      ms = timed_ms([&] {
        Xapian::ValueIterator values = sequences.valuestream_begin(pressroom::schema::kWordSequence);
        Xapian::ValueIterator filters = sequences.valuestream_begin(pressroom::schema::kPairFilter);
        for (Xapian::docid did : ids) {
          if (filtered && !probe.holds(pressroom::value_at(filters, did))) continue;
          ++passed;
          std::optional<bool> holds = pressroom::holds_adjacent(pressroom::value_at(values, did), coded);
          matches += holds.value_or(false) ? 1 : 0;
        }
      });
      std::printf("%s: %zu matches (%zu candidates read) in %.1f ms, %.2f us a candidate\n",
                  filtered ? "pair filters, then sequences" : "sequences alone", matches, passed, ms,
                  ms * 1000 / candidates);
    }
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "%s\n", e.get_description().c_str());
    return 1;
  }
  return 0;
}
