// PDF reports (.pdf), read through poppler: the organisation's research
// reports and the statements it published as PDFs.
#pragma once

#include "common/corpus_reader.h"

namespace pressroom {

class PdfReader : public CorpusReader {
 public:
  // One release per document, id `default_id`:
  //   body   the text of every page, lines joined into paragraphs
  //          (paragraphs separated by a blank line), running headers and
  //          footers and bare page numbers left out
  //   title  the info dictionary's Title (Source) unless it is an
  //          authoring tool's placeholder ("Microsoft Word - x.docx",
  //          "untitled"); else the first line of page 1 that reads like a
  //          title (Extracted)
  //   date   the first written date on page 1 (parse_written_date forms,
  //          Extracted); else the info CreationDate, else ModDate (Source),
  //          as written, without a time-zone shift
  //   type   "report" (Extracted); summary: the info Subject (Source)
  // A file poppler cannot open, an encrypted one, or one without any text
  // (a scan) is a ReadIssue for the whole file (line 0); nothing throws.
  // Poppler's own error messages are silenced.
  ReadBatch read(const std::string& file, std::string_view content,
                 const std::string& default_id) const override;
};

}  // namespace pressroom
