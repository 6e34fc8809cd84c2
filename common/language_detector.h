// The language a release is written in, for when its source does not say:
// it chooses the stemmer (schema::stemmer_for) and the Spanish or English
// cues of the other extractors. Function words are the most reliable signal
// in short texts, so each language is a profile of its commonest ones.
#pragma once

#include <string>
#include <string_view>

namespace pressroom {

// "en" or "es" when one language's function words clearly outnumber the
// other's (at least 3 hits, and 1.5 times as many), "" when the text is too
// short or too mixed to tell. Proper nouns such as "El Paso" or "Puentes Human
// Rights Center" do not tip a text either way on their own.
std::string detect_language(std::string_view text);

}  // namespace pressroom
