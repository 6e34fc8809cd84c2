#include "common/spelling_mirror.h"

#include <stdlib.h>

#include <filesystem>
#include <future>
#include <map>
#include <mutex>
#include <optional>

#include "common/schema.h"

namespace pressroom {
namespace fs = std::filesystem;

bool write_spelling_mirror(Xapian::WritableDatabase& db) {
  std::vector<schema::SpellingEntry> words;
  for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it)
    words.push_back({*it, static_cast<Xapian::termcount>(it.get_termfreq())});
  schema::SpellingMirror mirror = schema::encode_spelling_mirror(words);
  std::string old = db.get_metadata(schema::kMetaSpelling);
  if (old == mirror.head) return false;
  size_t old_chunks = schema::spelling_mirror_chunks(old).value_or(0);
  for (size_t i = 0; i < mirror.chunks.size(); ++i) db.set_metadata(schema::spelling_chunk_key(i), mirror.chunks[i]);
  // An empty value deletes the key: chunks of a longer earlier table go.
  for (size_t i = mirror.chunks.size(); i < old_chunks; ++i) db.set_metadata(schema::spelling_chunk_key(i), "");
  db.set_metadata(schema::kMetaSpelling, mirror.head);
  return true;
}

namespace {

using Copy = std::shared_ptr<const RemoteSpellings>;

// The words of `shard`'s mirror, whose head is `head`; nullopt when the
// chunks do not match it.
std::optional<std::vector<schema::SpellingEntry>> read_mirror(const Xapian::Database& shard, const std::string& head) {
  std::vector<std::string> chunks(*schema::spelling_mirror_chunks(head));
  for (size_t i = 0; i < chunks.size(); ++i) chunks[i] = shard.get_metadata(schema::spelling_chunk_key(i));
  return schema::decode_spelling_mirror(head, chunks);
}

}  // namespace

RemoteSpellings::~RemoteSpellings() {
  std::error_code ec;
  fs::remove_all(folder_, ec);
}

Xapian::Database RemoteSpellings::open() const { return Xapian::Database(folder_ + "/db"); }

std::shared_ptr<const RemoteSpellings> RemoteSpellings::of(const std::vector<Xapian::Database>& shards) {
  std::vector<std::string> heads;
  std::string state;
  for (const Xapian::Database& shard : shards) {
    heads.push_back(shard.get_metadata(schema::kMetaSpelling));
    if (!schema::spelling_mirror_chunks(heads.back())) return nullptr;
    state += heads.back();
    state.push_back(';');
  }

  // Per state: the copy while anyone holds it, or the build in progress
  // (other threads wait for it rather than each reading the mirrors).
  struct Entry {
    std::weak_ptr<const RemoteSpellings> built;
    std::shared_future<Copy> building;
  };
  static std::mutex mutex;
  static std::map<std::string, Entry> copies;
  std::promise<Copy> promise;
  {
    std::unique_lock lock(mutex);
    for (auto it = copies.begin(); it != copies.end();)
      it = it->second.built.expired() && !it->second.building.valid() ? copies.erase(it) : std::next(it);
    Entry& entry = copies[state];
    if (Copy alive = entry.built.lock()) return alive;
    if (entry.building.valid()) {
      std::shared_future<Copy> wait = entry.building;
      lock.unlock();
      return wait.get();
    }
    entry.building = promise.get_future().share();
  }
  auto settle = [&](const Copy& copy) {
    std::lock_guard lock(mutex);
    Entry& entry = copies[state];
    entry.built = copy;
    entry.building = {};
  };

  Copy copy;
  try {
    std::vector<schema::SpellingEntry> words;
    bool complete = true;
    for (size_t i = 0; i < shards.size() && complete; ++i) {
      auto mirror = read_mirror(shards[i], heads[i]);
      complete = mirror.has_value();
      if (complete) words.insert(words.end(), mirror->begin(), mirror->end());
    }
    std::error_code ec;
    std::string folder = (fs::temp_directory_path(ec) / "pressroom-spellings-XXXXXX").string();
    if (complete && !ec && ::mkdtemp(folder.data())) {
      copy.reset(new RemoteSpellings(folder));
      try {
        Xapian::WritableDatabase db(folder + "/db", Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
        for (const schema::SpellingEntry& entry : words) db.add_spelling(entry.word, entry.frequency);
        db.commit();
        db.close();
      } catch (const Xapian::DatabaseError&) {
        copy.reset();  // the temporary folder is full or not writable: no suggestions
      }
    }
  } catch (...) {
    settle(nullptr);
    promise.set_exception(std::current_exception());
    throw;
  }
  settle(copy);
  promise.set_value(copy);
  return copy;
}

}  // namespace pressroom
