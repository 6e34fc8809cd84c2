// Runs searches and fetches releases from one pressroom database. This is the
// engine's front door: the server holds one Searcher per worker thread.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/facet_counter.h"
#include "common/release.h"
#include "common/search_request.h"
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
};

// Where a search spent its time, for the slow-query log.
struct SearchTimings {
  double parse_ms = 0, match_ms = 0, facets_ms = 0, snippets_ms = 0;
};

struct SearchResult {
  uint64_t total = 0;            // exact number of matches (all pages)
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
};

// Not thread-safe: one per thread. Cheap to keep; reopens itself when the
// indexer commits, so a running server serves the new state without restart.
class Searcher {
 public:
  // Opens the database read-only. Throws IndexUnavailable with the reason
  // when it is missing, locked or not a pressroom database.
  // `synonyms` may be null; it must outlive the searcher.
  explicit Searcher(const std::string& db_path, const Synonyms* synonyms = nullptr);
  ~Searcher();

  // Runs a validated request. Throws IndexUnavailable if the index vanished.
  SearchResult search(const SearchRequest& request);

  // The whole release, or nullopt when no release has that id.
  std::optional<Release> release(const std::string& id);

  IndexInfo info();

  // Releases most like release `id` (relevance feedback over its most
  // significant words), excluding itself. nullopt when `id` does not exist.
  std::optional<std::vector<RelatedHit>> related(const std::string& id, size_t limit);

  // Quoted statements as their own search: q searches the words quoted,
  // spokespeople filter on who said them; topics, types and dates on the
  // release. Newest first unless sort is relevance.
  StatementResult statements(const SearchRequest& request);

  // Completions for what the user is typing (see suggester.h).
  std::vector<Suggestion> suggestions(const std::string& typed, size_t limit);

  // Picks up the latest committed state, even when the database was replaced
  // as a whole; one stat() when nothing changed.
  void refresh();

 private:
  template <typename F>
  auto with_retry(F&& f) -> decltype(f());

  // Identity of the file that changes on every commit (glass rewrites its
  // version file by rename) or on a swap of the whole database.
  struct Stamp {
    unsigned long long device = 0, inode = 0;
    long long mtime_ns = 0;
    bool operator==(const Stamp&) const = default;
  };
  Stamp stamp() const;

  SearchResult run(const SearchRequest& request);
  std::vector<WeightPart> explain(const Xapian::Enquire& enquire, const Xapian::MSetIterator& hit);

  std::string path_;
  const Synonyms* synonyms_;
  Xapian::Database db_;
  Stamp opened_;
};

}  // namespace pressroom
