// Objects derived from one committed index state (a facet table, the
// suggestions' vocabulary), built once and shared by every searcher thread
// until the index changes. Keyed by revision_key_of() ("uuid:revision") for
// one database or revision_key() ("uuid:revision;uuid:revision;...") for a
// set of shards read as one.
#pragma once

#include <deque>
#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

namespace pressroom {

// The database (or databases) a revision key names, without the revisions:
// "u1:7;u2:3;" → "u1;u2;", "u1:7" → "u1". Two keys with the same identity
// are two states of the same index.
std::string revision_identity(const std::string& revision);

template <typename T>
class RevisionCache {
 public:
  // Per index: its current state and the one before, still in use by slower
  // requests; and a bound on indexes, for servers opened on many.
  static constexpr size_t kStatesPerIndex = 2;
  static constexpr size_t kStatesKept = 64;

  // The object for state `revision`, built by `build` on first use; threads
  // asking meanwhile wait for that build rather than each making their own.
  // A build that throws is forgotten (the next call tries again) and its
  // exception is thrown to every waiting caller.
  std::shared_ptr<const T> get(const std::string& revision, const std::function<std::shared_ptr<const T>()>& build) {
    Shared shared;
    std::promise<std::shared_ptr<const T>> building;
    {
      std::lock_guard lock(mutex_);
      for (auto& [key, state] : states_)
        if (key == revision) shared = state;
      if (shared.valid()) return shared.get();
      shared = building.get_future().share();
      states_.emplace_back(revision, shared);
      forget_old_states(revision);
    }
    try {
      building.set_value(build());
    } catch (...) {
      building.set_exception(std::current_exception());
      std::lock_guard lock(mutex_);
      for (auto it = states_.begin(); it != states_.end(); ++it)
        if (it->first == revision) {
          states_.erase(it);
          break;
        }
    }
    return shared.get();
  }

  // True when state `revision` is built or being built.
  bool holds(const std::string& revision) {
    std::lock_guard lock(mutex_);
    for (const auto& state : states_)
      if (state.first == revision) return true;
    return false;
  }

 private:
  using Shared = std::shared_future<std::shared_ptr<const T>>;

  // Older states of the same index go first, then the oldest of all.
  void forget_old_states(const std::string& revision) {
    std::string identity = revision_identity(revision);
    size_t same = 0;
    for (const auto& state : states_)
      if (revision_identity(state.first) == identity) ++same;
    for (auto it = states_.begin(); same > kStatesPerIndex && it != states_.end();) {
      if (revision_identity(it->first) == identity) {
        it = states_.erase(it);
        --same;
      } else {
        ++it;
      }
    }
    if (states_.size() > kStatesKept) states_.pop_front();
  }

  std::mutex mutex_;
  std::deque<std::pair<std::string, Shared>> states_;  // newest last
};

}  // namespace pressroom
