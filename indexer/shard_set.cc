#include "indexer/shard_set.h"

#include <sys/statvfs.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/schema.h"
#include "common/sharding.h"
#include "indexer/indexer.h"

namespace pressroom {
namespace fs = std::filesystem;
namespace {

// True when `path` (or the folder that will hold it) is on a read-only file
// system: Xapian reports that as a lock failure, which would mislead.
bool on_read_only_file_system(const std::string& path) {
  struct statvfs info {};
  fs::path probe(path);
  std::error_code ec;
  while (!probe.empty() && !fs::exists(probe, ec)) probe = probe.parent_path();
  if (probe.empty()) probe = ".";
  return ::statvfs(probe.c_str(), &info) == 0 && (info.f_flag & ST_RDONLY);
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Written under a temporary name and renamed, so a reader sees the old stub
// or the new one, never a half-written file.
void write_stub(const fs::path& dir, unsigned shards) {
  fs::path temp = dir / (std::string(kStubFile) + ".tmp");
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << stub_file_content(shards);
    out.flush();
    if (!out) throw IndexError("cannot write '" + temp.string() + "'");
  }
  std::error_code ec;
  fs::rename(temp, dir / kStubFile, ec);
  if (ec) throw IndexError("cannot write '" + (dir / kStubFile).string() + "': " + ec.message());
}

}  // namespace

unsigned existing_shard_count(const std::string& path) {
  std::error_code ec;
  fs::path dir(path);
  if (!fs::is_directory(dir, ec)) return 0;
  if (fs::exists(dir / "iamglass", ec)) return 1;
  if (!fs::exists(dir / kStubFile, ec)) return 0;
  std::string stub = read_file(dir / kStubFile);
  for (unsigned n = 1; n <= kMaxShards; ++n)
    if (stub == stub_file_content(n)) return n;
  throw IndexError("'" + (dir / kStubFile).string() +
                   "' is not a pressroom shard list (expected lines 'auto shard-00', 'auto shard-01', ...)");
}

Xapian::WritableDatabase open_for_writing(const std::string& path) {
  std::error_code ec;
  fs::path parent = fs::path(path).parent_path();
  if (!parent.empty()) fs::create_directories(parent, ec);  // Xapian creates only the last folder
  if (on_read_only_file_system(path))
    throw IndexError("cannot write database '" + path + "': it is on a read-only file system");
  try {
    return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::DatabaseLockError&) {
    throw IndexError("database '" + path + "' is locked: another pressroom-index is writing it");
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot open database '" + path + "' for writing: " + e.get_description());
  }
}

std::vector<ShardTarget> open_shards(const std::string& path, unsigned requested) {
  if (requested > kMaxShards)
    throw IndexError("--shards " + std::to_string(requested) + " is more than the " +
                     std::to_string(kMaxShards) + " supported");
  unsigned existing = existing_shard_count(path);
  unsigned shards = requested ? requested : (existing ? existing : 1);
  if (existing && existing != shards)
    throw IndexError("'" + path + "' is an index of " + std::to_string(existing) + " shard(s); writing it as " +
                     std::to_string(shards) + " shard(s) takes a full rebuild (--rebuild)");
  std::error_code ec;
  if (on_read_only_file_system(path))
    throw IndexError("cannot write database '" + path + "': it is on a read-only file system");
  std::vector<ShardTarget> targets;
  if (shards == 1) {
    if (!existing) {
      // An empty folder is where the new database goes; compaction creates it.
      if (fs::is_directory(path, ec) && fs::is_empty(path, ec)) fs::remove(path, ec);
      fs::path parent = fs::path(path).parent_path();
      if (!parent.empty()) fs::create_directories(parent, ec);
      targets.push_back({path, std::nullopt});
    } else {
      targets.push_back({path, open_for_writing(path)});
    }
    return targets;
  }
  fs::create_directories(path, ec);
  // The stub comes first: after a crash here the next run writes the shards
  // it names, where shards without a stub would not be found.
  if (!existing) write_stub(path, shards);
  for (unsigned i = 0; i < shards; ++i) {
    std::string shard_path = (fs::path(path) / shard_name(i)).string();
    if (!fs::exists(fs::path(shard_path) / "iamglass", ec)) {
      fs::remove_all(shard_path, ec);
      targets.push_back({shard_path, std::nullopt});
      continue;
    }
    targets.push_back({shard_path, open_for_writing(shard_path)});
    std::string position = targets.back().db->get_metadata(schema::kMetaShard);
    if (position != shard_metadata(i, shards))
      throw IndexError("'" + shard_path + "' records shard position '" + position + "', not " +
                       shard_metadata(i, shards) + ": the shards of '" + path + "' were mixed up");
  }
  return targets;
}

}  // namespace pressroom
