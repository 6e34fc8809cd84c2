// JSON Lines archives (a CMS export): one release per line, fields as in
// docs/corpus-format.md. A bad line is reported with its line number and the
// rest of the file is still read.
#pragma once

#include "common/corpus_reader.h"

namespace pressroom {

class JsonLinesReader : public CorpusReader {
 public:
  // Blank lines are skipped. `default_id` + ":" + line number is the id of a
  // record without one, so re-indexing finds it again.
  ReadBatch read(const std::string& file, std::string_view content,
                 const std::string& default_id) const override;
  bool line_oriented() const override { return true; }
  ReadBatch read_lines(const std::string& file, std::string_view content,
                       const std::string& default_id, int first_line) const override;
};

}  // namespace pressroom
