// Publishing a full rebuild without downtime. The served path PATH is a
// symbolic link to a complete build in PATH.builds/; a rebuild is written to
// PATH.builds/<UTC timestamp>.partial/, renamed to PATH.builds/<timestamp>/
// once complete, and switched in by renaming a new link over PATH (rename(2)
// is atomic: a reader resolves PATH to the old build or to the new one, never
// to a missing or half-written one). The previous build is kept, for readers
// that still hold it open, and older ones are deleted.
//
// A PATH that is a real directory (an index built before the first rebuild)
// is moved into PATH.builds/ as the previous build when the first rebuild is
// switched in; between that rename and the link's, PATH is missing for the
// time of one rename(2) — the only moment a reader can miss the index.
#pragma once

#include <string>

namespace pressroom {

class BuildSwitch {
 public:
  // For the index served at `served_path` (trailing '/' ignored). Takes the
  // rebuild lock PATH.builds/.lock (a second rebuild at once is an
  // IndexError) and deletes partial builds left by killed rebuilds.
  explicit BuildSwitch(std::string served_path);
  ~BuildSwitch();  // releases the lock
  BuildSwitch(const BuildSwitch&) = delete;
  BuildSwitch& operator=(const BuildSwitch&) = delete;

  // A fresh, not yet existing folder for the new build
  // (PATH.builds/<timestamp>.partial).
  const std::string& partial_path() const { return partial_; }

  // Renames the partial build to its final name and switches PATH to it,
  // then deletes every build but the new one and the one PATH named before.
  // Returns the final build folder. Throws IndexError when a step fails; PATH
  // then still names the old build.
  std::string publish();

 private:
  std::string served_;
  std::string builds_;
  std::string partial_;
  int lock_fd_ = -1;
};

// Deletes partial builds of `served_path` left by killed rebuilds, unless a
// rebuild is running now. Never throws.
void remove_abandoned_builds(const std::string& served_path);

}  // namespace pressroom
