#include "common/positioned_words.h"

#include <algorithm>

namespace pressroom {

PositionedWords positioned_words(const Xapian::Document& document) {
  PositionedWords out;
  for (auto t = document.termlist_begin(); t != document.termlist_end(); ++t) {
    auto p = t.positionlist_begin();
    if (p == t.positionlist_end()) continue;
    out.words.push_back(*t);
    for (; p != t.positionlist_end(); ++p) out.at.emplace_back(*p, static_cast<uint32_t>(out.words.size() - 1));
  }
  std::sort(out.at.begin(), out.at.end());
  return out;
}

}  // namespace pressroom
