// The labels newsrooms print or tag releases with ("Press Release",
// "Statements", "Media Advisory", "Comunicado de prensa", schema.org's
// "Report") mapped onto the archive's release types.
#pragma once

#include <string>
#include <string_view>

namespace pressroom {

// The release type (one of known_release_types()) a label clearly names, or
// "" when it names none. Case, accents, plurals, spaces, hyphens and
// CamelCase are ignored: "PRESS RELEASES", "press_release", "PressRelease"
// → "press-release"; "Declaración" → "statement"; "Aviso a los medios" →
// "media-advisory". Generic kinds of page ("Article", "NewsArticle", "News",
// "Blog") name none.
std::string release_type_from_label(std::string_view label);

}  // namespace pressroom
