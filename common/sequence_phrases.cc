#include "common/sequence_phrases.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>

#include "common/errors.h"
#include "common/fnv1a.h"
#include "common/match_walk.h"
#include "common/pair_filter.h"
#include "common/pair_filter_table.h"
#include "common/phrase_check.h"
#include "common/phrase_rewrite.h"
#include "common/schema.h"
#include "common/value_stream.h"
#include "common/word_sequence.h"

namespace pressroom {

namespace {

// Vocabularies by their id (schema::kMetaWordSequencesId): an index's never
// changes, and a new one has a new id, so an entry never goes stale. The
// last few are kept: a server that sees a rebuild a day would otherwise keep
// every vocabulary it ever read.
constexpr size_t kVocabulariesKept = 8;

std::shared_ptr<const WordVocabulary> vocabulary_of(const Xapian::Database& db, const std::string& id) {
  static std::mutex mutex;
  static std::vector<std::pair<std::string, std::shared_ptr<const WordVocabulary>>> known;  // last used last
  {
    std::lock_guard lock(mutex);
    for (size_t i = 0; i < known.size(); ++i)
      if (known[i].first == id) {
        std::rotate(known.begin() + static_cast<std::ptrdiff_t>(i), known.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                    known.end());
        return known.back().second;
      }
  }
  std::string stored = db.get_metadata(schema::kMetaWordSequences);
  std::optional<WordVocabulary> decoded = WordVocabulary::decode(stored);
  if (stored.compare(0, 2, "1\n") == 0)
    throw Xapian::DatabaseCorruptError("the index keeps word sequences of format 1, which this pressroom no longer "
                                       "reads: rebuild it (pressroom-index --rebuild --word-sequences)");
  if (!decoded || schema::word_sequences_id(stored) != id)
    throw Xapian::DatabaseCorruptError("the index's word vocabulary (" + std::string(schema::kMetaWordSequences) +
                                       ") does not match its id: rebuild the index");
  auto vocabulary = std::make_shared<const WordVocabulary>(std::move(*decoded));
  std::lock_guard lock(mutex);
  if (known.size() >= kVocabulariesKept) known.erase(known.begin());
  known.emplace_back(id, vocabulary);
  return vocabulary;
}

void put_count(std::string& out, size_t n) { out.append(std::to_string(n)).push_back(' '); }

size_t get_count(std::string_view& in) {
  size_t n = 0;
  auto [end, error] = std::from_chars(in.data(), in.data() + in.size(), n);
  if (error != std::errc() || end == in.data() + in.size() || *end != ' ')
    throw Xapian::SerialisationError("bad word-sequence phrase");
  in.remove_prefix(static_cast<size_t>(end - in.data()) + 1);
  return n;
}

class SequencePhraseSource : public Xapian::PostingSource {
 public:
  explicit SequencePhraseSource(PhraseSpec spec) : spec_(std::make_shared<const PhraseSpec>(std::move(spec))) {}

  void init(const Xapian::Database& db) override {
    db_ = db;
    current_ = 0;
    at_end_ = false;
    termfreq_max_ = db.get_doccount();
    for (const auto& slot : spec_->slots) {
      Xapian::doccount slot_freq = 0;
      for (const std::string& term : slot) slot_freq += db.get_termfreq(term);
      termfreq_max_ = std::min(termfreq_max_, slot_freq);
    }
    walk_.reset();  // made by the first skip_to(): check() needs none
    std::string id = db.get_metadata(schema::kMetaWordSequencesId);
    vocabulary_ = id.empty() ? nullptr : vocabulary_of(db, id);
    if (vocabulary_) {
      coded_ = code_phrase(spec_->slots, *vocabulary_);
      // OP_PHRASE with its default window: the words side by side.
      adjacent_ = spec_->ordered && (spec_->window == 0 || spec_->window == spec_->slots.size());
      values_ = db.valuestream_begin(schema::kWordSequence);
      probe_.reset();
      filter_table_.reset();
      if (adjacent_ && vocabulary_->has_pair_filter()) {
        std::vector<std::optional<uint32_t>> ranks;
        for (const SlotWords& slot : coded_.slots)
          ranks.push_back(slot.ranks.size() == 1 && slot.spelled.empty() ? std::optional(slot.ranks[0]) : std::nullopt);
        probe_.emplace(ranks, *vocabulary_);
        if (probe_->empty()) {
          probe_.reset();
        } else {
          filter_table_ = PairFilterTable::of(db);
          if (!filter_table_) filters_ = db.valuestream_begin(schema::kPairFilter);
        }
      }
    }
  }

  Xapian::doccount get_termfreq_min() const override { return 0; }
  // High, so that the AND of the words, which the query pairs with this
  // source, leads and the matcher only check()s its candidates (an estimate
  // below the AND's made this source lead, walking the words' posting lists
  // a second time).
  Xapian::doccount get_termfreq_est() const override { return termfreq_max_; }
  Xapian::doccount get_termfreq_max() const override { return termfreq_max_; }
  Xapian::docid get_docid() const override { return current_; }
  bool at_end() const override { return at_end_; }

  void next(double min_wt) override { skip_to(current_ + 1, min_wt); }

  void skip_to(Xapian::docid did, double) override {
    if (at_end_ || did <= current_) return;
    if (!walk_) {
      // The releases with a word of every slot: AND of ORs, walked.
      std::vector<Xapian::Query> slots;
      for (const auto& slot : spec_->slots) slots.emplace_back(Xapian::Query::OP_OR, slot.begin(), slot.end());
      walk_ = MatchWalk::of(db_, Xapian::Query(Xapian::Query::OP_AND, slots.begin(), slots.end()));
    }
    // The phrase is checked where the words meet.
    for (Xapian::docid candidate = walk_->skip_to(did); candidate != 0; candidate = walk_->skip_to(candidate + 1)) {
      if (holds(candidate)) {
        current_ = candidate;
        return;
      }
      if (candidate == Xapian::docid(-1)) break;
    }
    at_end_ = true;
  }

  bool check(Xapian::docid did, double) override {
    // The matcher only asks of releases its AND of the words found: no
    // posting lists needed, just the phrase.
    current_ = did;
    return holds(did);
  }

  PostingSource* clone() const override { return new SequencePhraseSource(spec_); }
  std::string name() const override { return "pressroom::SequencePhrase"; }

  std::string serialise() const override {
    std::string out;
    put_count(out, spec_->window);
    put_count(out, spec_->ordered ? 1 : 0);
    put_count(out, spec_->slots.size());
    for (const auto& slot : spec_->slots) {
      put_count(out, slot.size());
      for (const std::string& term : slot) {
        put_count(out, term.size());
        out.append(term);
      }
    }
    return out;
  }

  PostingSource* unserialise(const std::string& serialised) const override {
    std::string_view in = serialised;
    PhraseSpec spec;
    spec.window = static_cast<Xapian::termpos>(get_count(in));
    spec.ordered = get_count(in) != 0;
    spec.slots.resize(get_count(in));
    for (auto& slot : spec.slots) {
      slot.resize(get_count(in));
      for (std::string& term : slot) {
        size_t size = get_count(in);
        if (size > in.size()) throw Xapian::SerialisationError("bad word-sequence phrase");
        term = std::string(in.substr(0, size));
        in.remove_prefix(size);
      }
    }
    return new SequencePhraseSource(std::move(spec));
  }

  std::string get_description() const override { return "SequencePhrase(" + serialise() + ")"; }

 private:
  explicit SequencePhraseSource(std::shared_ptr<const PhraseSpec> spec) : spec_(std::move(spec)) {}

  bool holds(Xapian::docid did) {
    if (vocabulary_) {
      // Most releases without the phrase are told by their small filter,
      // without reading their sequence.
      if (probe_ && !probe_->holds(filter_table_ ? filter_table_->filter(did) : value_at(filters_, did))) return false;
      std::string sequence = value_at(values_, did);
      if (sequence.empty()) return false;
      if (adjacent_)
        if (std::optional<bool> holds = holds_adjacent(sequence, coded_)) return *holds;
      decode_slot_hits(sequence, coded_, hits_);
    } else {
      positions_hits(did);
    }
    return phrase_holds(hits_, spec_->slots.size(), spec_->window, spec_->ordered);
  }

  // An index that keeps Xapian's positions: the same hits from them.
  void positions_hits(Xapian::docid did) {
    std::map<Xapian::termpos, uint64_t> at;
    for (size_t i = 0; i < spec_->slots.size(); ++i)
      for (const std::string& term : spec_->slots[i])
        for (auto p = db_.positionlist_begin(did, term); p != db_.positionlist_end(did, term); ++p) at[*p] |= uint64_t{1} << i;
    hits_.clear();
    for (const auto& [position, slots] : at) hits_.push_back({position, slots});
  }

  std::shared_ptr<const PhraseSpec> spec_;
  Xapian::Database db_;
  std::shared_ptr<const WordVocabulary> vocabulary_;
  CodedPhrase coded_;
  bool adjacent_ = false;
  Xapian::ValueIterator values_;
  std::optional<PairProbe> probe_;  // none: no filtered pair in the phrase
  std::shared_ptr<const PairFilterTable> filter_table_;  // null: read filters_
  Xapian::ValueIterator filters_;
  std::unique_ptr<MatchWalk> walk_;
  std::vector<SlotHit> hits_;
  Xapian::doccount termfreq_max_ = 0;
  Xapian::docid current_ = 0;
  bool at_end_ = false;
};

// The terms of a phrase's subquery: a term, or an OR or synonym of terms.
std::optional<std::vector<std::string>> slot_terms(const Xapian::Query& query) {
  if (query.get_type() == Xapian::Query::LEAF_TERM)
    return std::vector<std::string>(query.get_terms_begin(), query.get_terms_end());
  if (query.get_type() != Xapian::Query::OP_OR && query.get_type() != Xapian::Query::OP_SYNONYM) return std::nullopt;
  std::vector<std::string> terms;
  for (size_t i = 0; i < query.get_num_subqueries(); ++i) {
    Xapian::Query sub = query.get_subquery(i);
    if (sub.get_type() != Xapian::Query::LEAF_TERM) return std::nullopt;
    terms.insert(terms.end(), sub.get_terms_begin(), sub.get_terms_end());
  }
  return terms;
}

std::optional<Xapian::Query> rewrite_phrase(const Xapian::Query& query) {
  bool ordered = query.get_type() == Xapian::Query::OP_PHRASE;
  size_t n = query.get_num_subqueries();
  if (n < 2) return std::nullopt;
  // Left alone it would be answered as an AND (no positions in the index).
  if (n > kMaxSlots)
    throw InvalidParameter("q", "a phrase of more than " + std::to_string(kMaxSlots) +
                                    " words cannot be searched in this index (built with --word-sequences): "
                                    "shorten it");
  std::optional<Xapian::termpos> window = window_of(query);
  if (!window) return std::nullopt;
  PhraseSpec spec;
  spec.window = *window;
  spec.ordered = ordered;
  std::vector<Xapian::Query> words;
  for (size_t i = 0; i < n; ++i) {
    words.push_back(query.get_subquery(i));
    std::optional<std::vector<std::string>> terms = slot_terms(words.back());
    if (!terms) return std::nullopt;
    spec.slots.push_back(std::move(*terms));
  }
  return Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end()),
                       word_sequence_phrase(spec));
}

}  // namespace

Xapian::Query with_word_sequences(const Xapian::Query& query) { return rewrite_phrases(query, rewrite_phrase); }

Xapian::Query word_sequence_phrase(const PhraseSpec& spec) {
  return Xapian::Query((new SequencePhraseSource(spec))->release());
}

const Xapian::Registry& query_registry() {
  static const Xapian::Registry registry = [] {
    Xapian::Registry r;
    r.register_posting_source(SequencePhraseSource(PhraseSpec{}));
    return r;
  }();
  return registry;
}

}  // namespace pressroom
