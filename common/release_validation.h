// The rules every release must meet before it is indexed, whatever format it
// came from, so that readers stay thin and the index never holds half a record.
#pragma once

#include <optional>
#include <string>

#include "common/release.h"

namespace pressroom {

// Normalises `release` in place (trims text, normalises the date to
// YYYY-MM-DD, the type to its lower-case hyphenated form, the language code,
// topics and spokespeople given as slugs to names (slug_names.h), removes
// empty and duplicate topics and spokespeople) and checks it.
// Returns the reason the release cannot be indexed, or nullopt when it can:
// missing id or title, missing or impossible date, invalid UTF-8, an id with
// characters that cannot appear in a URL path.
std::optional<std::string> normalize_and_validate(Release& release);

// True for ids made of letters, digits and - _ . ~ / : (at most 200 bytes,
// no empty path segment, no "." or ".." segment): the ids the API can route.
bool is_valid_release_id(const std::string& id);

// "Press Release" / "press_release" / "PRESS-RELEASE" → "press-release".
std::string normalize_type(const std::string& type);

}  // namespace pressroom
