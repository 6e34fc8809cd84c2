#include "common/facet_counter.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "common/duplicate_groups.h"
#include "common/match_walk.h"
#include "common/schema.h"

namespace pressroom {
namespace {

using RawCounts = std::unordered_map<std::string, uint64_t>;  // display form as stored → count

std::vector<FacetValue> merged(const RawCounts& raw) {
  struct Merge {
    uint64_t total = 0;
    std::string display;
    uint64_t display_count = 0;
  };
  std::map<std::string, Merge> by_key;
  for (const auto& [display, count] : raw) {
    Merge& m = by_key[schema::name_key(display)];
    m.total += count;
    if (count > m.display_count || (count == m.display_count && display < m.display)) {
      m.display = display;
      m.display_count = count;
    }
  }
  std::vector<FacetValue> values;
  values.reserve(by_key.size());
  for (auto& [key, m] : by_key) values.push_back({m.display, m.total});
  return values;
}

void order_by_count(std::vector<FacetValue>& values, size_t limit) {
  std::sort(values.begin(), values.end(), [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  if (limit > 0 && values.size() > limit) values.resize(limit);
}

void add_spy_counts(RawCounts& raw, const Xapian::ValueCountMatchSpy* spy) {
  if (!spy) return;
  for (auto it = spy->values_begin(); it != spy->values_end(); ++it) raw[*it] += it.get_termfreq();
}

}  // namespace

// Counts per value id of each table column; names are looked up at the end.
class FacetCounter::TableSpy : public Xapian::MatchSpy {
 public:
  TableSpy(const FacetTable& table, FacetSelection selection) : table_(table), selection_(selection) {
    if (selection.type) types_.assign(table.types().names.size(), 0);
    if (selection.year || selection.month) months_.assign(table.months().names.size(), 0);
    if (selection.topic) topics_.assign(table.topics().names.size(), 0);
    if (selection.spokesperson) people_.assign(table.spokespeople().names.size(), 0);
    seen_groups_.assign(static_cast<size_t>(table.duplicate_group_count()) + 1, false);
  }

  void operator()(const Xapian::Document& doc, double) override {
    Xapian::docid did = doc.get_docid();
    if (did > table_.last_docid()) return;  // cannot happen at the table's own state
    count(did);
  }

  void count_walk(MatchWalk& walk) {
    walk.each([this](Xapian::docid did) {
      if (did <= table_.last_docid()) count(did);
    });
  }

  // Every release of the table, in document order, as if all had matched.
  uint64_t count_all() {
    const FacetTable::Column& months = table_.months();  // every release has one month
    uint64_t before = results_;
    for (Xapian::docid did = 1; did <= table_.last_docid(); ++did)
      if (months.offsets[did] != months.offsets[did + 1]) count(did);
    return results_ - before;
  }

  static void add_raw(RawCounts& out, const std::vector<uint64_t>& counts, const FacetTable::Column& column) {
    for (size_t i = 0; i < counts.size(); ++i)
      if (counts[i]) out[column.names[i]] += counts[i];
  }

  // `earlier` counted the ranges of ids of the same table before this
  // spy's: a group one of them counted is theirs (its first match in
  // document order is there), so this spy takes its own count of it back.
  void settle_after(const std::vector<const TableSpy*>& earlier) {
    for (const auto& met : groups_met_) {
      uint32_t group = met.first;  // a plain variable: clang 14 cannot capture a structured binding
      if (std::any_of(earlier.begin(), earlier.end(), [&](const TableSpy* e) { return e->seen_groups_[group]; }))
        uncount(met.second);
    }
  }

  const FacetTable& table_;
  FacetSelection selection_;
  std::vector<uint64_t> types_, months_, topics_, people_;
  std::vector<bool> seen_groups_;
  // The groups counted, each with the match it was counted with.
  std::vector<std::pair<uint32_t, Xapian::docid>> groups_met_;
  uint64_t results_ = 0;                    // matches counted, each group once

 private:
  // Nothing for a copy whose group has already been counted.
  void count(Xapian::docid did) {
    // Near duplicates are one result: a group counts once, with the facets
    // of its first match in document order.
    if (uint32_t group = table_.duplicate_groups()[did]) {
      if (seen_groups_[group]) return;
      seen_groups_[group] = true;
      groups_met_.emplace_back(group, did);
    }
    ++results_;
    add(did, 1);
  }

  void uncount(Xapian::docid did) {
    --results_;
    add(did, -1);
  }

  void add(Xapian::docid did, int64_t by) {
    bump(types_, table_.types(), did, by);
    bump(months_, table_.months(), did, by);
    bump(topics_, table_.topics(), did, by);
    bump(people_, table_.spokespeople(), did, by);
  }

  static void bump(std::vector<uint64_t>& counts, const FacetTable::Column& column, Xapian::docid did, int64_t by) {
    if (counts.empty()) return;
    for (uint32_t i = column.offsets[did]; i < column.offsets[did + 1]; ++i)
      counts[column.values[i]] += static_cast<uint64_t>(by);
  }
};

namespace {

std::string positions_record(const FacetSlots& slots) {
  return std::to_string(slots.topic_positions) + " " + std::to_string(slots.spokesperson_positions);
}

}  // namespace

void FacetSlots::record(Xapian::WritableDatabase& db) {
  std::string now = positions_record(of(db));
  if (db.get_metadata(schema::kMetaFacetPositions) != now) db.set_metadata(schema::kMetaFacetPositions, now);
}

FacetSlots FacetSlots::recorded(const std::vector<Xapian::Database>& parts, const Xapian::Database& combined) {
  FacetSlots slots;
  for (const Xapian::Database& part : parts) {
    unsigned topics = 0, people = 0;
    char extra = 0;
    std::string record = part.get_metadata(schema::kMetaFacetPositions);
    if (std::sscanf(record.c_str(), "%u %u%c", &topics, &people, &extra) != 2) return of(combined);
    slots.topic_positions = std::max(slots.topic_positions, std::min(topics, schema::kFacetPositions));
    slots.spokesperson_positions = std::max(slots.spokesperson_positions, std::min(people, schema::kFacetPositions));
  }
  return slots;
}

FacetSlots FacetSlots::of(const Xapian::Database& db) {
  FacetSlots slots;
  auto used = [&](Xapian::valueno first) {
    unsigned n = 0;
    while (n < schema::kFacetPositions && db.get_value_freq(first + n) > 0) ++n;
    return n;
  };
  slots.topic_positions = used(schema::kFacetTopic);
  slots.spokesperson_positions = used(schema::kFacetSpokesperson);
  return slots;
}

struct FacetCounter::Raw {
  RawCounts topics, people, types, months;

  void add(const Raw& other) {
    each(other, [](RawCounts& counts, const std::string& value, uint64_t count) { counts[value] += count; });
  }
  void take_back(const Raw& other) {
    each(other, [](RawCounts& counts, const std::string& value, uint64_t count) {
      auto it = counts.find(value);
      if (it == counts.end()) return;  // cannot happen: what is taken back was counted
      it->second -= std::min(it->second, count);
      if (it->second == 0) counts.erase(it);
    });
  }

 private:
  // f(this facet's counts, value, count) for every value counted in `other`.
  template <typename F>
  void each(const Raw& other, F f) {
    for (auto [mine, theirs] : {std::pair{&topics, &other.topics}, std::pair{&people, &other.people},
                                std::pair{&types, &other.types}, std::pair{&months, &other.months}})
      for (const auto& [value, count] : *theirs) f(*mine, value, count);
  }
};

FacetCounter::FacetCounter(FacetSelection selection, std::vector<std::shared_ptr<const FacetTable>> tables,
                           FacetSlots slots, unsigned ranges)
    : selection_(selection), tables_(std::move(tables)), slots_(slots), ranges_(std::max(ranges, 1u)) {
  for (const auto& table : tables_)
    for (unsigned r = 0; r < ranges_; ++r) table_spies_.push_back(std::make_unique<TableSpy>(*table, selection_));
  if (!tables_.empty()) return;
  if (selection_.type) type_spy_ = std::make_unique<Xapian::ValueCountMatchSpy>(schema::kFacetType);
  if (selection_.year || selection_.month)
    month_spy_ = std::make_unique<Xapian::ValueCountMatchSpy>(schema::kFacetMonth);
  if (selection_.topic)
    for (unsigned i = 0; i < slots_.topic_positions; ++i)
      topic_spies_.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(schema::kFacetTopic + i));
  if (selection_.spokesperson)
    for (unsigned i = 0; i < slots_.spokesperson_positions; ++i)
      person_spies_.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(schema::kFacetSpokesperson + i));
  if (selection_.any()) copy_spy_ = std::make_unique<Xapian::ValueCountMatchSpy>(schema::kCopyOf);
}

FacetCounter::~FacetCounter() = default;

void FacetCounter::attach(Xapian::Enquire& enquire, size_t part, unsigned range) {
  if (!table_spies_.empty()) {
    enquire.add_matchspy(table_spies_.at(part * ranges_ + range).get());
    return;
  }
  for (auto* spy : {type_spy_.get(), month_spy_.get(), copy_spy_.get()})
    if (spy) enquire.add_matchspy(spy);
  for (auto& spy : topic_spies_) enquire.add_matchspy(spy.get());
  for (auto& spy : person_spies_) enquire.add_matchspy(spy.get());
}

void FacetCounter::count_walked(size_t part, MatchWalk& walk) { table_spies_.at(part * ranges_)->count_walk(walk); }

uint64_t FacetCounter::count_everything(size_t part) { return table_spies_.at(part * ranges_)->count_all(); }

void FacetCounter::settle() const {
  if (settled_ || ranges_ == 1) return;
  settled_ = true;
  for (size_t first = 0; first < table_spies_.size(); first += ranges_) {
    std::vector<const TableSpy*> earlier{table_spies_[first].get()};
    for (size_t later = first + 1; later < first + ranges_; ++later) {
      table_spies_[later]->settle_after(earlier);
      earlier.push_back(table_spies_[later].get());
    }
  }
}

uint64_t FacetCounter::results() const {
  settle();
  uint64_t total = 0;
  for (const auto& spy : table_spies_) total += spy->results_;
  return total;
}

void FacetCounter::count_groups_once(const Xapian::Database& db, const Xapian::Query& query) {
  if (!copy_spy_) return;
  std::map<std::string, Xapian::doccount> copied;
  for (auto it = copy_spy_->values_begin(); it != copy_spy_->values_end(); ++it) copied[*it] = it.get_termfreq();
  Xapian::Query later = later_group_matches(db, query, copied);
  if (later.empty()) return;
  FacetCounter extra(selection_, {}, slots_);
  extra.copy_spy_.reset();
  Xapian::Enquire enquire(db);
  enquire.set_query(later);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  extra.attach(enquire);
  enquire.get_mset(0, 0, db.get_doccount());
  if (!taken_back_) taken_back_ = std::make_unique<Raw>();
  taken_back_->add(extra.spy_counts());
}

FacetCounter::Raw FacetCounter::spy_counts() const {
  settle();
  Raw raw;
  if (!table_spies_.empty()) {
    for (const auto& spy : table_spies_) {
      spy->add_raw(raw.topics, spy->topics_, spy->table_.topics());
      spy->add_raw(raw.people, spy->people_, spy->table_.spokespeople());
      spy->add_raw(raw.types, spy->types_, spy->table_.types());
      spy->add_raw(raw.months, spy->months_, spy->table_.months());
    }
  } else {
    for (const auto& spy : topic_spies_) add_spy_counts(raw.topics, spy.get());
    for (const auto& spy : person_spies_) add_spy_counts(raw.people, spy.get());
    add_spy_counts(raw.types, type_spy_.get());
    add_spy_counts(raw.months, month_spy_.get());
  }
  if (taken_back_) raw.take_back(*taken_back_);
  return raw;
}

FacetCounts FacetCounter::counts(size_t limit) const {
  Raw raw = spy_counts();
  const RawCounts &topics = raw.topics, &people = raw.people, &types = raw.types, &months = raw.months;
  FacetCounts out;
  if (selection_.topic) {
    out["topic"] = merged(topics);
    order_by_count(out["topic"], limit);
  }
  if (selection_.spokesperson) {
    out["spokesperson"] = merged(people);
    order_by_count(out["spokesperson"], limit);
  }
  if (selection_.type) {
    out["type"] = merged(types);
    order_by_count(out["type"], 0);
  }
  std::map<std::string, uint64_t> years, by_month;
  for (const auto& [month, count] : months) {
    by_month[month] += count;
    years[month.substr(0, 4)] += count;
  }
  if (selection_.year) {
    auto& list = out["year"];
    for (const auto& [year, count] : years) list.push_back({year, count});
  }
  if (selection_.month) {
    auto& list = out["month"];
    for (const auto& [month, count] : by_month) list.push_back({month, count});
  }
  return out;
}

}  // namespace pressroom
