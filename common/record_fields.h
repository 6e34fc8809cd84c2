// Maps the fields of one archive record (a JSON Lines object, or Markdown
// front matter turned into JSON) onto a Release. Shared by the structured
// readers so that field names, aliases and type rules are decided once.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "common/corpus_reader.h"
#include "common/release.h"

namespace pressroom {

// Fills `out` from `record`. Accepted keys (first present alias wins):
//   id; title; date | published | publishDate | datePublished | published_at | pubDate | post_date;
//   type | kind;
//   topics | topic | tags | categories; spokespeople | spokesperson | authors | author;
//   contacts; location | dateline; url | link | canonical; lang | language;
//   summary | description | deck | excerpt; body | text | content | plaintext | html.
// A list field also accepts a single string, and objects with a name
// ({"name": "Asylum"}, as Ghost exports tags and authors); numbers in it are
// a CMS's references to terms or users, not names, and are left out. A text field also accepts
// WordPress's {"rendered": text} and Drupal's {"value": text}. A title,
// summary or body written in HTML (block markup: <p>, <br>, <li>) becomes
// text, the body in paragraphs; character references (&#8211;) are decoded.
// A stray tag in plain text stays text. Every field present is marked
// Provenance::Source. A record its archive marks as unpublished (`draft:
// true`, `published: false`, `status: draft` or `private`, ...) or dates
// after tomorrow (UTC: its `date`, `publishDate` or `embargo`) gets
// Release::withheld. Returns the reason when a field has the wrong type
// (e.g. "field 'topics' must be a string or a list of strings").
std::optional<std::string> release_from_record(const nlohmann::json& record, Release& out);

// The record that starts at `line` of `file`, into `batch`: its release
// (release_from_record; a release without an id gets `default_id` + ":" +
// line, which finds it again on the next run), or an issue at that line.
void add_record(const nlohmann::json& record, const std::string& file, int line, const std::string& default_id,
                ReadBatch& batch);

}  // namespace pressroom
