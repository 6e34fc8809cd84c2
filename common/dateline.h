// The opening of a release — its title, the short header lines above the
// lead paragraph ("FOR IMMEDIATE RELEASE", "May 22, 2020 • Press Release",
// "Posted on …", bylines) and the dateline ("EL PASO, TX — November 18, 2020
// —") — and what it says: where the release was issued, on which day, and
// what kind of release it is. Dates further down the text ("the March 3, 2019
// ruling", "WHEN: Thursday, May 12") are never taken for the release date.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace pressroom {

// A dateline at the start of a paragraph.
struct Dateline {
  std::string location;  // display form: "El Paso, TX", "Tucson, AZ and El Paso, TX", "Washington"
  std::string date;      // YYYY-MM-DD when the dateline carries a date, else ""
  size_t length = 0;     // bytes of the paragraph the dateline takes, separators included
};

// The dateline that starts `paragraph`: a place in capitals ("TUCSON, AZ",
// "WASHINGTON", "EL PASO, TX and SAN DIEGO, CA") or in proper case with a
// state ("Tucson, AZ and El Paso, TX"), optionally followed by a date
// (", Feb. 7, 2023", " (June 21, 2022)", " — November 18, 2020"), then a dash
// and the lead sentence. States become postal codes ("Ariz." → "AZ"). nullopt
// when the paragraph does not start with one, or when the would-be place is a
// label ("STATEMENT — November 29, 2016").
std::optional<Dateline> parse_dateline(std::string_view paragraph);

// The type a label names ("Press Releases", "MEDIA ADVISORY", "Declaración",
// "Artículo de opinión", "Op-Ed") as a known_release_types() value, or ""
// when `label` is not one. Case, accents and a plural are ignored.
std::string type_for_label(std::string_view label);

// What the opening says. Fields are "" when the opening does not say.
struct Opening {
  std::string location;  // the dateline's place, or a letter-style "Tucson, 22 de marzo de 2023" line
  std::string date;      // the dateline's date, else the first dated header line
  std::string type;      // the type with the strongest labels and cues, "" when none is clear
};

// Reads the opening of a release. `body` is plain text with paragraphs
// separated by blank lines (lines inside a paragraph are kept apart, as PDF
// and HTML text has them). Type evidence, strongest first: a label line
// ("MEDIA ADVISORY", "Op-Ed | July 26, 2016") or a title prefix ("Report:",
// "Aviso a los medios:"); a title that opens with the type ("Statement on",
// "Testimony of", "Letter to"); phrases of the first paragraphs ("issued the
// following statement", "WHAT:/WHEN:/WHERE:", "a report released today",
// a byline, "Dear …,", "Sincerely,"). A generic "Press Release" label counts
// less than any specific cue, because page templates print it on everything.
Opening read_opening(std::string_view title, std::string_view body);

}  // namespace pressroom
