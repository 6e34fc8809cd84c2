#include "common/pair_filter_table.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "common/schema.h"

namespace pressroom {

namespace {

// What tells one state of a database from another: a commit changes the
// revision; the counts also change with what a writer's own handle sees
// before it commits (a table is never read through such a handle, but a
// stale one would turn matches away). nullopt for a handle without one.
std::optional<std::string> state_of(const Xapian::Database& db) {
  try {
    return db.get_uuid() + "@" + std::to_string(db.get_revision()) + "/" + std::to_string(db.get_doccount()) + "/" +
           std::to_string(db.get_lastdocid());
  } catch (const Xapian::InvalidOperationError&) {
    return std::nullopt;
  } catch (const Xapian::UnimplementedError&) {
    return std::nullopt;
  }
}

}  // namespace

std::shared_ptr<const PairFilterTable> PairFilterTable::of(const Xapian::Database& db) {
  return PairFilterTables::shared().table_of(db, PairFilterTables::Clock::now());
}

std::shared_ptr<const PairFilterTable> PairFilterTable::read(const Xapian::Database& db) {
  auto table = std::make_shared<PairFilterTable>();
  table->ends_.assign(size_t{db.get_lastdocid()} + 1, 0);
  Xapian::docid filled = 0;  // ends_ set up to here
  for (auto v = db.valuestream_begin(schema::kPairFilter); v != db.valuestream_end(schema::kPairFilter); ++v) {
    Xapian::docid did = v.get_docid();
    if (did >= table->ends_.size()) break;  // added since lastdocid was read: not in this state
    for (; filled + 1 < did; ++filled) table->ends_[filled + 1] = table->bytes_.size();
    table->bytes_.append(*v);
    table->ends_[did] = table->bytes_.size();
    filled = did;
  }
  for (; filled + 1 < table->ends_.size(); ++filled) table->ends_[filled + 1] = table->bytes_.size();
  return table;
}

PairFilterTables& PairFilterTables::shared() {
  static PairFilterTables tables;
  return tables;
}

size_t PairFilterTables::size() const {
  std::lock_guard lock(mutex_);
  return kept_.size();
}

std::shared_ptr<const PairFilterTable> PairFilterTables::table_of(const Xapian::Database& db, Clock::time_point now) {
  std::optional<std::string> state = state_of(db);
  if (!state) return nullptr;
  std::shared_ptr<Reading> reading;
  {
    std::lock_guard lock(mutex_);
    auto found = std::find_if(kept_.begin(), kept_.end(), [&](const Kept& k) { return k.state == *state; });
    if (found == kept_.end()) {
      kept_.push_back({std::move(*state), std::make_shared<Reading>(), now, 0});
    } else {
      Kept k = std::move(*found);
      k.used = std::max(k.used, now);  // a caller's `now` may be older than another's
      kept_.erase(found);
      kept_.push_back(std::move(k));
      drop_idle(now);
    }
    reading = kept_.back().reading;
  }
  std::shared_ptr<const PairFilterTable> table;
  {
    std::lock_guard lock(reading->mutex);
    if (reading->table) return reading->table;
    // An error leaves it unread, for the next search to try again.
    reading->table = PairFilterTable::read(db);
    table = reading->table;
  }
  std::lock_guard lock(mutex_);
  for (Kept& k : kept_)
    if (k.reading == reading) k.bytes = table->bytes();
  drop_idle(now);
  return table;
}

void PairFilterTables::drop_idle(Clock::time_point now) {
  size_t total = 0;
  for (const Kept& k : kept_) total += k.bytes;
  for (size_t i = 0; i + 1 < kept_.size() && total > kept_bytes_;) {
    if (now - kept_[i].used < idle_) break;  // this and every later one in use lately
    total -= kept_[i].bytes;
    kept_.erase(kept_.begin() + static_cast<std::ptrdiff_t>(i));
  }
}

}  // namespace pressroom
