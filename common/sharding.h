// How a sharded pressroom index is laid out on disk, shared by the indexer
// (which writes it) and whatever reads it.
//
// An unsharded index is one glass database. A sharded index of N shards is a
// directory holding N glass databases named shard_name(0) … shard_name(N-1)
// and a Xapian stub file (kStubFile) listing them, one `auto shard-00` line
// each, in order: Xapian's auto backend opens such a directory as the
// combined database, so `Xapian::Database(dir)`, quest and xapian-delve work
// on it unchanged. Each shard records "position/N" under
// schema::kMetaShard. A release lives in shard shard_for_id(id, N), unless
// it copies another release: then in that one's shard, so that a group of
// near duplicates never spans shards (group_duplicates(), duplicate_finder.h).
#pragma once

#include <string>
#include <string_view>

namespace pressroom {

inline constexpr const char* kStubFile = "XAPIANDB";
inline constexpr unsigned kMaxShards = 64;

// The shard of `shard_count` (≥ 1) that holds release `id`: FNV-1a 64 of the
// id modulo the count. Stable across runs, machines and versions — changing
// it would strand every release of an existing sharded index.
unsigned shard_for_id(std::string_view id, unsigned shard_count);

// The folder name of shard `index` inside a sharded index: "shard-00".
std::string shard_name(unsigned index);

// The stub file's content for `shard_count` shards.
std::string stub_file_content(unsigned shard_count);

// The value of schema::kMetaShard for shard `index` of `shard_count`: "3/4".
std::string shard_metadata(unsigned index, unsigned shard_count);

}  // namespace pressroom
