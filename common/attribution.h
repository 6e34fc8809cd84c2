// Who says what in a release: every quoted statement with its speaker, the
// people who speak for the release without being quoted (a media advisory's
// WHO: list, an op-ed's byline, a testimony's witness, a letter's signers),
// and the press-office contacts, who are never spokespeople for being listed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/name_normalizer.h"
#include "common/release.h"

namespace pressroom {

struct Attribution {
  std::vector<Quote> quotes;              // in text order
  std::vector<std::string> spokespeople;  // canonical names, in order of first appearance
  std::vector<std::string> contacts;      // canonical names of press-office contacts
};

// Reads the quotes and people of a release. `body` is plain text with
// paragraphs separated by blank lines.
//
// Quotes: text inside “…”, «…» or straight "…" that is attributed to someone
// or reads as a statement (six words or more ending a sentence); short
// quoted phrases ("Remain in Mexico", “full”) and titles ("The winner was
// “Working Safely is No Accident”") are not statements, and get a speaker
// only from an attribution beside them (the first two kinds below), never
// from the people around them. A quote
// whose paragraph ends unclosed continues in the next paragraph when that one
// opens with a quotation mark (one Quote for the whole run); consecutive
// quoted pieces of one paragraph by one speaker ("“A,” she said. “B.”") are one
// Quote, their text joined by a space.
//
// Speakers, in order of preference: the attribution next to the quote
// ("…,” said NAME, ROLE at ORG", "…,” NAME said", "NAME, ROLE, said: “…”",
// "according to NAME", "dijo/afirmó/declaró/señaló … NAME", "the center's
// legal director, NAME", "Puentes Executive Director NAME", a pull quote's
// "“…” — NAME, ROLE", "NAME, who leads …, put it simply: “…”"); an
// attribution between dashes inside the quote, as Spanish writes it ("“… —dijo
// NAME—. …”", left out of the quote's text); a pronoun or a Spanish verb
// without subject ("she said", "declaró") resolved to the person speaking in
// that paragraph, else the person last named as a sentence's subject in it,
// else the previous quote's speaker; the person introduced just before a
// quote that opens a paragraph ("NAME said the clinic …" / "NAME issued the
// following statement:"). Surnames ("Okafor said") resolve to a full name used
// earlier in the release, preferring someone already quoted. A quote from an
// unnamed source ("one mother said") keeps an empty speaker. Names are
// canonical (names.canonical()).
//
// Spokespeople without quotes: a WHO:/QUIÉN: list's named people, a byline
// ("By NAME", "Por NAME") or an op-ed's closing "NAME is ROLE at …", a
// testimony's witness ("Testimony of NAME", "the following testimony was
// delivered by NAME", "NAME … testified"), a letter's signers ("signed by
// NAME, ROLE, and NAME", the names under "Sincerely,"), the author of "the
// following statement". People only mentioned ("Judge NAME ruled", "Gov.
// NAME said the law …") are not spokespeople.
//
// Contacts: names in a line with a contact cue ("For media inquiries contact
// NAME", "Media contact:", "Contact:", "Contacto:", "Para consultas de prensa,
// comuníquese con NAME", a line opening with "Press:") or a "NAME, Press
// Officer/Media Relations" line with an e-mail address or phone number.
// Never throws.
Attribution attribute_quotes(std::string_view title, std::string_view body, const NameNormalizer& names);

}  // namespace pressroom
