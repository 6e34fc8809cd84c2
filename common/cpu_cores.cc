#include "common/cpu_cores.h"

#include <sched.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace pressroom {

namespace {

std::optional<long long> parse_integer(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.remove_suffix(1);
  long long value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<unsigned> cores_of(long long quota, long long period) {
  if (quota <= 0 || period <= 0) return std::nullopt;
  return static_cast<unsigned>(std::max(1LL, (quota + period - 1) / period));
}

std::optional<std::string> read_file(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::optional<unsigned> tighter(std::optional<unsigned> a, std::optional<unsigned> b) {
  if (!a) return b;
  if (!b) return a;
  return std::min(*a, *b);
}

// The limit in one cgroup folder, v2 or v1.
std::optional<unsigned> limit_in(const std::filesystem::path& folder) {
  if (auto max = read_file(folder / "cpu.max")) return cores_of_cpu_max(*max);
  auto quota = read_file(folder / "cpu.cfs_quota_us");
  auto period = read_file(folder / "cpu.cfs_period_us");
  if (quota && period) return cores_of_cfs_quota(*quota, *period);
  return std::nullopt;
}

// The limit from `folder` up to `root`, both included.
std::optional<unsigned> limit_up_to(const std::filesystem::path& root, std::filesystem::path folder) {
  std::optional<unsigned> limit;
  for (;;) {
    limit = tighter(limit, limit_in(folder));
    if (folder == root || !folder.has_parent_path() || folder.parent_path() == folder) break;
    folder = folder.parent_path();
  }
  return limit;
}

}  // namespace

std::optional<unsigned> cores_of_cpu_max(std::string_view content) {
  size_t space = content.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  std::string_view quota = content.substr(0, space);
  if (quota == "max") return std::nullopt;
  auto q = parse_integer(quota);
  auto p = parse_integer(content.substr(space + 1));
  if (!q || !p) return std::nullopt;
  return cores_of(*q, *p);
}

std::optional<unsigned> cores_of_cfs_quota(std::string_view quota_us, std::string_view period_us) {
  auto q = parse_integer(quota_us);
  auto p = parse_integer(period_us);
  if (!q || !p) return std::nullopt;
  return cores_of(*q, *p);
}

std::optional<unsigned> cgroup_core_limit(const std::filesystem::path& root, std::string_view self_cgroup) {
  // Lines are "ID:CONTROLLERS:PATH": v2 has the one line "0::PATH"; v1 has a
  // line per hierarchy, the CPU one listing "cpu" among its controllers and
  // mounted at root/cpu (or root/cpu,cpuacct, which distributions link to it).
  std::optional<unsigned> limit;
  std::istringstream lines{std::string(self_cgroup)};
  std::string line;
  while (std::getline(lines, line)) {
    size_t first = line.find(':');
    size_t second = first == std::string::npos ? std::string::npos : line.find(':', first + 1);
    if (second == std::string::npos) continue;
    std::string controllers = line.substr(first + 1, second - first - 1);
    std::string path = line.substr(second + 1);
    while (!path.empty() && path.front() == '/') path.erase(path.begin());
    auto under = [&](const std::filesystem::path& mount) { return path.empty() ? mount : mount / path; };
    if (controllers.empty()) {
      limit = tighter(limit, limit_up_to(root, under(root)));
      continue;
    }
    std::istringstream names(controllers);
    std::string name;
    while (std::getline(names, name, ','))
      if (name == "cpu") limit = tighter(limit, limit_up_to(root / "cpu", under(root / "cpu")));
  }
  return limit;
}

unsigned usable_cores() {
  unsigned cores = std::max(std::thread::hardware_concurrency(), 1u);
  cpu_set_t mask;
  CPU_ZERO(&mask);
  if (sched_getaffinity(0, sizeof mask, &mask) == 0) cores = std::min(cores, std::max(1u, static_cast<unsigned>(CPU_COUNT(&mask))));
  if (auto self = read_file("/proc/self/cgroup"))
    if (auto limit = cgroup_core_limit("/sys/fs/cgroup", *self)) cores = std::min(cores, *limit);
  return std::max(cores, 1u);
}

}  // namespace pressroom
