// Shared test fixtures: temporary folders, archive files written on the fly,
// indexes built from them, and a real server on an ephemeral loopback port.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <xapian.h>

#include "common/release.h"
#include "indexer/indexer.h"

namespace pressroom::testing {

// A fresh directory under the system temp dir, removed with its contents.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  // Writes `content` to path()/relative, creating folders; returns the full path.
  std::filesystem::path write(const std::string& relative, const std::string& content) const;

 private:
  std::filesystem::path path_;
};

// One JSON Lines record for a release (fields left empty are omitted).
std::string jsonl_line(const Release& release);

// A document whose word i (from 1) is words[i - 1]; "" leaves a position out.
Xapian::Document document_with_words(const std::vector<std::string>& words);

// Indexes `paths` into `db` with default options; fails the test on IndexError.
IndexStats index_paths(const std::string& db, const std::vector<std::string>& paths, bool prune = false);

}  // namespace pressroom::testing
