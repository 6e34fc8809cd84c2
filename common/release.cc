#include "common/release.h"

namespace pressroom {

const std::vector<std::string>& known_release_types() {
  static const std::vector<std::string> types = {
      "press-release", "statement", "report", "media-advisory", "op-ed", "letter", "testimony"};
  return types;
}

}  // namespace pressroom
