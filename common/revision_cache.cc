#include "common/revision_cache.h"

namespace pressroom {

std::string revision_identity(const std::string& revision) {
  std::string identity;
  size_t start = 0;
  while (start < revision.size()) {
    size_t end = revision.find(';', start);
    bool last = end == std::string::npos;
    if (last) end = revision.size();
    size_t colon = revision.rfind(':', end == 0 ? 0 : end - 1);
    identity.append(revision, start, (colon == std::string::npos || colon < start ? end : colon) - start);
    if (!last) identity.push_back(';');
    start = end + 1;
  }
  return identity;
}

}  // namespace pressroom
