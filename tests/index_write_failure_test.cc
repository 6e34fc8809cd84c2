// When the database cannot be written — the disk fills up, the file system is
// read-only — the real pressroom-index stops with exit status 2 and a message
// naming the database and the reason, and the index as last committed stays
// intact: it opens, passes xapian-check, and every release it held is still
// found. The disk is a small tmpfs and the read-only file system a read-only
// bind mount; both need root (CAP_SYS_ADMIN), and the tests skip without it.
#include <gtest/gtest.h>
#include <sys/mount.h>
#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>

#include "bench/synthetic_corpus.h"
#include "common/searcher.h"
#include "tests/fixtures.h"
#include "tests/support/subprocess.h"
#include "tests/support/synthetic_archive.h"

namespace pressroom {
namespace {

namespace fs = std::filesystem;
using testing::ExitStatus;

// A mount for the length of a test, detached on destruction.
class ScopedMount {
 public:
  // A tmpfs of `size` (e.g. "6m") on `dir`.
  static ScopedMount tmpfs(const fs::path& dir, const std::string& size) {
    ScopedMount m;
    fs::create_directories(dir);
    if (::mount("tmpfs", dir.c_str(), "tmpfs", 0, ("size=" + size).c_str()) == 0) m.dir_ = dir;
    else m.error_ = std::strerror(errno);
    return m;
  }
  // `source` seen read-only at `dir`.
  static ScopedMount read_only_bind(const fs::path& source, const fs::path& dir) {
    ScopedMount m;
    fs::create_directories(dir);
    if (::mount(source.c_str(), dir.c_str(), nullptr, MS_BIND, nullptr) != 0) {
      m.error_ = std::strerror(errno);
      return m;
    }
    m.dir_ = dir;
    if (::mount(nullptr, dir.c_str(), nullptr, MS_BIND | MS_REMOUNT | MS_RDONLY, nullptr) != 0)
      m.error_ = std::strerror(errno);
    return m;
  }
  ScopedMount(ScopedMount&& other) noexcept : dir_(std::move(other.dir_)), error_(std::move(other.error_)) {
    other.dir_.clear();
  }
  ~ScopedMount() {
    if (!dir_.empty()) ::umount2(dir_.c_str(), MNT_DETACH);
  }
  bool ok() const { return !dir_.empty() && error_.empty(); }
  const std::string& error() const { return error_; }

 private:
  ScopedMount() = default;
  fs::path dir_;
  std::string error_;
};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

class IndexWriteFailure : public ::testing::Test {
 protected:
  void SetUp() override {
    archive_ = dir_.path() / "archive";
    testing::write_synthetic_jsonl(archive_ / "releases.jsonl", corpus_, 0, kBase);
  }

  std::vector<std::string> index_command(const fs::path& db) const {
    return {PRESSROOM_INDEX_BIN, "--db", db.string(), "--quiet", "--threads", "2", "--commit-every", "200",
            archive_.string()};
  }

  // The update: many more releases than the base (about 25 kB of index each).
  void grow_archive() const {
    testing::write_synthetic_jsonl(archive_ / "releases-2.jsonl", corpus_, kBase, kBase + kUpdate);
  }

  // The index as the base run left it: it opens, xapian-check passes, and
  // every base release is found by id and by a browse.
  void expect_base_intact(const fs::path& db, const std::string& context) const {
    SCOPED_TRACE(context);
    fs::path check_log = dir_.path() / "check.log";
    ExitStatus check = testing::run_command({"/usr/bin/xapian-check", db.string()}, check_log);
    EXPECT_TRUE(check.exited && check.code == 0) << check.describe() << "\n" << testing::read_text(check_log);
    try {
      Searcher searcher(db.string());
      SearchRequest browse;
      EXPECT_GE(searcher.search(browse).total, kBase);
      uint64_t missing = 0;
      for (uint64_t i = 0; i < kBase; ++i)
        if (!searcher.release(corpus_.release(i).id)) ++missing;
      EXPECT_EQ(missing, 0u) << "releases of the last committed state are gone";
    } catch (const std::exception& e) {
      ADD_FAILURE() << "the index does not answer: " << e.what();
    }
  }

  static constexpr uint64_t kBase = 100;
  static constexpr uint64_t kUpdate = 1500;
  testing::TempDir dir_;
  SyntheticCorpus corpus_{11};
  fs::path archive_;
};

TEST_F(IndexWriteFailure, DiskFullStopsWithExit2AndKeepsTheLastCommit) {
  // The base index is built elsewhere and copied onto a disk with 3 MB to spare.
  fs::path staging = dir_.path() / "staging" / "index.db";
  fs::create_directories(staging.parent_path());
  ExitStatus base = testing::run_command(index_command(staging), dir_.path() / "base.log");
  ASSERT_TRUE(base.exited && base.code == 0) << base.describe() << "\n" << testing::read_text(dir_.path() / "base.log");
  uintmax_t used = 0;
  for (const auto& entry : fs::directory_iterator(staging)) used += entry.file_size();

  fs::path disk = dir_.path() / "disk";
  ScopedMount mount = ScopedMount::tmpfs(disk, std::to_string(used / 1024 + 3 * 1024) + "k");
  if (!mount.ok()) GTEST_SKIP() << "cannot mount a tmpfs (needs root / CAP_SYS_ADMIN): " << mount.error();
  fs::path db = disk / "index.db";
  fs::copy(staging, db, fs::copy_options::recursive);

  grow_archive();
  fs::path log = dir_.path() / "full.log";
  ExitStatus full = testing::run_command(index_command(db), log);
  std::string output = testing::read_text(log);
  EXPECT_TRUE(full.exited && full.code == 2) << full.describe() << "\n" << output;
  EXPECT_NE(output.find(db.string()), std::string::npos) << "the message names the database:\n" << output;
  EXPECT_NE(lower(output).find("no space left on device"), std::string::npos) << "the message gives the reason:\n"
                                                                                 << output;
  expect_base_intact(db, "after the disk filled up");
}

TEST_F(IndexWriteFailure, ReadOnlyDatabaseStopsWithExit2AndIsUntouched) {
  fs::path source = dir_.path() / "writable";
  fs::path db_source = source / "index.db";
  fs::create_directories(source);
  ExitStatus base = testing::run_command(index_command(db_source), dir_.path() / "base.log");
  ASSERT_TRUE(base.exited && base.code == 0) << base.describe() << "\n" << testing::read_text(dir_.path() / "base.log");

  fs::path read_only = dir_.path() / "read-only";
  ScopedMount mount = ScopedMount::read_only_bind(source, read_only);
  if (!mount.ok()) GTEST_SKIP() << "cannot make a read-only bind mount (needs root / CAP_SYS_ADMIN): " << mount.error();
  fs::path db = read_only / "index.db";

  grow_archive();
  fs::path log = dir_.path() / "ro.log";
  ExitStatus ro = testing::run_command(index_command(db), log);
  std::string output = testing::read_text(log);
  EXPECT_TRUE(ro.exited && ro.code == 2) << ro.describe() << "\n" << output;
  EXPECT_NE(output.find(db.string()), std::string::npos) << "the message names the database:\n" << output;
  EXPECT_NE(lower(output).find("read-only file system"), std::string::npos) << "the message gives the reason:\n"
                                                                               << output;
  EXPECT_EQ(output.find("another pressroom-index"), std::string::npos)
      << "a read-only file system is not another indexer's lock:\n" << output;
  EXPECT_EQ(Xapian::Database(db.string()).get_doccount(), kBase);
  // xapian-check opens tables read/write: check the same files where they are writable.
  expect_base_intact(db_source, "after a run on a read-only file system");
}

}  // namespace
}  // namespace pressroom
