#include "common/jsonl_reader.h"

#include <nlohmann/json.hpp>

#include "common/legacy_encoding.h"
#include "common/record_fields.h"

namespace pressroom {

ReadBatch JsonLinesReader::read(const std::string& file, std::string_view content,
                                const std::string& default_id) const {
  return read_lines(file, content, default_id, 1);
}

ReadBatch JsonLinesReader::read_lines(const std::string& file, std::string_view content,
                                      const std::string& default_id, int first_line) const {
  ReadBatch batch;
  int line_number = first_line - 1;
  size_t start = 0;
  while (start < content.size()) {
    size_t end = content.find('\n', start);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(start, end - start);
    start = end + 1;
    ++line_number;
    // Byte-order marks: the file's, and those of files joined with cat. Every
    // line alike, so that a chunk of the file reads as the whole file does.
    while (line.substr(0, kByteOrderMark.size()) == kByteOrderMark) line.remove_prefix(kByteOrderMark.size());
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;

    nlohmann::json record;
    try {
      // JSON is UTF-8; a line that is not was written by a legacy system.
      record = nlohmann::json::parse(as_utf8(line));
    } catch (const nlohmann::json::exception& e) {  // parse_error, or out_of_range for a number too large
      batch.issues.push_back({file, line_number, std::string("invalid JSON: ") + e.what()});
      continue;
    }
    add_record(record, file, line_number, default_id, batch);
  }
  return batch;
}

}  // namespace pressroom
