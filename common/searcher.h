// Runs searches and fetches releases from one pressroom database. This is the
// engine's front door: the server holds one Searcher per worker thread.
#pragma once

#include <xapian.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/count_cache.h"
#include "common/database_set.h"
#include "common/duplicate_groups.h"
#include "common/facet_counter.h"
#include "common/phrase_pairs.h"
#include "common/ranged_match.h"
#include "common/release.h"
#include "common/result_order.h"
#include "common/search_request.h"
#include "common/spelling_mirror.h"
#include "common/suggester.h"
#include "common/synonyms.h"

namespace pressroom {

// One query term's share of a hit's weight (explain=1).
struct WeightPart {
  std::string term;
  double weight = 0;
};

struct SearchHit {
  Release release;      // without body and quotes (they stay on the release page)
  std::string snippet;  // HTML-safe, query words in <mark>
  double score = 0;     // Xapian's BM25 weight; 0 for a browse
  std::vector<WeightPart> explain;  // filled when the request asks to explain
  // The other releases of its duplicate group (duplicate_groups.h), matching
  // or not, without body and quotes: the copies the collapse hid.
  std::vector<Release> duplicates;
};

// Where a search spent its time, for the slow-query log.
struct SearchTimings {
  double parse_ms = 0, match_ms = 0, facets_ms = 0, snippets_ms = 0;
  unsigned threads = 1;  // the most threads a match or count of the search ran on (ranged_match.h)
};

// A search lists each group of near-duplicate releases once, as its
// best-ranked member (with the others in SearchHit::duplicates); the total
// and the facets count results so: a group counts once.
struct SearchResult {
  uint64_t total = 0;            // exact number of results (all pages)
  // With match=all, when releases with every word do not fill the page, the
  // results go on with releases that have some of the words (relaxed), after
  // all the full matches; exact_total counts the full matches.
  bool relaxed = false;
  uint64_t exact_total = 0;
  std::vector<SearchHit> hits;   // the requested page
  // Exact over all matches. A facet with a selection is counted as if that
  // selection were not made (disjunctive facets), the others' selections
  // apply; "month" appears only when the matches span three years or less.
  FacetCounts facets;
  bool reparsed_as_plain = false;
  std::vector<SynonymUse> synonyms;  // expansions applied to the query
  std::string did_you_mean;          // a spelling suggestion when little was found
  std::string corrected_from;        // with autocorrect: the query the user typed
  SearchTimings timings;
};

// A quoted statement found by /api/statements, with where it was said.
struct StatementHit {
  Quote quote;            // text, speaker, role, organisation, paragraph
  std::string text_html;  // the quote, HTML-escaped, query words in <mark>
  std::string date;
  std::string release_id;
  std::string release_title;
  std::string release_url;
};

struct StatementResult {
  uint64_t total = 0;               // matching statements (not releases)
  std::vector<StatementHit> hits;   // the requested page
  FacetCounts facets;               // "spokesperson" and "year" over all matching statements
  bool truncated = false;           // more releases matched than are read for statements
};

// A release like another one, for "related releases".
struct RelatedHit {
  Release release;  // without body and quotes
  double score = 0;
};

struct IndexInfo {
  uint64_t documents = 0;
  std::string indexed_at;   // when the indexer last changed the index (ISO 8601 UTC)
  uint64_t revision = 0;
  int schema_version = 0;
  uint64_t indexer_runs = 0;      // indexer runs that changed the index
  uint64_t last_run_skipped = 0;  // records the last such run skipped
  size_t shards = 1;              // databases searched as one
  bool phrase_pairs = false;      // phrases of frequent words use pair terms (phrase_pairs.h)
  bool word_sequences = false;    // some shard keeps its positions as word sequences (sequence_phrases.h)
  bool remote = false;            // some are served by xapian-tcpsrv
  // Remote shards left out because they cannot be reached (only with
  // RemoteOptions::allow_partial): the answers lack their releases.
  std::vector<std::string> missing_shards;
};

// How one broad query shares the machine's cores (ranged_match.h). Over a
// single local database, a query whose matches Xapian estimates at
// `min_matches` or more is ranked and counted in `ranges` consecutive ranges
// of document ids by up to `threads` threads; the answer is the same as on
// one. Only idle cores are taken: with n searches running in the process, a
// search uses at most `cores` / n threads, so that under load (every core
// busy with a search of its own) nothing is spent on sharing out.
struct QueryThreads {
  unsigned threads = 1;  // 1: always on the calling thread
  unsigned cores = 1;
  Xapian::doccount min_matches = 20000;
  unsigned ranges = 8;   // more than threads, so that a range rich in matches does not hold up the rest
  // One thread per core, at most four.
  static QueryThreads for_this_machine();
};

// Not thread-safe: one per thread. Cheap to keep; reopens itself when the
// indexer commits or a rebuild is switched in, so a running server serves the
// new state without restart.
class Searcher {
 public:
  // Opens the index read-only: one location or several searched as one
  // (database_set.h: databases, stubs listing shards, xapian-tcpsrv
  // host:port). Throws IndexUnavailable with the reason when a location is
  // missing, unreachable (unless `remote` allows partial answers and some
  // shard answers), locked or not a pressroom index.
  // `synonyms` may be null; it must outlive the searcher.
  Searcher(std::vector<std::string> locations, const Synonyms* synonyms = nullptr, RemoteOptions remote = {});
  explicit Searcher(const std::string& location, const Synonyms* synonyms = nullptr)
      : Searcher(std::vector<std::string>{location}, synonyms) {}
  ~Searcher();

  // Runs a validated request. Throws IndexUnavailable if the index vanished.
  SearchResult search(const SearchRequest& request);

  // The whole release, or nullopt when no release has that id.
  std::optional<Release> release(const std::string& id);

  IndexInfo info();

  // The other releases of release `id`'s duplicate group (its copies), oldest
  // first; empty when it has none or does not exist.
  std::vector<Release> duplicates(const std::string& id);

  // Releases most like release `id` (relevance feedback over its most
  // significant words), excluding itself and its copies, each group of
  // copies once. nullopt when `id` does not exist.
  std::optional<std::vector<RelatedHit>> related(const std::string& id, size_t limit);

  // Quoted statements as their own search: q searches the words quoted,
  // spokespeople filter on who said them; topics, types and dates on the
  // release. Newest first unless sort is relevance. A quote that copies of
  // one release share is listed once, from the first of them.
  StatementResult statements(const SearchRequest& request);

  // Completions for what the user is typing (see suggester.h).
  std::vector<Suggestion> suggestions(const std::string& typed, size_t limit);

  // Picks up the latest committed state, even when the database was replaced
  // as a whole (a symlink or stub swapped by a rebuild); a few stat()s when
  // nothing changed. Remote shards are asked at most once a second; shards
  // left out (allow_partial) are tried again every few seconds.
  void refresh();

  // refresh(), then builds what every search and suggestion of that state
  // shares (the facet tables, the suggestion index, the pair filters of an
  // index with word sequences), so that the first
  // request after a commit does not wait for them. Does nothing over remote
  // shards, which have no per-state tables. Throws what refresh() and the
  // searches throw (IndexUnavailable, or a Xapian::Error).
  void warm();

  // How broad queries use several threads (default: one per core, at most
  // four; QueryThreads::for_this_machine()).
  void set_query_threads(QueryThreads threads) { query_threads_ = threads; }

  // The remote shards the last answer left out because they could not be
  // reached ("host:port"); always empty without RemoteOptions::allow_partial,
  // where an unreachable shard fails the request instead (IndexUnavailable).
  // With allow_partial a shard lost during a request is left out and the
  // request answered by the others.
  const std::vector<std::string>& missing_shards() const { return set_.missing; }

 private:
  template <typename F>
  auto with_retry(F&& f) -> decltype(f());

  SearchResult run(const SearchRequest& request);
  std::vector<WeightPart> explain(const Xapian::Enquire& enquire, const Xapian::MSetIterator& hit);
  void open();

  // A query with its serialised form, made once: the form keys the count
  // cache and gives each counting thread a query of its own (Xapian objects,
  // their reference counts included, are not thread-safe).
  struct SerialisedQuery {
    explicit SerialisedQuery(Xapian::Query q) : query(std::move(q)), serialised(query.serialise()) {}
    Xapian::Query query;
    std::string serialised;
  };

  // Total and facets of every match of `query`, from the count cache or by
  // a pass over all matches.
  CountedMatches count(const SerialisedQuery& query, FacetSelection selection);
  // Counts `query` over local shards in `counter`'s tables: one pass per
  // shard, in parallel.
  void count_local(const SerialisedQuery& query, FacetCounter& counter);
  // Whether count_local() counts `query` by walking its posting lists
  // (match_walk.h) rather than with the matcher: local shards with their
  // facet tables, and a query of terms and set operations.
  bool walks(const Xapian::Query& query) const;
  // `query` for the matcher over local part `part` (set_.parts), its date
  // filters answered from that part's table (day_filter.h); as it is over
  // remote shards.
  Xapian::Query in_memory(const Xapian::Query& query, size_t part) const;
  // `r`'s topics and people named as its index mostly names them
  // (FacetTable::usual_topic); `did` is its id in db_. As stored without tables.
  void name_as_usual(Release& r, Xapian::docid did) const;
  // Total and facets of `query` over remote shards: one pass with Xapian's
  // collapse key and value-count spies, then the copies taken back.
  CountedMatches count_remote(const Xapian::Query& query, FacetSelection selection);
  // The page of `enquire` (whose query is `query`), with its total and facets
  // counted in the same pass unless they are cached or `known`, or the query
  // is walked (walks()): then the page alone is ranked, with Xapian's early
  // termination, and a walk counts (beside it when a core is idle).
  ResultPage page(Xapian::Enquire& enquire, const ResultOrder& order, const SerialisedQuery& query,
                  FacetSelection selection, Xapian::doccount offset, Xapian::doccount size, CountedMatches& counted,
                  const CountedMatches* known = nullptr);
  // Ranks the first `top` matches of `query` over `handles` (range_handles())
  // in `order`, with BM25 as the page's Enquire, and counts every match in
  // `counter` (made with QueryThreads::ranges ranges); top 0: counts only.
  RangedMatches match_ranges(const std::vector<Xapian::Database>& handles, const SerialisedQuery& query,
                             const ResultOrder& order, FacetCounter& counter, Xapian::doccount top);
  // The total and facets (the first kFacetLimit of each) `counter` counted.
  static CountedMatches counted_by(const FacetCounter& counter, FacetSelection selection);
  // Handles for ranged_match() when `query` is broad enough to share out
  // (QueryThreads) over a single local database: its part and more handles
  // on it at the same revision. Empty when the query runs on one thread.
  std::vector<Xapian::Database> range_handles(const Xapian::Query& query);
  // How many threads one search may use now: 1 unless QueryThreads allows
  // more, the index is one local database and other cores are idle.
  unsigned idle_threads() const;
  // The single local database's handle and `threads` - 1 more on it at the
  // same revision (kept between searches); empty when that cannot be had.
  std::vector<Xapian::Database> handles_at_this_state(unsigned threads);
  // Reads pairs_ again unless pairs_current_.
  void refresh_pairs();
  // Sets revision_, tables_ and pairs_ to the current state; the tables are
  // looked up (FacetTable::for_revision) only when the state changed.
  void pin_state();
  // A counter with tables_, or over remote shards the facet positions they
  // record (read again after each reopen).
  FacetCounter counter_for(FacetSelection selection, unsigned ranges = 1);
  // The database "did you mean" reads: the index itself and, when some
  // shards are remote, the local copy of their spelling mirrors
  // (spelling_mirror.h), looked up again once per remote state.
  const Xapian::Database& spelling_database();

  std::vector<std::string> locations_;
  const Synonyms* synonyms_;
  RemoteOptions remote_options_;
  DatabaseSet set_;
  Xapian::Database db_;  // set_.db
  std::string fingerprint_;
  std::string revision_;  // revision_key(set_) for the current search
  // The facet table of each local shard at revision_ (none over remote
  // shards): looked up once per state, not once per use.
  std::vector<std::shared_ptr<const FacetTable>> tables_;
  std::shared_ptr<const PhrasePairs> pairs_;  // the index's phrase-pair list, if it has one
  bool word_sequences_ = false;  // some shard keeps word sequences (sequence_phrases.h); read with pairs_
  bool pairs_current_ = false;  // false after opening or a remote reopen (at most once a second)
  FacetSlots slots_;              // remote shards: per-position slots to count
  bool slots_current_ = false;    // false after opening or reopening remote shards
  std::shared_ptr<const RemoteSpellings> remote_spellings_;  // before speller_: outlives its handle
  Xapian::Database speller_;      // db_ plus remote_spellings_
  bool speller_current_ = false;  // false after opening or reopening remote shards
  bool broken_ = false;   // a remote shard failed: reconnect before the next request
  std::chrono::steady_clock::time_point remote_checked_{};
  std::chrono::steady_clock::time_point opened_at_{};
  QueryThreads query_threads_ = QueryThreads::for_this_machine();
  // More handles on the single local database, one per extra thread of a
  // ranged match; reopened when the database moved on.
  std::vector<Xapian::Database> extra_handles_;
  unsigned threads_used_ = 1;  // for SearchTimings::threads of the search running
};

}  // namespace pressroom
