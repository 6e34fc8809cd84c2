#include "common/pair_filter_table.h"

#include <mutex>
#include <utility>

#include "common/schema.h"

namespace pressroom {

namespace {

// What tells one state of a database from another: a commit changes the
// revision; the counts also change with what a writer's own handle sees
// before it commits (a table is never read through such a handle, but a
// stale one would turn matches away).
std::string state_of(const Xapian::Database& db) {
  return db.get_uuid() + "@" + std::to_string(db.get_revision()) + "/" + std::to_string(db.get_doccount()) + "/" +
         std::to_string(db.get_lastdocid());
}

}  // namespace

std::shared_ptr<const PairFilterTable> PairFilterTable::of(const Xapian::Database& db) {
  std::string state;
  try {
    state = state_of(db);
  } catch (const Xapian::InvalidOperationError&) {
    return nullptr;
  } catch (const Xapian::UnimplementedError&) {
    return nullptr;
  }
  struct Kept {
    std::string state;
    std::shared_ptr<const PairFilterTable> table;
    std::chrono::steady_clock::time_point used;
  };
  static std::mutex mutex;
  static std::vector<Kept> kept;  // most recently used last
  std::lock_guard lock(mutex);
  auto now = std::chrono::steady_clock::now();
  for (size_t i = 0; i < kept.size(); ++i)
    if (kept[i].state == state) {
      Kept found = kept[i];
      found.used = now;
      kept.erase(kept.begin() + static_cast<std::ptrdiff_t>(i));
      kept.push_back(found);
      return found.table;
    }
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
  kept.push_back({std::move(state), table, now});
  size_t total = 0;
  for (const Kept& k : kept) total += k.table->bytes();
  for (size_t i = 0; i + 1 < kept.size() && total > kKeptBytes;) {
    if (now - kept[i].used < kIdle) break;  // this and every later one in use lately
    total -= kept[i].table->bytes();
    kept.erase(kept.begin() + static_cast<std::ptrdiff_t>(i));
  }
  return table;
}

}  // namespace pressroom
