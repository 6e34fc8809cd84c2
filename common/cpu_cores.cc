#include "common/cpu_cores.h"

#include <sched.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <thread>

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
  long long cores = quota / period + (quota % period != 0);
  return static_cast<unsigned>(std::clamp(cores, 1LL, static_cast<long long>(std::numeric_limits<unsigned>::max())));
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

// The tightest limit in `root` and each folder down to `root`/`relative`:
// built downward from the mount, so it never leaves it.
std::optional<unsigned> limit_down_to(const std::filesystem::path& root, const std::string& relative) {
  std::optional<unsigned> limit = limit_in(root);
  std::filesystem::path folder = root;
  for (const auto& part : std::filesystem::path(relative).lexically_normal()) {
    if (part.empty() || part == "/" || part == "." || part == "..") continue;
    folder /= part;
    limit = tighter(limit, limit_in(folder));
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
    if (controllers.empty()) {
      limit = tighter(limit, limit_down_to(root, path));
      continue;
    }
    std::istringstream names(controllers);
    std::string name;
    while (std::getline(names, name, ','))
      if (name == "cpu") limit = tighter(limit, limit_down_to(root / "cpu", path));
  }
  return limit;
}

unsigned usable_cores() {
  unsigned cores = std::max(std::thread::hardware_concurrency(), 1u);
  // A fixed cpu_set_t holds 1,024 CPUs; a larger machine needs a larger set.
  for (int cpus = 1024; cpus <= (1 << 20); cpus *= 2) {
    cpu_set_t* mask = CPU_ALLOC(cpus);
    size_t size = CPU_ALLOC_SIZE(cpus);
    CPU_ZERO_S(size, mask);
    int rc = sched_getaffinity(0, size, mask);
    int count = rc == 0 ? CPU_COUNT_S(size, mask) : 0;
    CPU_FREE(mask);
    if (rc == 0) {
      cores = std::min(cores, std::max(1u, static_cast<unsigned>(count)));
      break;
    }
    if (errno != EINVAL) break;
  }
  if (auto self = read_file("/proc/self/cgroup"))
    if (auto limit = cgroup_core_limit("/sys/fs/cgroup", *self)) cores = std::min(cores, *limit);
  return std::max(cores, 1u);
}

}  // namespace pressroom
