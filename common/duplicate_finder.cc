#include "common/duplicate_finder.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>

#include "common/fnv1a.h"
#include "common/schema.h"

namespace pressroom {

std::vector<PlacedRelease> DatabaseDuplicateLookup::candidates(const std::vector<std::string>& terms,
                                                               const std::string& except_id) {
  std::set<Xapian::docid> found;
  for (const std::string& term : terms) {
    Xapian::doccount frequency = db_.get_termfreq(term);
    if (frequency == 0 || frequency > kMaxPostings) continue;
    for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term) && found.size() < kMaxCandidates; ++it)
      found.insert(*it);
  }
  std::vector<PlacedRelease> out;
  for (Xapian::docid docid : found) {
    Xapian::Document doc = db_.get_document(docid);
    PlacedRelease placed;
    placed.id = doc.get_value(schema::kId);
    if (placed.id == except_id) continue;
    placed.group = doc.get_value(schema::kDupGroup);
    if (placed.group.empty()) placed.group = placed.id;
    placed.profile = duplicate_profile(schema::release_from(doc));
    out.push_back(std::move(placed));
  }
  return out;
}

bool DatabaseDuplicateLookup::group_in_use(const std::string& key, const std::string& except_id) {
  std::string term = schema::duplicate_group_term(key);
  for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it)
    if (db_.get_document(*it).get_value(schema::kId) != except_id) return true;
  return false;
}

DuplicateGroup find_duplicate_group(const std::string& id, const DuplicateProfile& profile, DuplicateLookup& lookup) {
  const PlacedRelease* best = nullptr;
  double best_score = -1;
  std::vector<PlacedRelease> candidates = lookup.candidates(schema::duplicate_terms(profile), id);
  for (const PlacedRelease& candidate : candidates) {
    if (!are_near_duplicates(profile, candidate.profile)) continue;
    Similarity s = similarity(profile, candidate.profile);
    double score = s.jaccard + s.containment;
    if (!best || score > best_score || (score == best_score && candidate.group < best->group)) {
      best = &candidate;
      best_score = score;
    }
  }
  if (best) return {best->group, best->id};
  std::string key = id;
  for (int n = 2; lookup.group_in_use(key, id); ++n) key = id + "#" + std::to_string(n);
  return {key, ""};
}

}  // namespace pressroom

namespace pressroom {
namespace {

// The lookup of group_duplicates(): the committed index as the pass's own
// changes leave it, without the run's releases the pass has not reached.
class SettlingLookup : public DuplicateLookup {
 public:
  SettlingLookup(const Xapian::Database& db, const std::unordered_map<std::string, size_t>& order)
      : db_(db), committed_(db), order_(order) {}

  void settle_from(size_t position) { position_ = position; }
  void regroup(const std::string& id, const std::string& key) {
    auto [it, fresh] = regrouped_.try_emplace(id, key);
    if (!fresh) --holders_[it->second];
    it->second = key;
    ++holders_[key];
  }

  std::vector<PlacedRelease> candidates(const std::vector<std::string>& terms, const std::string& except_id) override {
    std::vector<PlacedRelease> out;
    for (PlacedRelease& placed : committed_.candidates(terms, except_id)) {
      auto at = order_.find(placed.id);
      if (at != order_.end() && at->second >= position_) continue;  // its turn comes later
      if (auto moved = regrouped_.find(placed.id); moved != regrouped_.end()) placed.group = moved->second;
      out.push_back(std::move(placed));
    }
    return out;
  }

  bool group_in_use(const std::string& key, const std::string& except_id) override {
    if (auto held = holders_.find(key); held != holders_.end() && held->second > (regrouped_.count(except_id) &&
                                                                                 regrouped_.at(except_id) == key))
      return true;
    std::string term = schema::duplicate_group_term(key);
    for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it) {
      std::string id = db_.get_document(*it).get_value(schema::kId);
      if (id != except_id && !regrouped_.count(id)) return true;
    }
    return false;
  }

 private:
  const Xapian::Database& db_;
  DatabaseDuplicateLookup committed_;
  const std::unordered_map<std::string, size_t>& order_;
  size_t position_ = 0;
  std::unordered_map<std::string, std::string> regrouped_;  // id → group set by this pass
  std::unordered_map<std::string, size_t> holders_;         // group → releases this pass put in it
};

// The duplicate-key terms a document carries (schema::duplicate_terms).
// One pass over the termlist (each termlist_begin() reads and inflates it
// again), so the prefixes are visited in the termlist's order.
static_assert(schema::prefix::kDupBand < schema::prefix::kDupTitleDate &&
              schema::prefix::kDupTitleDate < schema::prefix::kDupUrl);
std::vector<std::string> key_terms_of(const Xapian::Document& doc) {
  std::vector<std::string> terms;
  auto it = doc.termlist_begin();
  for (std::string_view prefix : {schema::prefix::kDupBand, schema::prefix::kDupTitleDate, schema::prefix::kDupUrl}) {
    it.skip_to(std::string(prefix));
    for (; it != doc.termlist_end() && (*it).compare(0, prefix.size(), prefix) == 0; ++it) terms.push_back(*it);
  }
  return terms;
}

}  // namespace

uint64_t RunDuplicateKeys::hash(std::string_view key_term) { return fnv1a64(key_term); }

void RunDuplicateKeys::add(std::vector<uint64_t> key_hashes) {
  std::sort(key_hashes.begin(), key_hashes.end());
  key_hashes.erase(std::unique(key_hashes.begin(), key_hashes.end()), key_hashes.end());
  hashes_.insert(hashes_.end(), key_hashes.begin(), key_hashes.end());
  ends_.push_back(hashes_.size());
}

std::vector<bool> RunDuplicateKeys::alone() const {
  std::vector<uint64_t> sorted = hashes_;
  std::sort(sorted.begin(), sorted.end());
  std::vector<uint64_t> shared;
  for (size_t i = 1; i < sorted.size(); ++i)
    if (sorted[i] == sorted[i - 1] && (shared.empty() || shared.back() != sorted[i])) shared.push_back(sorted[i]);
  std::vector<bool> alone(ends_.size(), true);
  size_t begin = 0;
  for (size_t r = 0; r < ends_.size(); begin = ends_[r++])
    for (size_t k = begin; k < ends_[r] && alone[r]; ++k)
      if (std::binary_search(shared.begin(), shared.end(), hashes_[k])) alone[r] = false;
  return alone;
}

uint64_t group_duplicates(std::vector<Xapian::WritableDatabase>& shards, const std::vector<std::string>& written,
                          const std::vector<bool>* alone) {
  if (written.empty() || shards.empty()) return 0;
  if (alone && alone->size() != written.size()) alone = nullptr;  // not of this run: every release is read
  // Reads through the writers' own handles see what they have not
  // committed; the pass's own changes are tracked apart (SettlingLookup).
  Xapian::Database all;
  for (const Xapian::WritableDatabase& shard : shards) all.add_database(shard);
  const auto n = static_cast<Xapian::docid>(shards.size());
  std::unordered_map<std::string, size_t> order;
  order.reserve(written.size());
  for (size_t i = 0; i < written.size(); ++i) order.emplace(written[i], i);
  SettlingLookup lookup(all, order);
  // Where a release is now: a combined document id names its shard and its
  // id there (Xapian interleaves the sub-databases' ids).
  std::unordered_map<std::string, size_t> moved;  // id → shard, for releases this pass moved
  auto locate = [&](const std::string& id) -> std::optional<std::pair<Xapian::docid, size_t>> {
    std::string term = std::string(schema::prefix::kId).append(id);
    auto it = all.postlist_begin(term);
    if (it == all.postlist_end(term)) return std::nullopt;
    return std::pair{*it, static_cast<size_t>((*it - 1) % n)};
  };
  uint64_t joined = 0;
  for (size_t position = 0; position < written.size(); ++position) {
    // In an index the run began empty, a release alone by its keys is in
    // its own group (written so) and no release before it can be in that
    // group: nothing to read.
    if (alone && (*alone)[position]) continue;
    const std::string& id = written[position];
    auto where = locate(id);
    if (!where) continue;  // written, then dropped later in the run
    Xapian::Document doc = all.get_document(where->first);
    std::string current = doc.get_value(schema::kDupGroup);
    std::vector<std::string> keys = key_terms_of(doc);
    bool shared = std::any_of(keys.begin(), keys.end(), [&](const std::string& t) { return all.get_termfreq(t) > 1; });
    lookup.settle_from(position);
    if (!shared && current == id && !lookup.group_in_use(id, id)) continue;  // most releases: alone
    DuplicateGroup group = find_duplicate_group(id, duplicate_profile(schema::release_from(doc)), lookup);
    if (!group.duplicate_of.empty()) ++joined;
    if (group.key == current) continue;
    size_t from = where->second;
    size_t to = from;
    if (!group.duplicate_of.empty()) {
      auto it = moved.find(group.duplicate_of);
      if (it != moved.end()) {
        to = it->second;
      } else if (auto copy = locate(group.duplicate_of)) {
        to = copy->second;
      }
    }
    Xapian::Document updated = doc;
    schema::set_duplicate_group(updated, group.key);
    Xapian::docid local = (where->first - 1) / n + 1;
    if (to == from) {
      shards[from].replace_document(local, updated);
    } else {
      shards[to].add_document(updated);  // first: the document reads its text lazily from where it is
      shards[from].delete_document(local);
      moved[id] = to;
    }
    lookup.regroup(id, group.key);
  }
  return joined;
}

}  // namespace pressroom
