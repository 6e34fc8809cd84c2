// From the bytes of one archive file to releases ready for the index: the
// format's reader, then metadata recovery, then validation. The one path every
// format goes through, so every format gets the same rules.
#pragma once

#include <string>
#include <string_view>

#include "common/corpus_reader.h"

namespace pressroom {

struct ExtractionContext;  // metadata_extractor.h

// Reads `content` with `reader`, recovers the metadata each release lacks
// with enrich(release, *context) when `context` is given (nullptr: releases
// are validated as read), and returns only releases that are valid and
// normalised (normalize_and_validate); each rejected record becomes a
// ReadIssue with its file and line, and each release its archive does not
// publish (Release::withheld) a WithheldRelease. Never throws for bad content.
// `first_line` > 0 reads `content` as a chunk of whole lines of a
// line-oriented format starting at that line (CorpusReader::read_lines).
// `context` is only read, so one may serve many threads at once.
ReadBatch ingest(const CorpusReader& reader, const std::string& file, std::string_view content,
                 const std::string& default_id, int first_line = 0,
                 const ExtractionContext* context = nullptr);

}  // namespace pressroom
