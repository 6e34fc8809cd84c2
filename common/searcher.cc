#include "common/searcher.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <map>
#include <set>
#include <string_view>
#include <thread>

#include "common/cpu_cores.h"
#include "common/day_filter.h"
#include "common/duplicate_groups.h"
#include "common/errors.h"
#include "common/match_walk.h"
#include "common/pair_filter_table.h"
#include "common/query_builder.h"
#include "common/schema.h"
#include "common/sequence_phrases.h"
#include "common/slug_names.h"
#include "common/snippet.h"
#include "common/suggestion_index.h"
#include "common/text_folding.h"
#include "common/text_phrases.h"

namespace pressroom {
namespace {

constexpr size_t kFacetLimit = 20;
constexpr uint64_t kSuggestBelow = 3;  // offer "did you mean" when fewer matches than this
// How often a searcher tries again to reach the shards it left out
// (allow_partial); each try may cost a request up to the connect timeout.
constexpr auto kRetryMissing = std::chrono::seconds(5);

}  // namespace

QueryThreads QueryThreads::for_this_machine() {
  // Read once: every Searcher (one per index state) asks, and the cgroup
  // files behind the answer do not change under a running server.
  static const unsigned cores = usable_cores();
  QueryThreads threads;
  threads.cores = cores;
  threads.threads = std::min(threads.cores, 4u);
  return threads;
}

namespace {

// Searches running in this process, over every Searcher.
std::atomic<unsigned> searches_running{0};

struct Running {
  Running() { searches_running.fetch_add(1); }
  ~Running() { searches_running.fetch_sub(1); }
};

}  // namespace

Searcher::Searcher(std::vector<std::string> locations, const Synonyms* synonyms, RemoteOptions remote)
    : locations_(std::move(locations)), synonyms_(synonyms), remote_options_(remote) {
  open();
}
Searcher::~Searcher() = default;

void Searcher::open() {
  set_ = open_database_set(locations_, remote_options_);
  extra_handles_.clear();
  db_ = set_.db;
  fingerprint_ = database_fingerprint(locations_, set_);
  // A swap between resolving and fingerprinting: make the next refresh reopen.
  std::vector<std::string> now;
  for (const std::string& location : locations_)
    if (!is_remote_location(location)) now.push_back(location);
  if (now.size() == set_.resolved.size()) {
    for (size_t i = 0; i < now.size(); ++i) {
      std::error_code ec;
      if (std::filesystem::canonical(now[i], ec).string() != set_.resolved[i]) fingerprint_.clear();
    }
  }
  // A commit between opening and fingerprinting: move to it now.
  if (!set_.remote) db_.reopen();
  slots_current_ = false;
  speller_current_ = false;
  pairs_current_ = false;
  remote_checked_ = opened_at_ = std::chrono::steady_clock::now();
  broken_ = false;
}

void Searcher::refresh() {
  if (broken_) return open();
  auto now = std::chrono::steady_clock::now();
  if (!set_.missing.empty() && now - opened_at_ >= kRetryMissing) return open();
  if (set_.remote && now - remote_checked_ >= std::chrono::seconds(1)) {
    remote_checked_ = now;
    try {
      db_.reopen();
      slots_current_ = false;
      speller_current_ = false;
      pairs_current_ = false;
    } catch (const Xapian::Error& e) {
      // Connecting again names the shard that is down (IndexUnavailable),
      // leaves it out (allow_partial), or finds them all back; not after a
      // timeout, which a second try would wait out again.
      broken_ = true;
      if (remote_options_.allow_partial || std::string_view(e.get_type()) != "NetworkTimeoutError") return open();
      throw IndexUnavailable("a shard is unreachable: " + e.get_description());
    }
  }
  if (database_fingerprint(locations_, set_) == fingerprint_) return;
  // Open afresh rather than reopen(): a database removed and rebuilt in place
  // can carry the same revision number as the one we hold.
  open();
}

template <typename F>
auto Searcher::with_retry(F&& f) -> decltype(f()) {
  // A reader may see the indexer's commit half-way through a search; Xapian
  // then asks us to reopen and try again.
  bool reconnected = false;  // a connection lost during this request was made again once
  for (int attempt = 0;; ++attempt) {
    try {
      return f();
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= 3) throw IndexUnavailable("the index is changing too fast to read; retry");
      db_.reopen();
    } catch (const Xapian::NetworkError& e) {
      broken_ = true;  // the connection is gone: open again next time
      // A shard that hangs would hang a second try too: after a timeout,
      // only allow_partial connects again (and leaves it out).
      bool timeout = std::string_view(e.get_type()) == "NetworkTimeoutError";
      if (!reconnected && (!timeout || remote_options_.allow_partial)) {
        // A connection made before a shard went down (or restarted) fails
        // with Xapian's bare "Connection closed unexpectedly": connecting
        // again names the shard that is down (IndexUnavailable), leaves it
        // out (allow_partial), or finds every shard back.
        reconnected = true;
        open();
        continue;
      }
      throw IndexUnavailable("a shard is unreachable: " + e.get_description());
    } catch (const Xapian::DatabaseError& e) {
      throw IndexUnavailable("reading the index failed: " + e.get_description());
    }
  }
}

void Searcher::warm() {
  if (set_.remote) return;
  refresh();
  with_retry([&] {
    pin_state();
    SuggestionIndex::for_revision(db_, revision_);
    // The pair filters of an index with word sequences, which a phrase
    // search would otherwise read into memory itself (~0.2 s at 1M).
    for (const Xapian::Database& part : set_.parts)
      if (part.get_value_freq(schema::kPairFilter) > 0) PairFilterTable::of(part);
  });
}

SearchResult Searcher::search(const SearchRequest& request) {
  Running running;
  return with_retry([&] {
    SearchResult result = run(request);
    if (result.total >= kSuggestBelow || request.q.empty()) return result;
    // Little was found: offer the archive's own spelling, or run it.
    QueryBuilder builder(spelling_database(), synonyms_);
    std::string suggestion = builder.spelling_suggestion(request.q);
    if (suggestion.empty() || fold_key(suggestion) == fold_key(request.q)) return result;
    if (!request.autocorrect) {
      result.did_you_mean = suggestion;
      return result;
    }
    SearchRequest corrected = request;
    corrected.q = suggestion;
    SearchResult rerun = run(corrected);
    rerun.corrected_from = request.q;
    return rerun;
  });
}

SearchResult Searcher::run(const SearchRequest& request) {
  using Clock = std::chrono::steady_clock;
  auto ms_since = [](Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); };
  auto phase = Clock::now();
  SearchTimings timings;
  threads_used_ = 1;
  pin_state();
  QueryBuilder builder(db_, synonyms_, pairs_.get(), word_sequences_);
  BuiltQuery built = builder.build(request);
  uint64_t exact_total = 0;
  bool relaxed = false;

  // Facets with a selection are counted separately, without that selection
  // (disjunctive facets); the main pass counts the rest.
  struct Disjunctive {
    FacetFilter filter;
    FacetSelection only;
  };
  FacetSelection main_facets = request.facets;
  std::vector<Disjunctive> separate;
  auto split_off = [&](bool wanted, bool selected, FacetFilter filter, FacetSelection only, bool& flag) {
    if (!wanted || !selected) return;
    separate.push_back({filter, only});
    flag = false;
  };
  FacetSelection none{false, false, false, false, false};
  FacetSelection topic_only = none, person_only = none, type_only = none, year_only = none;
  topic_only.topic = person_only.spokesperson = type_only.type = year_only.year = true;
  split_off(request.facets.topic, !request.topics.empty(), FacetFilter::Topic, topic_only, main_facets.topic);
  split_off(request.facets.spokesperson, !request.spokespeople.empty(), FacetFilter::Spokesperson, person_only,
            main_facets.spokesperson);
  split_off(request.facets.type, !request.types.empty(), FacetFilter::Type, type_only, main_facets.type);
  split_off(request.facets.year, !request.from.empty() || !request.to.empty(), FacetFilter::Date, year_only,
            main_facets.year);
  timings.parse_ms = ms_since(phase);
  phase = Clock::now();

  SerialisedQuery main_query(built.query);
  std::optional<CountedMatches> counted_already;  // the all-words count, when it is the page's own
  if (!built.relaxed_text.empty() && request.sort == SortOrder::Relevance) {
    // Like Meilisearch's "last" strategy, but ranked by BM25 rather than by
    // dropping words from the end: when releases with every word cannot fill
    // the page, releases with some of the words follow them. Scaling the
    // all-words query keeps every full match above every partial one.
    counted_already = count(main_query, main_facets);
    exact_total = counted_already->total;
    if (exact_total < static_cast<uint64_t>(request.page * request.size)) {
      counted_already.reset();
      relaxed = true;
      built.text = Xapian::Query(Xapian::Query::OP_OR,
                                 Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, built.text, 1000.0),
                                 built.relaxed_text);
      built.query = QueryBuilder::combine(built.text, builder.filter_for(request));
      main_query = SerialisedQuery(built.query);
    }
  }

  Xapian::Enquire enquire(db_);
  enquire.set_query(set_.parts.size() == 1 ? in_memory(built.query, 0) : built.query);
  enquire.set_weighting_scheme(Xapian::BM25Weight());
  ResultOrder order(request.sort, built.has_text);
  order.apply(enquire);

  Xapian::doccount offset = static_cast<Xapian::doccount>((request.page - 1) * request.size);
  CountedMatches counted;
  ResultPage results = page(enquire, order, main_query, main_facets, offset,
                            static_cast<Xapian::doccount>(request.size), counted,
                            counted_already ? &*counted_already : nullptr);

  SearchResult result;
  result.total = counted.total;
  result.relaxed = relaxed;
  result.exact_total = relaxed ? exact_total : result.total;
  result.reparsed_as_plain = built.reparsed_as_plain;
  result.synonyms = built.synonyms;
  result.facets = std::move(counted.facets);
  timings.match_ms = ms_since(phase);
  phase = Clock::now();
  for (const Disjunctive& d : separate) {
    CountedMatches other =
        count(SerialisedQuery(QueryBuilder::combine(built.text, builder.filter_for(request, d.filter))), d.only);
    for (auto& [name, values] : other.facets) result.facets[name] = std::move(values);
  }
  // Months only help when the matches are few years apart.
  if (auto months = result.facets.find("month"); months != result.facets.end() && !months->second.empty()) {
    int first = std::stoi(months->second.front().value.substr(0, 4));
    int last = std::stoi(months->second.back().value.substr(0, 4));
    if (last - first + 1 > 3) result.facets.erase(months);
  }
  timings.facets_ms = ms_since(phase);
  phase = Clock::now();

  for (const Xapian::MSetIterator& it : results.hits) {
    Xapian::Document doc = it.get_document();
    Release release = schema::release_from(doc);
    name_as_usual(release, *it);
    SearchHit hit;
    hit.snippet = make_snippet(release.body.empty() ? release.summary : release.body, built.highlight_terms,
                               schema::stemmer_for(release.lang));
    hit.score = built.has_text ? it.get_weight() : 0;
    if (request.explain && built.has_text) {
      hit.explain = explain(enquire, it);
      double parts = 0;
      for (const WeightPart& part : hit.explain) parts += part.weight;
      // A relaxed search ranks full matches first by scaling their weight.
      if (relaxed && hit.score - parts > 1e-9) hit.explain.push_back({"(every word matched: boost)", hit.score - parts});
    }
    release.body.clear();
    release.quotes.clear();
    hit.release = std::move(release);
    // The tables know which releases have copies: most need no lookup.
    if (tables_.empty() || table_group(tables_, *it)) hit.duplicates = duplicates_of(db_, *it);
    result.hits.push_back(std::move(hit));
  }
  timings.snippets_ms = ms_since(phase);
  timings.threads = threads_used_;
  result.timings = timings;
  return result;
}

const Xapian::Database& Searcher::spelling_database() {
  if (!set_.remote) return db_;
  if (!speller_current_) {
    // Local shards keep their own spelling tables; a remote shard's words
    // come from its mirror, each word from the one shard that holds it.
    speller_ = db_;
    remote_spellings_ = RemoteSpellings::of(set_.remote_parts);
    if (remote_spellings_) speller_.add_database(remote_spellings_->open());
    speller_current_ = true;
  }
  return speller_;
}

namespace {

// The phrase-pair list of every shard of `set`, or null when one lacks it or
// they differ: a phrase answered by pair terms would miss the releases of a
// shard without them.
std::shared_ptr<const PhrasePairs> phrase_pairs_of(const DatabaseSet& set) {
  std::optional<std::string> stored;
  for (const Xapian::Database& part : set.parts) {
    std::string value = part.get_metadata(schema::kMetaPhrasePairs);
    if (stored && *stored != value) return nullptr;
    stored = std::move(value);
  }
  if (!stored) return nullptr;
  std::optional<PhrasePairs> decoded = PhrasePairs::decode(*stored);
  if (!decoded || decoded->empty()) return nullptr;
  return std::make_shared<const PhrasePairs>(std::move(*decoded));
}

}  // namespace

void Searcher::refresh_pairs() {
  if (pairs_current_) return;
  pairs_ = phrase_pairs_of(set_);
  word_sequences_ = false;
  if (!set_.remote)  // remote shards have none (database_set.cc)
    for (const Xapian::Database& part : set_.parts)
      word_sequences_ |= !part.get_metadata(schema::kMetaWordSequencesId).empty();
  pairs_current_ = true;
}

void Searcher::pin_state() {
  std::string revision = revision_key(set_);
  bool moved = revision.empty() || revision != revision_;
  // Remote shards: once per reopen, not per search (a round trip each).
  if (!set_.remote && moved) pairs_current_ = false;
  refresh_pairs();
  if (!moved) return;
  std::vector<std::shared_ptr<const FacetTable>> tables;
  if (!set_.remote)
    for (const Xapian::Database& part : set_.parts)
      tables.push_back(FacetTable::for_revision(part, revision_key_of(part)));
  // Only once every table is built (reading one can fail): the next search
  // must not take a state with missing tables for one already looked up.
  tables_ = std::move(tables);
  revision_ = std::move(revision);
}

FacetCounter Searcher::counter_for(FacetSelection selection, unsigned ranges) {
  if (set_.remote && selection.any() && !slots_current_) {
    // Read again after each reopen: an update may use more positions.
    slots_ = FacetSlots::recorded(set_.parts, db_);
    slots_current_ = true;
  }
  return FacetCounter(selection, tables_, slots_, ranges);
}

unsigned Searcher::idle_threads() const {
  if (query_threads_.threads < 2 || set_.remote || set_.parts.size() != 1 || tables_.size() != 1) return 1;
  // Fewer when the other cores are busy with searches of their own.
  return std::min({query_threads_.threads, query_threads_.ranges,
                   query_threads_.cores / std::max(searches_running.load(), 1u)});
}

std::vector<Xapian::Database> Searcher::range_handles(const Xapian::Query& query) {
  unsigned threads = idle_threads();
  if (threads < 2) return {};
  Xapian::Enquire estimate(set_.parts[0]);
  estimate.set_query(query);
  estimate.set_weighting_scheme(Xapian::BoolWeight());
  if (estimate.get_mset(0, 0).get_matches_estimated() < query_threads_.min_matches) return {};
  return handles_at_this_state(threads);
}

std::vector<Xapian::Database> Searcher::handles_at_this_state(unsigned threads) {
  const Xapian::Database& part = set_.parts[0];
  std::string state = revision_key_of(part);
  std::vector<Xapian::Database> handles{part};
  try {
    for (unsigned i = 0; i + 1 < threads; ++i) {
      if (i == extra_handles_.size()) extra_handles_.emplace_back(set_.part_names[0]);
      if (revision_key_of(extra_handles_[i]) != state) extra_handles_[i] = Xapian::Database(set_.part_names[0]);
      // The indexer committed since this request began: one thread this time.
      if (revision_key_of(extra_handles_[i]) != state) return {};
      handles.push_back(extra_handles_[i]);
    }
    threads_used_ = std::max(threads_used_, threads);
  } catch (const Xapian::DatabaseOpeningError&) {
    // The folder went (a rebuild switched in) while this searcher still
    // reads it: the handle it has serves this request, on one thread.
    return {};
  }
  return handles;
}

CountedMatches Searcher::count(const SerialisedQuery& query, FacetSelection selection) {
  std::string key = CountCache::count_key(revision_, query.serialised, selection);
  if (auto cached = CountCache::shared().find(key)) return *cached;
  CountedMatches counted;
  if (set_.remote) {
    counted = count_remote(query.query, selection);
  } else {
    // A query matching every release (a browse without filters; the date
    // histogram of a date-filtered browse) is counted from the tables alone.
    bool everything = query.query.get_type() == Xapian::Query::LEAF_MATCH_ALL;
    // A walk of the posting lists counts faster on one core than the
    // matcher does on two.
    std::vector<Xapian::Database> handles;
    if (!everything && !walks(query.query)) handles = range_handles(query.query);
    FacetCounter counter = counter_for(selection, handles.empty() ? 1 : query_threads_.ranges);
    if (everything) {
      for (size_t i = 0; i < set_.parts.size(); ++i) counter.count_everything(i);
    } else if (!handles.empty()) {
      match_ranges(handles, query, ResultOrder(SortOrder::Relevance, false), counter, 0);
    } else {
      count_local(query, counter);
    }
    counted = counted_by(counter, selection);
  }
  CountCache::shared().store(key, counted);
  return counted;
}

RangedMatches Searcher::match_ranges(const std::vector<Xapian::Database>& handles, const SerialisedQuery& query,
                                     const ResultOrder& order, FacetCounter& counter, Xapian::doccount top) {
  return ranged_match(handles, query.serialised, query_threads_.ranges, order,
                      [&](Xapian::Enquire& enquire, unsigned range) { counter.attach(enquire, 0, range); },
                      top);
}

CountedMatches Searcher::counted_by(const FacetCounter& counter, FacetSelection selection) {
  return {counter.results(), selection.any() ? counter.counts(kFacetLimit) : FacetCounts{}};
}

void Searcher::name_as_usual(Release& r, Xapian::docid did) const {
  if (tables_.empty()) return;
  const FacetTable& table = *tables_[(did - 1) % tables_.size()];
  for (std::string& topic : r.topics) topic = table.usual_topic(topic);
  for (std::string& person : r.spokespeople) person = table.usual_person(person);
}

Xapian::Query Searcher::in_memory(const Xapian::Query& query, size_t part) const {
  if (set_.remote || part >= tables_.size()) return query;
  return with_day_filters(query, tables_[part], set_.parts[part]);
}

bool Searcher::walks(const Xapian::Query& query) const {
  return !set_.remote && !tables_.empty() && MatchWalk::walkable(query);
}

void Searcher::count_local(const SerialisedQuery& query, FacetCounter& counter) {
  // A match spy sees ids within one shard, so each shard has a pass of its
  // own, on both cores; the tables count each duplicate group once.
  bool walk = walks(query.query);
  auto count_part = [&](size_t i) {
    const Xapian::Database& part = set_.parts[i];
    // Each thread its own copy: a Query's reference counts are not atomic.
    Xapian::Query own = i == 0 ? query.query : Xapian::Query::unserialise(query.serialised, query_registry());
    if (walk) {
      counter.count_walked(i, *MatchWalk::of(part, own, &tables_[i]->days()));
      return;
    }
    Xapian::Enquire enquire(part);
    enquire.set_query(in_memory(own, i));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    counter.attach(enquire, i);
    enquire.get_mset(0, 0, part.get_doccount());
  };
  std::vector<std::future<void>> others;
  for (size_t i = 1; i < set_.parts.size(); ++i) others.push_back(std::async(std::launch::async, count_part, i));
  count_part(0);
  for (auto& other : others) other.get();
}

CountedMatches Searcher::count_remote(const Xapian::Query& query, FacetSelection selection) {
  // Xapian's collapse key counts each duplicate group once in the total.
  FacetCounter counter = counter_for(selection);
  Xapian::Enquire enquire(db_);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  collapse_duplicates(enquire);
  if (selection.any()) counter.attach(enquire);
  CountedMatches counted;
  counted.total = collapsed_total(enquire.get_mset(0, 0, db_.get_doccount()));
  if (selection.any()) {
    // The value-count spies counted every copy: take the later ones back.
    counter.count_groups_once(db_, query);
    counted.facets = counter.counts(kFacetLimit);
  }
  return counted;
}

ResultPage Searcher::page(Xapian::Enquire& enquire, const ResultOrder& order, const SerialisedQuery& query,
                          FacetSelection selection, Xapian::doccount offset, Xapian::doccount size,
                          CountedMatches& counted, const CountedMatches* known) {
  // One local database: the page and the counts come from the same pass,
  // unless the query's matches can be walked (below). Not over remote shards: Xapian 1.4 then counts some of the page's
  // documents twice in a value-count spy when the results are sorted by value.
  bool one_pass =
      !set_.remote && set_.parts.size() == 1 && query.query.get_type() != Xapian::Query::LEAF_MATCH_ALL;
  // Over several databases Xapian 1.4's early termination of the ranking can
  // miss a document that belongs on the page (seen with a phrase ORed with a
  // word): there every match is checked.
  Xapian::doccount check = set_.parts.size() > 1 ? db_.get_doccount() : 0;
  if (set_.remote) {
    counted = known ? *known : count(query, selection);
    collapse_duplicates(enquire);
    return whole_page(enquire.get_mset(offset, size, check));
  }
  if (known) {
    // Counted already (the all-words count of a match=all query): the page
    // alone, with Xapian's early termination.
    counted = *known;
    return collapsed_page(enquire, tables_, offset, size, check, check);
  }
  std::string key = CountCache::count_key(revision_, query.serialised, selection);
  // The page ranked with early termination, the matches counted by a walk
  // of the posting lists: side by side when a core is idle and the query
  // broad enough to be worth a thread.
  bool cached = CountCache::shared().find(key).has_value();
  bool walked = one_pass && !cached && walks(query.query);
  std::vector<Xapian::Database> beside;
  if (walked && idle_threads() >= 2 &&
      MatchWalk::of(set_.parts[0], query.query, &tables_[0]->days())->size_bound() >= query_threads_.min_matches)
    beside = handles_at_this_state(2);
  if (!one_pass || cached || (walked && beside.empty())) {
    counted = count(query, selection);
    return collapsed_page(enquire, tables_, offset, size, check, check);
  }
  if (walked) {
    auto counting = std::async(std::launch::async, [&, serialised = query.serialised] {
      FacetCounter counter = counter_for(selection);
      counter.count_walked(0, *MatchWalk::of(beside[1], Xapian::Query::unserialise(serialised, query_registry()),
                                             &tables_[0]->days()));
      return counted_by(counter, selection);
    });
    ResultPage results = collapsed_page(enquire, tables_, offset, size, check, check);
    counted = counting.get();
    CountCache::shared().store(key, counted);
    return results;
  }
  if (auto handles = range_handles(query.query); !handles.empty()) {
    // A broad query: ranked and counted on several threads, a range of ids each.
    FacetCounter counter = counter_for(selection, query_threads_.ranges);
    RangedMatches matches = match_ranges(handles, query, order, counter, first_fetch(offset, size));
    counted = counted_by(counter, selection);
    CountCache::shared().store(key, counted);
    Xapian::doccount results = 0;
    ResultPage ranged = collapse_ranked(matches.ranked, tables_, offset, size, results);
    if (results >= offset + size || !matches.more) return ranged;
    // Copies left the page short: the ranking alone, on this thread.
    return collapsed_page(enquire, tables_, offset, size, 0, 0);
  }
  FacetCounter counter = counter_for(selection);
  counter.attach(enquire);
  // The spies must see every match; a further fetch, without them, only ranks.
  ResultPage results = collapsed_page(enquire, tables_, offset, size, db_.get_doccount(), check);
  counted = counted_by(counter, selection);
  CountCache::shared().store(key, counted);
  return results;
}

std::vector<WeightPart> Searcher::explain(const Xapian::Enquire& enquire, const Xapian::MSetIterator& hit) {
  // BM25 sums one weight per matching term; each term's share is its weight
  // when the query is that term alone on this document.
  std::vector<WeightPart> parts;
  std::string id_term(schema::prefix::kId);
  id_term.append(hit.get_document().get_value(schema::kId));
  Xapian::Query only_this(id_term);
  for (auto t = enquire.get_matching_terms_begin(hit); t != enquire.get_matching_terms_end(hit); ++t) {
    if ((*t).compare(0, schema::prefix::kPhrasePair.size(), schema::prefix::kPhrasePair) == 0) continue;  // no weight
    Xapian::Enquire one(db_);
    one.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(*t), only_this));
    Xapian::MSet m = one.get_mset(0, 1);
    if (!m.empty()) parts.push_back({*t, m.begin().get_weight()});
  }
  return parts;
}

std::vector<Release> Searcher::duplicates(const std::string& id) {
  return with_retry([&]() -> std::vector<Release> {
    std::string term = std::string(schema::prefix::kId) + id;
    Xapian::PostingIterator it = db_.postlist_begin(term);
    if (it == db_.postlist_end(term)) return {};
    return duplicates_of(db_, *it);
  });
}

std::optional<Release> Searcher::release(const std::string& id) {
  return with_retry([&]() -> std::optional<Release> {
    std::string term = std::string(schema::prefix::kId) + id;
    Xapian::PostingIterator it = db_.postlist_begin(term);
    if (it == db_.postlist_end(term)) return std::nullopt;
    Release r = schema::release_from(db_.get_document(*it));
    if (tables_.empty() && !set_.remote) pin_state();  // a page asked for before any search: its tables
    name_as_usual(r, *it);
    return r;
  });
}

namespace {

// Terms worth feeding back for "related": plain words, not boolean or field
// terms, not numbers, not too short to mean anything.
class RelatedTermDecider : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    if (term.size() < 3 || (term[0] >= 'A' && term[0] <= 'Z')) return false;
    return !std::all_of(term.begin(), term.end(), [](char c) { return c >= '0' && c <= '9'; });
  }
};

constexpr Xapian::doccount kStatementScanLimit = 5000;

}  // namespace

std::optional<std::vector<RelatedHit>> Searcher::related(const std::string& id, size_t limit) {
  return with_retry([&]() -> std::optional<std::vector<RelatedHit>> {
    std::string id_term = std::string(schema::prefix::kId) + id;
    Xapian::PostingIterator p = db_.postlist_begin(id_term);
    if (p == db_.postlist_end(id_term)) return std::nullopt;
    Xapian::RSet rset;
    rset.add_document(*p);
    Xapian::Enquire enquire(db_);
    RelatedTermDecider decider;
    // Exact term frequencies: over shards, the estimate would differ from one
    // database's and so would the related releases.
    Xapian::ESet eset = enquire.get_eset(25, rset, Xapian::Enquire::USE_EXACT_TERMFREQ, &decider);
    std::vector<RelatedHit> hits;
    if (eset.empty()) return hits;
    Xapian::Query like(Xapian::Query::OP_OR, eset.begin(), eset.end());
    Xapian::Query itself(Xapian::Query::OP_OR, Xapian::Query(id_term), duplicate_group_query(db_, *p));
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT, like, itself));
    collapse_duplicates(enquire);
    Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit));
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      Release r = schema::release_from(it.get_document());
      r.body.clear();
      r.quotes.clear();
      hits.push_back({std::move(r), it.get_weight()});
    }
    return hits;
  });
}

StatementResult Searcher::statements(const SearchRequest& request) {
  return with_retry([&] {
    QueryBuilder builder(db_, synonyms_);
    BuiltQuery built = builder.build_statements(request);
    Xapian::Enquire enquire(db_);
    enquire.set_query(built.query);
    SortOrder sort = request.sort == SortOrder::Relevance && !built.has_text ? SortOrder::DateDesc : request.sort;
    ResultOrder(sort, built.has_text).apply(enquire);
    Xapian::MSet mset = enquire.get_mset(0, kStatementScanLimit);

    std::set<std::string> speakers;
    // Keyed as their XQA terms are, so a slug finds the speaker's quotes.
    for (const std::string& s : request.spokespeople) speakers.insert(schema::name_key(person_name(s)));
    StatementResult result;
    result.truncated = mset.get_matches_estimated() > kStatementScanLimit;
    std::map<std::string, std::pair<std::string, uint64_t>> by_speaker;  // folded → display, count
    std::map<std::string, uint64_t> by_year;
    std::set<std::string> listed;  // group + folded quote: copies of a release quote alike
    // The quoted phrases stemmed once per language (stemmer), not per release.
    std::map<const Xapian::Stem*, std::vector<std::vector<std::string>>> phrases_by_stemmer;
    size_t first = static_cast<size_t>((request.page - 1) * request.size);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      Xapian::Document doc = it.get_document();
      Release r = schema::release_from(doc);
      std::string group = doc.get_value(schema::kDupGroup).append("\x1f");
      const Xapian::Stem& stemmer = schema::stemmer_for(r.lang);
      auto [stemmed, fresh] = phrases_by_stemmer.try_emplace(&stemmer);
      if (fresh)
        for (const std::string& phrase : built.phrases) stemmed->second.push_back(phrase_words(phrase, stemmer));
      const std::vector<std::vector<std::string>>& phrases = stemmed->second;
      for (const Quote& quote : r.quotes) {
        if (quote.speaker.empty()) continue;
        if (!speakers.empty() && !speakers.count(schema::name_key(quote.speaker))) continue;
        if (!phrases.empty() && !holds_phrases(stemmed_words(quote.text, stemmer), phrases)) continue;
        SnippetOptions whole;
        whole.words = 10000;
        std::string html = make_snippet(quote.text, built.highlight_terms, stemmer, whole);
        if (built.has_text && html.find("<mark>") == std::string::npos) continue;
        if (!listed.insert(group + fold_key(quote.text)).second) continue;
        auto& speaker = by_speaker[schema::name_key(quote.speaker)];
        if (speaker.first.empty()) speaker.first = quote.speaker;
        ++speaker.second;
        ++by_year[r.date.substr(0, 4)];
        if (result.total++ < first || result.hits.size() >= static_cast<size_t>(request.size)) continue;
        result.hits.push_back({quote, html, r.date, r.id, r.title, r.url});
      }
    }
    auto& people = result.facets["spokesperson"];
    for (const auto& [key, entry] : by_speaker) people.push_back({entry.first, entry.second});
    std::sort(people.begin(), people.end(), [](const FacetValue& a, const FacetValue& b) {
      return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    auto& years = result.facets["year"];
    for (const auto& [year, count] : by_year) years.push_back({year, count});
    return result;
  });
}

std::vector<Suggestion> Searcher::suggestions(const std::string& typed, size_t limit) {
  return with_retry([&] { return suggest(db_, typed, limit, revision_key(set_)); });
}

IndexInfo Searcher::info() {
  return with_retry([&] {
    IndexInfo info;
    info.documents = db_.get_doccount();
    info.indexed_at = db_.get_metadata(schema::kMetaIndexedAt);
    // One number names a state only for a single local database.
    info.revision = set_.parts.size() == 1 && !set_.remote ? db_.get_revision() : 0;
    std::string version = db_.get_metadata(schema::kMetaSchemaVersion);
    info.schema_version = version.empty() ? 0 : std::stoi(version);
    auto number = [&](const char* key) -> uint64_t {
      std::string v = db_.get_metadata(key);
      return v.empty() ? 0 : std::strtoull(v.c_str(), nullptr, 10);
    };
    info.indexer_runs = number(schema::kMetaIndexerRuns);
    info.shards = set_.parts.size();
    info.remote = set_.remote;
    info.missing_shards = set_.missing;
    refresh_pairs();
    info.phrase_pairs = pairs_ != nullptr;
    info.word_sequences = word_sequences_;
    info.last_run_skipped = number(schema::kMetaLastRunSkipped);
    return info;
  });
}

}  // namespace pressroom
