// Markdown files with YAML front matter (between "---" lines) or TOML front
// matter (between "+++" lines), as static-site generators (Hugo, Jekyll) keep
// news posts. The front matter carries the fields of
// docs/corpus-format.md; the Markdown body becomes plain text.
#pragma once

#include "common/corpus_reader.h"

namespace pressroom {

class MarkdownReader : public CorpusReader {
 public:
  // One release per file; its id is the front matter's `id` or `default_id`.
  // Without a front-matter title, the first level-1 heading is the title.
  // Invalid YAML or TOML, or unterminated front matter, is reported at its line.
  ReadBatch read(const std::string& file, std::string_view content,
                 const std::string& default_id) const override;
};

}  // namespace pressroom
