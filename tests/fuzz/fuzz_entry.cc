// The libFuzzer entry point of one target, compiled once per target with
// PRESSROOM_FUZZ_TARGET naming its function in tests/fuzz/targets.h.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tests/fuzz/targets.h"

#ifndef PRESSROOM_FUZZ_TARGET
#error "compile with -DPRESSROOM_FUZZ_TARGET=<function in tests/fuzz/targets.h>"
#endif

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // Build what a target needs once, before the first input, so that the cost
  // (and any failure) of the set-up is not charged to an input.
  if (std::string_view(PRESSROOM_FUZZ_NAME) == "search_request") pressroom::fuzz::SearchFixture::get();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  pressroom::fuzz::PRESSROOM_FUZZ_TARGET(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
