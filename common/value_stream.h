// Reading values of a slot for ascending document ids, as phrase checks do
// for their candidates.
#pragma once

#include <xapian.h>

#include <string>

namespace pressroom {

// The value `stream` (a Database::valuestream_begin() of the slot, moved
// only forward by calls like this one, for ids in ascending order) has for
// `did`: "" when it has none. check() skips to it without reading the
// values between.
inline std::string value_at(Xapian::ValueIterator& stream, Xapian::docid did) {
  if (stream == Xapian::ValueIterator() || !stream.check(did) || stream == Xapian::ValueIterator() ||
      stream.get_docid() != did)
    return {};
  return *stream;
}

}  // namespace pressroom
