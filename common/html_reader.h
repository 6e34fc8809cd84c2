// Saved web pages (.html, .htm) of a newsroom: a release's own page, or a
// listing page of many releases. Parsed with gumbo as a browser would, never
// with patterns over the markup.
#pragma once

#include "common/corpus_reader.h"

namespace pressroom {

class HtmlReader : public CorpusReader {
 public:
  // A listing page (see listing_extract.h) gives one release per entry: id
  // from the entry's absolute URL (id_from_url), else `default_id` + "/" +
  // its 1-based position; body = summary; every field it fills marked
  // Extracted, and provenance[kListingMarker] set so the indexer can let the
  // full page win (listing_dedup.h).
  //
  // Any other page gives one release with id `default_id`:
  //   title   og:title, JSON-LD headline, the main <h1>, else <title> without
  //           the site name (" | Puentes", " – Site")
  //   date    article:published_time, <time datetime>, JSON-LD
  //           datePublished, other date metas, a <time>'s text; else ""
  //           (left to the dateline extraction that runs after readers)
  //   url     <link rel=canonical>, og:url, JSON-LD url (made absolute)
  //   lang    <html lang>, og:locale, JSON-LD inLanguage
  //   summary meta description, og:description, JSON-LD description
  //   type    a type meta or article:section, JSON-LD @type or
  //           articleSection, when it names a release type
  //           (release_type_from_label); else ""
  //   topics  article:tag metas, else JSON-LD keywords
  //   body    the text of <article>, <main> or [role=main], else of the
  //           block densest in paragraph text, page chrome removed
  //           (html_text.h), paragraphs separated by a blank line
  // Fields from metadata are marked Source, those recovered from the text
  // (an <h1> title, a date read from a <time>'s text) Extracted. Malformed
  // markup is repaired, never reported; no input throws.
  ReadBatch read(const std::string& file, std::string_view content,
                 const std::string& default_id) const override;
};

}  // namespace pressroom
