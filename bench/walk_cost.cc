// What counting every match of one term costs, pass by pass, on a real index:
// the figures behind common/match_walk.h (docs/benchmarks.md, "Session 9").
//
//   pressroom-walk-cost DB TERM [ROUNDS]
//
// Prints, per round, the milliseconds of: a walk of the term's posting list;
// the same reading wdf and document length; Enquire top 10 with early
// termination; every match checked; every match checked with a match spy;
// a BoolWeight count of every match. The best round is the figure to keep.
#include <xapian.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>

namespace {

using Clock = std::chrono::steady_clock;
volatile Xapian::termcount sink = 0;

// A spy that does as little as a spy can: what remains is Xapian's cost of calling one.
class NullSpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double) override { seen_ += doc.get_docid() & 1; }
  size_t seen_ = 0;
};

void timed(const char* what, const std::function<Xapian::doccount()>& pass) {
  auto started = Clock::now();
  Xapian::doccount matches = pass();
  double ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
  std::printf("%-44s %9u matches %9.1f ms\n", what, matches, ms);
}

Xapian::doccount enquire(const Xapian::Database& db, const std::string& term, Xapian::doccount check, bool spy,
                         bool boolean) {
  Xapian::Enquire e(db);
  e.set_query(Xapian::Query(term));
  if (boolean) e.set_weighting_scheme(Xapian::BoolWeight());
  NullSpy null_spy;
  if (spy) e.add_matchspy(&null_spy);
  return e.get_mset(0, boolean ? 0 : 10, check).get_matches_estimated();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s DB TERM [ROUNDS]  (TERM as indexed: stemmed, e.g. launch)\n", argv[0]);
    return 2;
  }
  try {
    Xapian::Database db(argv[1]);
    std::string term = argv[2];
    int rounds = argc > 3 ? std::atoi(argv[3]) : 3;
    Xapian::doccount all = db.get_doccount();
    for (int round = 1; round <= rounds; ++round) {
      std::printf("round %d\n", round);
      timed("walk of the posting list", [&] {
        Xapian::doccount n = 0;
        for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) ++n;
        return n;
      });
      timed("the same, reading wdf and document length", [&] {
        Xapian::doccount n = 0;
        Xapian::termcount sum = 0;
        for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it, ++n)
          sum += it.get_wdf() + it.get_doclength();
        sink = sum;  // read, not optimised away
        return n;
      });
      timed("Enquire, top 10, early termination", [&] { return enquire(db, term, 0, false, false); });
      timed("Enquire, every match checked", [&] { return enquire(db, term, all, false, false); });
      timed("the same with a match spy", [&] { return enquire(db, term, all, true, false); });
      timed("BoolWeight, every match checked (a count)", [&] { return enquire(db, term, all, false, true); });
    }
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "%s\n", e.get_description().c_str());
    return 1;
  }
  return 0;
}
