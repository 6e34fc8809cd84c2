// The cores a process may use: its affinity mask and its cgroup's CPU quota,
// not only the machine's CPUs.
#include "common/cpu_cores.h"

#include <gtest/gtest.h>
#include <sched.h>

#include <limits>

#include "tests/fixtures.h"

namespace pressroom::testing {
namespace {

TEST(CpuCores, CpuMaxQuotaIsRoundedUpToWholeCores) {
  EXPECT_EQ(cores_of_cpu_max("200000 100000\n"), 2u);
  EXPECT_EQ(cores_of_cpu_max("150000 100000\n"), 2u);
  EXPECT_EQ(cores_of_cpu_max("50000 100000\n"), 1u);
}

TEST(CpuCores, CpuMaxWithoutQuotaIsNoLimit) { EXPECT_EQ(cores_of_cpu_max("max 100000\n"), std::nullopt); }

TEST(CpuCores, MalformedCpuMaxIsNoLimit) {
  EXPECT_EQ(cores_of_cpu_max(""), std::nullopt);
  EXPECT_EQ(cores_of_cpu_max("200000"), std::nullopt);
  EXPECT_EQ(cores_of_cpu_max("two 100000"), std::nullopt);
  EXPECT_EQ(cores_of_cpu_max("200000 0"), std::nullopt);
}

TEST(CpuCores, CfsQuotaOfMinusOneIsNoLimit) {
  EXPECT_EQ(cores_of_cfs_quota("-1\n", "100000\n"), std::nullopt);
  EXPECT_EQ(cores_of_cfs_quota("300000\n", "100000\n"), 3u);
}

TEST(CpuCores, TightestQuotaFromTheProcessCgroupUpToTheRootApplies) {
  TempDir root;
  root.write("cpu.max", "max 100000\n");
  root.write("outer/cpu.max", "300000 100000\n");
  root.write("outer/inner/cpu.max", "max 100000\n");
  EXPECT_EQ(cgroup_core_limit(root.path(), "0::/outer/inner\n"), 3u);
  root.write("outer/inner/cpu.max", "100000 100000\n");
  EXPECT_EQ(cgroup_core_limit(root.path(), "0::/outer/inner\n"), 1u);
}

TEST(CpuCores, ContainerSeesItsOwnCgroupAsTheRoot) {
  TempDir root;
  root.write("cpu.max", "200000 100000\n");
  EXPECT_EQ(cgroup_core_limit(root.path(), "0::/\n"), 2u);
}

TEST(CpuCores, CgroupV1QuotaIsReadFromTheCpuHierarchy) {
  TempDir root;
  root.write("cpu/docker/abc/cpu.cfs_quota_us", "150000\n");
  root.write("cpu/docker/abc/cpu.cfs_period_us", "100000\n");
  root.write("memory/docker/abc/memory.limit_in_bytes", "1073741824\n");
  EXPECT_EQ(cgroup_core_limit(root.path(), "12:memory:/docker/abc\n4:cpu,cpuacct:/docker/abc\n"), 2u);
}

TEST(CpuCores, NoQuotaAnywhereIsNoLimit) {
  TempDir root;
  root.write("user.slice/cpu.weight", "100\n");
  EXPECT_EQ(cgroup_core_limit(root.path(), "0::/user.slice\n"), std::nullopt);
}

TEST(CpuCores, QuotaAboveTheMountIsNotRead) {
  TempDir dir;
  dir.write("cpu.max", "100000 100000\n");
  dir.write("mnt/cpu.max", "max 100000\n");
  dir.write("mnt/app/cpu.max", "400000 100000\n");
  EXPECT_EQ(cgroup_core_limit(dir.path() / "mnt", "0::/app\n"), 4u);
  EXPECT_EQ(cgroup_core_limit(dir.path() / "mnt", "0::/../..\n"), std::nullopt);
}

TEST(CpuCores, OtherV1ControllersAreNotTheCpuQuota) {
  TempDir root;
  root.write("cpu/cpu.cfs_quota_us", "-1\n");
  root.write("cpu/cpu.cfs_period_us", "100000\n");
  root.write("cpuacct/x/cpu.cfs_quota_us", "100000\n");
  root.write("cpuacct/x/cpu.cfs_period_us", "100000\n");
  EXPECT_EQ(cgroup_core_limit(root.path(), "2:cpuacct:/x\n3:cpuset:/x\n1:cpu:/\n"), std::nullopt);
}

TEST(CpuCores, HugeQuotaIsClampedNotWrapped) {
  // 2^44 µs a period of 1 ms: more cores than an unsigned holds.
  EXPECT_EQ(cores_of_cfs_quota("17592186044415", "1000"), std::numeric_limits<unsigned>::max());
}

TEST(CpuCores, AffinityOfOneCpuIsOneCore) {
  cpu_set_t saved;
  ASSERT_EQ(sched_getaffinity(0, sizeof saved, &saved), 0);
  int first = -1;
  for (int cpu = 0; cpu < CPU_SETSIZE && first < 0; ++cpu)
    if (CPU_ISSET(cpu, &saved)) first = cpu;
  ASSERT_GE(first, 0);
  cpu_set_t one;
  CPU_ZERO(&one);
  CPU_SET(first, &one);
  ASSERT_EQ(sched_setaffinity(0, sizeof one, &one), 0);
  unsigned cores = usable_cores();
  sched_setaffinity(0, sizeof saved, &saved);
  EXPECT_EQ(cores, 1u);
}

}  // namespace
}  // namespace pressroom::testing
