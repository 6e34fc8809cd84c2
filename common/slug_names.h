// Topics and authors as content systems keep them: slugs. Hugo, WordPress
// and Ghost exports list a post's taxonomy terms and authors by the form used
// in their addresses ("user-experience", "angela-hooker"), and a facet that
// lists them so reads like a URL. The names here are the ones a reader
// expects ("User Experience", "Angela Hooker"); a filter given either form
// finds the same releases, because both sides of the index go through these.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/word_forms.h"

namespace pressroom {

// True for a slug: lower-case ASCII letters and digits in words joined by
// '-' or '_', with at least one letter ("user-experience", "a11y", "trade");
// false for anything with a space, a capital or another character.
bool is_slug(std::string_view value);

// A topic slug as a title: words apart, each capitalised except the small
// joining words inside it ("product-and-project-management" → "Product and
// Project Management", "trade" → "Trade"). Any other value is returned as it is.
std::string topic_name(std::string_view value);

// A person's slug of two words or more as a name, in proper_case()
// ("angela-hooker" → "Angela Hooker", "maria-de-la-cruz" → "Maria de la
// Cruz"; WordPress's "angela-hooker-2" → "Angela Hooker"). A one-word slug is
// a user name ("jparcell"), not a name to capitalise: it and any other value
// are returned as they are.
std::string person_name(std::string_view value);

// The words of a slug (`value`), to look up in a release's text (WordForms);
// none for anything else.
std::vector<std::string_view> slug_words(std::string_view value);

// As topic_name(value) and person_name(value), with what the release's own
// text (`forms`, of the slug's words) says of their capitals: a word it
// writes with capitals of its own keeps them ("ice" → "ICE", "18f-team" →
// "18F Team", "michelle-mcnellis" → "Michelle McNellis"). A topic of a
// release in Spanish (`lang` "es") is in sentence case, as Spanish titles
// are, its other words capitalised only where the text writes them so inside
// sentences ("derechos-de-los-migrantes" → "Derechos de los migrantes").
std::string topic_name(std::string_view value, const WordForms& forms, std::string_view lang);
std::string person_name(std::string_view value, const WordForms& forms);

}  // namespace pressroom
