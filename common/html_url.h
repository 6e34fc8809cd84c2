// Web addresses as saved pages use them: links resolved against the page's
// own address, and turned into stable release ids.
#pragma once

#include <string>
#include <string_view>

namespace pressroom {

// True for an absolute http(s) URL with a host ("https://example.org/x").
bool is_absolute_http_url(std::string_view url);

// Resolves `reference` (an href as written, surrounding whitespace allowed)
// against `base` by RFC 3986 section 5.2, dot segments removed. When `base`
// is not an absolute URL the reference is returned trimmed and unchanged;
// so is an absolute reference, and one with another scheme (mailto:).
std::string resolve_url(std::string_view base, std::string_view reference);

// A release id made from an absolute URL: host (lower case, without "www.")
// and path, query folded in, percent-escapes decoded, accents stripped, and
// every character an id cannot hold replaced by '-'; no empty, "." or ".."
// segment; at most 200 bytes (longer ones are cut and end in a hash, so two
// long URLs still differ). Meets is_valid_release_id for any URL with a host;
// returns "" when `url` has none.
std::string id_from_url(std::string_view url);

}  // namespace pressroom
