#include "common/match_walk.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <queue>
#include <string>
#include <utility>
#include <vector>

#include "common/date_spans.h"

namespace pressroom {
namespace {

// Each part remembers where it is: a part is asked for ids that never go
// back, and an id at or before its current one is answered with it.

class TermWalk : public MatchWalk {
 public:
  TermWalk(const Xapian::Database& db, const std::string& term)
      : it_(db.postlist_begin(term)),
        end_(db.postlist_end(term)),
        size_(term.empty() ? db.get_doccount() : db.get_termfreq(term)) {}

  Xapian::docid skip_to(Xapian::docid did) override {
    if (it_ == end_) return 0;
    if (*it_ < did) it_.skip_to(did);
    return it_ == end_ ? 0 : *it_;
  }
  Xapian::doccount size_bound() const override { return size_; }

 private:
  Xapian::PostingIterator it_, end_;
  Xapian::doccount size_;
};

// The releases whose date is in the spans, read from an array by id.
class DayWalk : public MatchWalk {
 public:
  DayWalk(const std::vector<uint32_t>& days, DateSpans spans, Xapian::doccount size)
      : days_(days), spans_(std::move(spans)), size_(size) {}

  Xapian::docid skip_to(Xapian::docid did) override {
    if (done_) return 0;
    if (current_ >= did) return current_;
    size_t next = spans_.next_in(days_, did);
    if (next < days_.size()) return current_ = static_cast<Xapian::docid>(next);
    done_ = true;
    return 0;
  }
  Xapian::doccount size_bound() const override { return size_; }

 private:
  const std::vector<uint32_t>& days_;
  DateSpans spans_;
  Xapian::doccount size_;
  Xapian::docid current_ = 0;
  bool done_ = false;
};

class NothingWalk : public MatchWalk {
 public:
  Xapian::docid skip_to(Xapian::docid) override { return 0; }
  Xapian::doccount size_bound() const override { return 0; }
};

// Leapfrog: the rarest part proposes, each other part either has the id or
// names the next one it has, which becomes the proposal.
class AndWalk : public MatchWalk {
 public:
  explicit AndWalk(std::vector<std::unique_ptr<MatchWalk>> parts) : parts_(std::move(parts)) {
    std::sort(parts_.begin(), parts_.end(), [](const auto& a, const auto& b) { return a->size_bound() < b->size_bound(); });
    done_ = parts_.empty();
  }

  Xapian::docid skip_to(Xapian::docid did) override {
    if (done_) return 0;
    if (current_ >= did) return current_;
    Xapian::docid proposal = parts_[0]->skip_to(did);
    size_t agreed = 1;
    for (size_t i = 1 % parts_.size(); proposal != 0 && agreed < parts_.size(); i = (i + 1) % parts_.size()) {
      Xapian::docid got = parts_[i]->skip_to(proposal);
      if (got == proposal) {
        ++agreed;
      } else {
        proposal = got;
        agreed = 1;
      }
    }
    if (proposal == 0) done_ = true;
    return current_ = proposal;
  }
  Xapian::doccount size_bound() const override { return parts_.empty() ? 0 : parts_.front()->size_bound(); }

 private:
  std::vector<std::unique_ptr<MatchWalk>> parts_;
  Xapian::docid current_ = 0;
  bool done_ = false;
};

// The smallest id any part has, from a heap of the parts' next ids.
class OrWalk : public MatchWalk {
 public:
  explicit OrWalk(std::vector<std::unique_ptr<MatchWalk>> parts) : parts_(std::move(parts)) {
    for (size_t i = 0; i < parts_.size(); ++i) {
      heap_.push({0, i});  // not started: moved on the first call
      size_ = std::min<uint64_t>(size_ + parts_[i]->size_bound(), Xapian::doccount(-1));
    }
  }

  Xapian::docid skip_to(Xapian::docid did) override {
    while (!heap_.empty() && heap_.top().first < did) {
      size_t part = heap_.top().second;
      heap_.pop();
      if (Xapian::docid next = parts_[part]->skip_to(did)) heap_.push({next, part});
    }
    return heap_.empty() ? 0 : heap_.top().first;
  }
  Xapian::doccount size_bound() const override { return static_cast<Xapian::doccount>(size_); }

 private:
  using Entry = std::pair<Xapian::docid, size_t>;
  std::vector<std::unique_ptr<MatchWalk>> parts_;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> heap_;
  uint64_t size_ = 0;
};

class AndNotWalk : public MatchWalk {
 public:
  AndNotWalk(std::unique_ptr<MatchWalk> kept, std::unique_ptr<MatchWalk> excluded)
      : kept_(std::move(kept)), excluded_(std::move(excluded)) {}

  Xapian::docid skip_to(Xapian::docid did) override {
    Xapian::docid candidate = kept_->skip_to(did);
    while (candidate != 0 && excluded_->skip_to(candidate) == candidate)
      candidate = candidate == Xapian::docid(-1) ? 0 : kept_->skip_to(candidate + 1);
    return candidate;
  }
  Xapian::doccount size_bound() const override { return kept_->size_bound(); }

 private:
  std::unique_ptr<MatchWalk> kept_, excluded_;
};

// The walk of `query`, or null; `db` null only asks whether there would be one.
std::unique_ptr<MatchWalk> build(const Xapian::Database* db, const Xapian::Query& query, bool& ok,
                                 const std::vector<uint32_t>* days) {
  auto walk_of = [&](size_t i) { return build(db, query.get_subquery(i), ok, days); };
  auto all_of = [&](size_t from) {
    std::vector<std::unique_ptr<MatchWalk>> parts;
    for (size_t i = from; i < query.get_num_subqueries() && ok; ++i) parts.push_back(walk_of(i));
    return parts;
  };
  switch (query.get_type()) {
    case Xapian::Query::LEAF_TERM:
      return db ? std::make_unique<TermWalk>(*db, *query.get_terms_begin()) : nullptr;
    case Xapian::Query::LEAF_MATCH_ALL:
      return db ? std::make_unique<TermWalk>(*db, std::string()) : nullptr;
    case Xapian::Query::LEAF_MATCH_NOTHING:
      return db ? std::make_unique<NothingWalk>() : nullptr;
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_FILTER: {
      // Match-all beside other parts (a browse with filters) takes nothing
      // away: left out rather than walked.
      std::vector<std::unique_ptr<MatchWalk>> parts;
      for (size_t i = 0; i < query.get_num_subqueries() && ok; ++i) {
        Xapian::Query part = query.get_subquery(i);
        if (part.get_type() == Xapian::Query::LEAF_MATCH_ALL && query.get_num_subqueries() > 1) continue;
        parts.push_back(build(db, part, ok, days));
      }
      if (parts.empty()) return build(db, Xapian::Query::MatchAll, ok, days);
      return db && ok ? std::make_unique<AndWalk>(std::move(parts)) : nullptr;
    }
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX: {
      if (db && days)
        if (std::optional<DateSpans> spans = DateSpans::of(query)) {
          Xapian::doccount size = spans->frequency(*db);
          return std::make_unique<DayWalk>(*days, std::move(*spans), size);
        }
      auto parts = all_of(0);
      return db && ok ? std::make_unique<OrWalk>(std::move(parts)) : nullptr;
    }
    case Xapian::Query::OP_AND_NOT: {
      auto kept = walk_of(0);
      auto excluded = all_of(1);
      if (!db || !ok) return nullptr;
      return std::make_unique<AndNotWalk>(std::move(kept), std::make_unique<OrWalk>(std::move(excluded)));
    }
    // The matches of the first part; the others only weigh.
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_SCALE_WEIGHT:
      return walk_of(0);
    default:
      ok = false;
      return nullptr;
  }
}

}  // namespace

std::unique_ptr<MatchWalk> MatchWalk::of(const Xapian::Database& db, const Xapian::Query& query,
                                         const std::vector<uint32_t>* days) {
  bool ok = true;
  std::unique_ptr<MatchWalk> walk = build(&db, query, ok, days);
  return ok ? std::move(walk) : nullptr;
}

bool MatchWalk::walkable(const Xapian::Query& query) {
  bool ok = true;
  build(nullptr, query, ok, nullptr);
  return ok;
}

}  // namespace pressroom
