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
  static std::mutex mutex;
  static std::vector<std::pair<std::string, std::shared_ptr<const PairFilterTable>>> kept;  // newest last
  std::lock_guard lock(mutex);
  for (size_t i = 0; i < kept.size(); ++i)
    if (kept[i].first == state) {
      auto found = kept[i];
      kept.erase(kept.begin() + static_cast<std::ptrdiff_t>(i));
      kept.push_back(found);
      return found.second;
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
  kept.emplace_back(std::move(state), table);
  size_t total = 0;
  for (size_t i = kept.size(); i-- > 0;) {
    total += kept[i].second->bytes();
    if (total > kKeptBytes && i + 1 < kept.size()) {
      kept.erase(kept.begin(), kept.begin() + static_cast<std::ptrdiff_t>(i) + 1);
      break;
    }
  }
  return table;
}

}  // namespace pressroom
