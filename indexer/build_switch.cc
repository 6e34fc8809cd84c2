#include "indexer/build_switch.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>

#include "indexer/indexer.h"

namespace pressroom {
namespace fs = std::filesystem;
namespace {

constexpr const char* kPartialSuffix = ".partial";
constexpr const char* kLockName = ".lock";

std::string without_trailing_slash(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

std::string utc_stamp() {
  auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
  return buf;
}

bool is_partial(const fs::path& entry) {
  return entry.filename().string().find(kPartialSuffix) != std::string::npos;
}

// Opens and locks PATH.builds/.lock; -1 when another process holds it.
int take_lock(const std::string& builds, bool create) {
  std::error_code ec;
  if (create) fs::create_directories(builds, ec);
  int fd = ::open((fs::path(builds) / kLockName).c_str(), O_RDWR | O_CLOEXEC | (create ? O_CREAT : 0), 0644);
  if (fd < 0) return -1;
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

void remove_partials(const std::string& builds) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(builds, ec))
    if (is_partial(entry.path())) fs::remove_all(entry.path(), ec);
}

}  // namespace

BuildSwitch::BuildSwitch(std::string served_path)
    : served_(without_trailing_slash(std::move(served_path))), builds_(served_ + ".builds") {
  lock_fd_ = take_lock(builds_, true);
  if (lock_fd_ < 0)
    throw IndexError("cannot rebuild '" + served_ + "': another rebuild holds '" +
                     (fs::path(builds_) / kLockName).string() + "' (or it cannot be created)");
  remove_partials(builds_);
  std::string stamp = utc_stamp();
  std::string name = stamp;
  std::error_code ec;
  for (int n = 2; fs::exists(fs::path(builds_) / name, ec); ++n) name = stamp + "-" + std::to_string(n);
  partial_ = (fs::path(builds_) / (name + kPartialSuffix)).string();
}

BuildSwitch::~BuildSwitch() {
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

std::string BuildSwitch::publish() {
  std::error_code ec;
  fs::path partial(partial_);
  std::string name = partial.filename().string();
  name.resize(name.size() - std::strlen(kPartialSuffix));
  fs::path final_path = fs::path(builds_) / name;
  fs::rename(partial, final_path, ec);
  if (ec) throw IndexError("cannot rename '" + partial_ + "' to '" + final_path.string() + "': " + ec.message());

  fs::path served(served_);
  fs::path previous;  // what PATH named before, kept for the readers that hold it
  auto status = fs::symlink_status(served, ec);
  bool is_link = !ec && fs::is_symlink(status);
  bool is_dir = !ec && !is_link && fs::is_directory(status);
  if (is_link) {
    previous = fs::read_symlink(served, ec);
    if (previous.is_relative()) previous = served.parent_path() / previous;
  } else if (!ec && fs::exists(status) && !is_dir) {
    throw IndexError("cannot switch '" + served_ + "' to the new build: it is neither a link nor a folder");
  }

  // The link is relative, so the served folder and its builds can be moved together.
  fs::path target = fs::path(served.filename().string() + ".builds") / name;
  fs::path temp_link = served.string() + ".switch-" + std::to_string(::getpid());
  fs::remove(temp_link, ec);
  fs::create_symlink(target, temp_link, ec);
  if (ec) throw IndexError("cannot create the link '" + temp_link.string() + "': " + ec.message());
  if (is_dir) {
    // First rebuild of a plain index: it becomes the previous build.
    previous = fs::path(builds_) / (name + "-before");
    fs::rename(served, previous, ec);
    if (ec) {
      fs::remove(temp_link);
      throw IndexError("cannot move '" + served_ + "' into '" + builds_ + "': " + ec.message());
    }
  }
  if (::rename(temp_link.c_str(), served.c_str()) != 0) {
    int error = errno;
    if (is_dir) fs::rename(previous, served, ec);  // put the old index back
    fs::remove(temp_link, ec);
    throw IndexError("cannot switch '" + served_ + "' to the new build: " + std::strerror(error));
  }

  fs::path keep_previous = fs::weakly_canonical(previous, ec);
  fs::path keep_final = fs::weakly_canonical(final_path, ec);
  for (const auto& entry : fs::directory_iterator(builds_, ec)) {
    if (entry.path().filename() == kLockName) continue;
    fs::path canonical = fs::weakly_canonical(entry.path(), ec);
    if (canonical == keep_final || (!previous.empty() && canonical == keep_previous)) continue;
    fs::remove_all(entry.path(), ec);
  }
  return final_path.string();
}

void remove_abandoned_builds(const std::string& served_path) {
  std::string builds = without_trailing_slash(served_path) + ".builds";
  std::error_code ec;
  if (!fs::is_directory(builds, ec)) return;
  int fd = take_lock(builds, false);
  if (fd < 0) return;  // a rebuild is running: its partial build is not abandoned
  remove_partials(builds);
  ::close(fd);
}

}  // namespace pressroom
