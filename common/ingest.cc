#include "common/ingest.h"

#include <algorithm>
#include <exception>

#include "common/metadata_extractor.h"
#include "common/release_validation.h"
#include "common/text_folding.h"

namespace pressroom {

ReadBatch ingest(const CorpusReader& reader, const std::string& file, std::string_view content,
                 const std::string& default_id, int first_line, const ExtractionContext* context) {
  ReadBatch raw;
  try {
    raw = first_line > 0 ? reader.read_lines(file, content, default_id, first_line)
                         : reader.read(file, content, default_id);
  } catch (const std::exception& e) {
    // Readers report bad content as issues; this is for the unforeseen, so that
    // one file can never stop a whole run.
    return ReadBatch{{}, {{file, 0, std::string("unreadable: ") + e.what()}}, {}};
  }
  ReadBatch out;
  out.issues = std::move(raw.issues);
  for (Release& release : raw.releases) {
    if (!release.withheld.empty()) {
      // Only its id matters: a draft may lack what a published release needs.
      std::string id = collapse_whitespace(release.id);
      if (is_valid_release_id(id)) out.withheld.push_back({id, {file, release.source_line, release.withheld}});
      continue;
    }
    if (context) {
      try {
        enrich(release, *context);
      } catch (const std::exception&) {
        // Extraction is best effort and never throws by contract; should it
        // anyway, the release is still judged on what its source gave.
      }
    }
    if (auto reason = normalize_and_validate(release)) {
      out.issues.push_back({file, release.source_line, *reason});
      continue;
    }
    out.releases.push_back(std::move(release));
  }
  // Reader and validation issues interleave in the file: report them in file order.
  std::stable_sort(out.issues.begin(), out.issues.end(),
                   [](const ReadIssue& a, const ReadIssue& b) { return a.line < b.line; });
  return out;
}

}  // namespace pressroom
