#include "common/database_set.h"

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/errors.h"
#include "common/schema.h"

namespace pressroom {
namespace {

namespace fs = std::filesystem;

constexpr int kMaxStubDepth = 8;  // stubs may list stubs; a loop must end

bool exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

std::string resolve(const std::string& path) {
  std::error_code ec;
  fs::path canonical = fs::canonical(path, ec);
  if (ec) throw IndexUnavailable("no pressroom index at '" + path + "' (run pressroom-index first)");
  return canonical.string();
}

void add_remote(DatabaseSet& set, const std::string& location, const RemoteOptions& options) {
  size_t colon = location.rfind(':');
  std::string host = location.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  unsigned port = static_cast<unsigned>(std::strtoul(location.c_str() + colon + 1, nullptr, 10));
  std::string version;
  try {
    Xapian::Database part = Xapian::Remote::open(host, port, options.operation_ms, options.connect_ms);
    version = part.get_metadata(schema::kMetaSchemaVersion);
    set.db.add_database(part);
    set.parts.push_back(part);
    set.part_names.push_back(location);
    set.remote_parts.push_back(part);
    set.remote = true;
  } catch (const Xapian::Error& e) {
    std::string reason = "the shard at " + location + " is unreachable: " + e.get_description();
    if (!options.allow_partial) throw IndexUnavailable(reason);
    set.missing.push_back(location);
    if (set.unreachable.empty()) set.unreachable = reason;
    return;
  }
  // Facets over remote shards need the copies' slot (schema::kCopyOf); an
  // older index would give wrong counts. Not a pressroom index at all
  // ("") is reported by open_database_set().
  if (!version.empty() && std::atoi(version.c_str()) < schema::kMinRemoteVersion)
    throw IndexUnavailable("the shard at " + location + " holds an index written by an older pressroom (schema " +
                           version + "); searching it over xapian-tcpsrv needs schema " +
                           std::to_string(schema::kMinRemoteVersion) +
                           " or later: index it again with pressroom-index (the first run after an upgrade rewrites "
                           "every release) or rebuild it with --rebuild");
}

void add_location(DatabaseSet& set, const std::string& location, const RemoteOptions& options, int depth);

// Xapian's stub format: one database per line, "auto PATH", "glass PATH" or
// "remote HOST:PORT"; relative paths are relative to the stub's directory;
// '#' starts a comment. We read it ourselves (rather than letting Xapian open
// it) to apply our remote timeouts and to watch the shards it lists.
void add_stub(DatabaseSet& set, const std::string& stub_file, const RemoteOptions& options, int depth) {
  if (depth > kMaxStubDepth) throw IndexUnavailable("stub database '" + stub_file + "' nests too deeply (a loop?)");
  std::ifstream in(stub_file);
  if (!in) throw IndexUnavailable("cannot read the stub database '" + stub_file + "'");
  set.watched.push_back(stub_file);
  fs::path dir = fs::path(stub_file).parent_path();
  std::string line;
  int line_no = 0, listed = 0;
  while (std::getline(in, line)) {
    ++line_no;
    std::istringstream words(line);
    std::string type, rest;
    words >> type;
    std::getline(words >> std::ws, rest);
    while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\r' || rest.back() == '\t')) rest.pop_back();
    if (type.empty() || type[0] == '#') continue;
    std::string where = stub_file + ":" + std::to_string(line_no);
    if (rest.empty()) throw IndexUnavailable(where + ": '" + type + "' needs a path or host:port");
    if (type == "remote") {
      if (rest[0] == ':' || !is_remote_location(rest))
        throw IndexUnavailable(where + ": only 'remote HOST:PORT' (xapian-tcpsrv) is supported");
      add_remote(set, rest, options);
    } else if (type == "auto" || type == "glass") {
      fs::path path(rest);
      add_location(set, (path.is_absolute() ? path : dir / path).string(), options, depth + 1);
    } else {
      throw IndexUnavailable(where + ": unknown database type '" + type + "' (expected auto, glass or remote)");
    }
    ++listed;
  }
  if (listed == 0) throw IndexUnavailable("the stub database '" + stub_file + "' lists no database");
}

void add_local(DatabaseSet& set, const std::string& path) {
  try {
    Xapian::Database part(path);
    set.db.add_database(part);
    set.parts.push_back(part);
    set.part_names.push_back(path);
    set.watched.push_back(path + "/iamglass");
  } catch (const Xapian::DatabaseNotFoundError& e) {
    throw IndexUnavailable("no pressroom index at '" + path + "' (run pressroom-index first): " + e.get_msg());
  } catch (const Xapian::Error& e) {
    throw IndexUnavailable("cannot open the index at '" + path + "': " + e.get_description());
  }
}

void add_location(DatabaseSet& set, const std::string& location, const RemoteOptions& options, int depth) {
  if (is_remote_location(location)) return add_remote(set, location, options);
  std::string path = resolve(location);
  if (depth == 0) set.resolved.push_back(path);
  if (fs::is_directory(path)) {
    if (exists(path + "/iamglass")) return add_local(set, path);
    if (exists(path + "/XAPIANDB")) return add_stub(set, path + "/XAPIANDB", options, depth);
    if (fs::is_empty(path)) throw IndexUnavailable("no pressroom index at '" + location + "' (run pressroom-index first)");
    return add_local(set, path);  // let Xapian say what it is not
  }
  add_stub(set, path, options, depth);
}

}  // namespace

bool is_remote_location(const std::string& location) {
  size_t colon = location.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == location.size()) return false;
  if (location.find('/') != std::string::npos || exists(location)) return false;
  for (size_t i = colon + 1; i < location.size(); ++i)
    if (location[i] < '0' || location[i] > '9') return false;
  return true;
}

DatabaseSet open_database_set(const std::vector<std::string>& locations, const RemoteOptions& options) {
  if (locations.empty()) throw IndexUnavailable("no index location given");
  DatabaseSet set;
  for (const std::string& location : locations) add_location(set, location, options, 0);
  if (set.parts.empty()) throw IndexUnavailable("every shard is unreachable; " + set.unreachable);
  try {
    if (set.db.get_metadata(schema::kMetaSchemaVersion).empty())
      throw IndexUnavailable("'" + set.part_names.front() +
                             "' is a Xapian database but not a pressroom index (no schema version)");
  } catch (const Xapian::Error& e) {
    throw IndexUnavailable("cannot read the index at '" + set.part_names.front() + "': " + e.get_description());
  }
  // Phrases over word sequences are checked by a posting source of ours,
  // which a stock xapian-tcpsrv cannot run (sequence_phrases.h), and a query
  // that has one goes to every shard: none of a set with remote shards may
  // keep word sequences.
  if (set.remote)
    for (size_t i = 0; i < set.parts.size(); ++i) {
      if (set.parts[i].get_metadata(schema::kMetaWordSequencesId).empty()) continue;
      const std::string& name = set.part_names[i];
      if (is_remote_location(name))
        throw IndexUnavailable("the shard at " + name + " keeps its word positions as word sequences, which "
                               "xapian-tcpsrv cannot check phrases against: serve it as a local database, or "
                               "rebuild it with pressroom-index --rebuild (without --word-sequences) to search it "
                               "over xapian-tcpsrv");
      throw IndexUnavailable("the shard at " + name +
                             " keeps its word positions as word sequences, which cannot be searched together with "
                             "shards over xapian-tcpsrv: rebuild it with pressroom-index --rebuild (without "
                             "--word-sequences)");
    }
  return set;
}

std::string database_fingerprint(const std::vector<std::string>& locations, const DatabaseSet& set) {
  std::string out;
  for (const std::string& location : locations) {
    if (is_remote_location(location)) continue;
    std::error_code ec;
    out += fs::canonical(location, ec).string();
    out.push_back('\n');
  }
  for (const std::string& file : set.watched) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) {
      out += "-\n";
      continue;
    }
    out += std::to_string(st.st_dev) + ':' + std::to_string(st.st_ino) + ':' + std::to_string(st.st_mtim.tv_sec) +
           '.' + std::to_string(st.st_mtim.tv_nsec) + '\n';
  }
  return out;
}

std::string revision_key_of(const Xapian::Database& part) {
  std::string key = part.get_uuid();
  key.push_back(':');
  key += std::to_string(part.get_revision());
  return key;
}

std::string revision_key(const DatabaseSet& set) {
  std::string key;
  if (set.remote || !set.missing.empty()) return key;
  for (const Xapian::Database& part : set.parts) {
    key += revision_key_of(part);
    key.push_back(';');
  }
  return key;
}

}  // namespace pressroom
