#include "common/sharding.h"

#include <cstdio>

#include "common/fnv1a.h"

namespace pressroom {

unsigned shard_for_id(std::string_view id, unsigned shard_count) {
  return shard_count <= 1 ? 0 : static_cast<unsigned>(fnv1a64(id) % shard_count);
}

std::string shard_name(unsigned index) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "shard-%02u", index);
  return buf;
}

std::string stub_file_content(unsigned shard_count) {
  std::string out;
  for (unsigned i = 0; i < shard_count; ++i) out.append("auto ").append(shard_name(i)).append("\n");
  return out;
}

std::string shard_metadata(unsigned index, unsigned shard_count) {
  return std::to_string(index).append("/").append(std::to_string(shard_count));
}

}  // namespace pressroom
