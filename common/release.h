// The document model: one press release, statement, report or advisory as the
// archive knows it, independent of the file format it came from and of how it
// is stored in the index (see schema.h for that).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace pressroom {

// A quoted statement found in a release, with who said it.
struct Quote {
  std::string text;          // the words inside the quotation marks
  std::string speaker;       // canonical name of the speaker
  std::string role;          // e.g. "Director of Advocacy" (may be empty)
  std::string organisation;  // e.g. "Casa Abierta" (may be empty)
  std::string paragraph;     // the paragraph the quote stands in
};

// Where a field's value came from: typed in by the source, or recovered by an
// extractor. The release page shows it so a journalist knows what to trust.
enum class Provenance { Source, Extracted };

struct Release {
  std::string id;        // unique and stable; defaults to the source path for files
  std::string title;
  std::string date;      // YYYY-MM-DD
  std::string type;      // press-release, statement, report, media-advisory, op-ed, letter, ...
  std::vector<std::string> topics;        // display forms, e.g. "Family Detention"
  std::vector<std::string> spokespeople;  // canonical display names
  std::vector<std::string> contacts;      // press-office contacts, not spokespeople
  std::vector<Quote> quotes;
  std::string location;
  std::string url;
  std::string lang;      // ISO 639-1, "en" or "es"; empty means unknown
  std::string summary;   // optional short description
  std::string body;      // plain text, paragraphs separated by blank lines

  // Why the archive does not publish this release ("draft: true", "status:
  // private"), empty when it does. Such a release is never indexed.
  std::string withheld;

  std::string source;    // file the release was read from (relative to its root)
  int source_line = 0;   // 1-based line in that file, 0 when not line-oriented

  // Field name → provenance, for fields that have a value. Fields absent here
  // are taken to come from the source.
  std::map<std::string, Provenance> provenance;
};

// The release types the archive knows, in display order.
const std::vector<std::string>& known_release_types();

}  // namespace pressroom
