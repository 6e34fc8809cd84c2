// How many cores this process may use. std::thread::hardware_concurrency()
// counts the machine's online CPUs; a container limited with `--cpus` (a
// cgroup CPU quota) or `--cpuset-cpus` / taskset (an affinity mask) may use
// fewer, and threads sized for the host would then only queue.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

namespace pressroom {

// The cores this process may use: the CPUs of its affinity mask, bounded by
// the CPU quota of its cgroup and every parent cgroup (v2 `cpu.max`, or v1
// `cpu.cfs_quota_us` / `cpu.cfs_period_us`) under /sys/fs/cgroup. At least 1.
unsigned usable_cores();

// The cores a cgroup v2 `cpu.max` file allows ("QUOTA PERIOD", quota rounded
// up to whole cores), or nullopt for "max" (no limit) or a malformed file.
std::optional<unsigned> cores_of_cpu_max(std::string_view content);

// The cores a cgroup v1 quota allows (quota / period, rounded up), or nullopt
// when the quota is -1 (no limit) or either value is malformed.
std::optional<unsigned> cores_of_cfs_quota(std::string_view quota_us, std::string_view period_us);

// The smallest CPU quota, in cores, on the path from the process's cgroup up
// to the root, as /proc/self/cgroup (`self_cgroup`) names it under the
// cgroup file system mounted at `root`; nullopt when nothing limits it.
std::optional<unsigned> cgroup_core_limit(const std::filesystem::path& root, std::string_view self_cgroup);

}  // namespace pressroom
