// How many cores this process may use. std::thread::hardware_concurrency()
// counts the machine's online CPUs; a container limited with `--cpus` (a
// cgroup CPU quota) or `--cpuset-cpus` / taskset (an affinity mask) may use
// fewer, and threads sized for the host would then only queue.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

namespace pressroom {

// The cores this process may use: the CPUs of the calling thread's affinity
// mask, bounded by the CPU quota of its cgroup and every parent visible under
// /sys/fs/cgroup (v2 `cpu.max`, or v1 `cpu.cfs_quota_us` / `cpu.cfs_period_us`
// under /sys/fs/cgroup/cpu). At least 1.
unsigned usable_cores();

// The cores a cgroup v2 `cpu.max` file allows ("QUOTA PERIOD", quota rounded
// up to whole cores), or nullopt for "max" (no limit) or a malformed file.
std::optional<unsigned> cores_of_cpu_max(std::string_view content);

// The cores a cgroup v1 quota allows (quota / period, rounded up), or nullopt
// when the quota is -1 (no limit) or either value is malformed.
std::optional<unsigned> cores_of_cfs_quota(std::string_view quota_us, std::string_view period_us);

// The smallest CPU quota, in cores, on the path from the cgroup file system
// mounted at `root` down to the process's cgroup, as /proc/self/cgroup
// (`self_cgroup`) names it; nullopt when nothing limits it. Cgroups above the
// mount (outside a container's cgroup namespace) are not visible here.
std::optional<unsigned> cgroup_core_limit(const std::filesystem::path& root, std::string_view self_cgroup);

}  // namespace pressroom
