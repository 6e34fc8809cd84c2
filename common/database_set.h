// Where an index lives and how to open it as one database. A location is
//   - a glass database directory (what pressroom-index writes by default),
//   - a directory holding a Xapian stub file named XAPIANDB, or a stub file
//     itself, listing shards (pressroom-index --shards writes one),
//   - "host:port" of a xapian-tcpsrv serving a shard,
//   - or a symlink to any of these (pressroom-index --rebuild swaps one).
// Several locations are searched as one archive, as Xapian's multi-database
// does: statistics are shared, so results are those of a single database.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace pressroom {

// How remote shards are used.
struct RemoteOptions {
  // How long to wait for a remote shard before failing the request (a shard
  // that is down must give a quick, clear error, never a hang).
  unsigned connect_ms = 2000;
  unsigned operation_ms = 10000;
  // Leave out a remote shard that cannot be reached rather than fail: the
  // answers then lack its releases (DatabaseSet::missing names it). Off by
  // default: a total that silently lacks part of the archive reads as true.
  bool allow_partial = false;
};

struct DatabaseSet {
  Xapian::Database db;                  // every shard, searched as one
  std::vector<Xapian::Database> parts;  // each shard (sharing db's internals)
  std::vector<std::string> part_names;  // a path or host:port per part, for messages
  std::vector<Xapian::Database> remote_parts;  // the parts served by xapian-tcpsrv, in order
  bool remote = false;                  // some part is served by xapian-tcpsrv
  // With RemoteOptions::allow_partial: the remote shards left out because
  // they could not be reached ("host:port"), in the order listed.
  std::vector<std::string> missing;
  std::string unreachable;  // why the first of them could not be reached
  // Local files whose replacement or change means "open again" (glass
  // version files, stub files), and what each location resolved to.
  std::vector<std::string> watched;
  std::vector<std::string> resolved;
};

// Opens every location, following symlinks once (so a swap of the whole index
// is seen entirely or not at all). Throws IndexUnavailable naming the
// location that is missing, unreadable, unreachable (unless allow_partial
// and some shard is reachable) or not a stub/database, or a remote shard
// written by a pressroom older than schema::kMinRemoteVersion (its facet
// counts would be wrong: it must be indexed again).
DatabaseSet open_database_set(const std::vector<std::string>& locations, const RemoteOptions& options = {});

// A fingerprint of the local state behind `set`: what its locations resolve
// to now and the identity (device, inode, mtime) of its watched files. Equal
// fingerprints mean no commit or swap happened in between. A few stat()s.
std::string database_fingerprint(const std::vector<std::string>& locations, const DatabaseSet& set);

// Identifies the committed state of one local database ("uuid:revision").
std::string revision_key_of(const Xapian::Database& part);

// Identifies the exact committed state of each part ("uuid:revision;..."),
// or an empty string when a part cannot tell (remote shards) or some are
// missing (partial answers are never cached).
std::string revision_key(const DatabaseSet& set);

// True when `location` names a remote shard ("host:port", "[v6addr]:port")
// rather than a path.
bool is_remote_location(const std::string& location);

}  // namespace pressroom
