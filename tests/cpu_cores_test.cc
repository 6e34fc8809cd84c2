// The cores a process may use: its affinity mask and its cgroup's CPU quota,
// not only the machine's CPUs.
#include "common/cpu_cores.h"

#include <gtest/gtest.h>

#include <thread>

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

TEST(CpuCores, UsableCoresAreAtLeastOneAndAtMostTheMachines) {
  unsigned cores = usable_cores();
  EXPECT_GE(cores, 1u);
  EXPECT_LE(cores, std::max(std::thread::hardware_concurrency(), 1u));
}

}  // namespace
}  // namespace pressroom::testing
