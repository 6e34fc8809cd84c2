// Numbers written in a line of the lists an index keeps in its metadata
// (the word vocabulary, the phrase pairs): decimal, separated by single spaces.
#pragma once

#include <charconv>
#include <string_view>
#include <system_error>

namespace pressroom {

// Reads the numbers of `line` into `numbers`, in order; false unless the
// line is exactly that many numbers, each in range, and nothing else.
template <typename... N>
bool read_numbers(std::string_view line, N&... numbers) {
  const char* at = line.data();
  const char* end = at + line.size();
  bool ok = true;
  size_t index = 0;
  auto one = [&](auto& n) {
    if (!ok) return;
    if (index++ > 0) {
      if (at == end || *at != ' ') return void(ok = false);
      ++at;
    }
    auto [next, error] = std::from_chars(at, end, n);
    ok = error == std::errc() && next != at;
    at = next;
  };
  (one(numbers), ...);
  return ok && at == end;
}

}  // namespace pressroom
