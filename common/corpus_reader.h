// The one interface every archive format is read through. A reader turns the
// bytes of one file into releases; it never throws for bad content, it reports
// what it could not read as ReadIssue values so the indexer can skip and count.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/release.h"

namespace pressroom {

// A problem with one record or one file: where it is and why it was skipped.
struct ReadIssue {
  std::string file;   // path as given to the reader
  int line = 0;       // 1-based; 0 when the whole file is concerned
  std::string reason;

  std::string to_string() const;  // "file:line: reason"
};

// A release its archive does not publish (a draft): never indexed, and a
// copy indexed while it was published is taken out.
struct WithheldRelease {
  std::string id;
  ReadIssue where;  // its file and line, and why (Release::withheld)
};

struct ReadBatch {
  std::vector<Release> releases;   // records as read, not yet validated (see ingest.h)
  std::vector<ReadIssue> issues;   // records or files that were skipped
  std::vector<WithheldRelease> withheld;  // filled by ingest()
};

class CorpusReader {
 public:
  virtual ~CorpusReader() = default;

  // Reads one file. `file` names it in messages and becomes Release::source;
  // `default_id` is the id a release gets when the format carries none (the
  // file's path relative to the indexed root, without extension). Never throws
  // for malformed content.
  virtual ReadBatch read(const std::string& file, std::string_view content,
                         const std::string& default_id) const = 0;

  // True when records never span lines, so that a large file may be read in
  // chunks of whole lines: `first_line` then numbers the chunk's first line.
  virtual bool line_oriented() const { return false; }
  virtual ReadBatch read_lines(const std::string& file, std::string_view content,
                               const std::string& default_id, int first_line) const {
    (void)first_line;
    return read(file, content, default_id);
  }
};

// The reader for a file, chosen by extension (case-insensitive), or nullptr
// when the format is not one pressroom reads.
const CorpusReader* reader_for(const std::filesystem::path& file);

// Extensions pressroom reads, lower case with the dot (".jsonl", ".md", ...).
const std::vector<std::string>& supported_extensions();

}  // namespace pressroom
