// The databases one indexing run writes: one glass database, or the shards
// of a sharded index (common/sharding.h for the layout), opened or created.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

namespace pressroom {

// The shard count of the index at `path`: 0 when there is none yet (missing
// or empty folder), 1 for a plain database, N for a sharded one. Throws
// IndexError when `path` holds a stub file that is not a pressroom layout.
unsigned existing_shard_count(const std::string& path);

// One database a run writes: open for writing when it exists, else only its
// path (it is built there from scratch).
struct ShardTarget {
  std::string path;
  std::optional<Xapian::WritableDatabase> db;
};

// Opens the index at `path` for writing; when there is none, lays out
// `requested` shards (for a sharded index: the folder and its stub; missing
// parent folders too) whose databases are left to be built. `requested` = 0
// keeps the existing layout (1 for a new index). Element i is shard i.
// Throws IndexError when the index has another shard count than `requested`
// (that takes a full rebuild), when a shard is locked by another writer, is
// on a read-only file system or cannot be opened, or records another
// position.
std::vector<ShardTarget> open_shards(const std::string& path, unsigned requested);

// Opens a database for writing, creating it and its parent folders; the
// IndexError says "locked", "read-only" or why it cannot be opened.
Xapian::WritableDatabase open_for_writing(const std::string& path);

}  // namespace pressroom
