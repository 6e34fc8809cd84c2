// JSON documents (.json) as CMS exports and APIs write them: an array of
// releases (a page of WordPress's REST API), an object that holds one
// (Ghost's export keeps them under db[0].data.posts, others under "posts",
// "items", "data"), or a single release. Fields as in docs/corpus-format.md;
// a bad record is reported at the line where it starts and the rest are read.
#pragma once

#include "common/corpus_reader.h"

namespace pressroom {

class JsonDocumentReader : public CorpusReader {
 public:
  // The releases are the first array of objects with a title found breadth
  // first from the top (the top itself when it is one), or the top object
  // when it has a title. `default_id` + ":" + line is the id of a record
  // without one. Invalid JSON is reported at its line; a document without
  // releases is reported once.
  ReadBatch read(const std::string& file, std::string_view content,
                 const std::string& default_id) const override;
};

}  // namespace pressroom
