// One indexing run: archive files and folders → a Xapian database, updated
// incrementally. Parsing and term generation run on worker threads; one thread
// writes, in input order, so results do not depend on timing.
#pragma once

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/corpus_reader.h"
#include "common/phrase_pairs.h"
#include "common/user_names.h"

namespace pressroom {

struct IndexOptions {
  std::string db_path;             // created if missing
  std::vector<std::string> paths;  // files and folders (read recursively)
  // Delete documents not produced by this run: the paths are the whole archive.
  bool prune = false;
  // Build the whole archive into a fresh database beside the served one and
  // switch it in atomically (indexer/build_switch.h): db_path becomes a link
  // to db_path.builds/<timestamp>/. The paths are the whole archive.
  bool rebuild = false;
  // Worker threads for reading and term generation; 0 = one per core.
  unsigned threads = 0;
  // Shards to spread releases over (common/sharding.h); 0 = as the existing
  // index is (1 for a new one). Another count than the index has is an error.
  unsigned shards = 0;
  // Documents written between commits of an update; a killed run keeps the
  // last commit.
  uint64_t commit_every = 5000;
  // A new database (or shard) is built in parts of this many documents,
  // merged at the end: it appears whole or not at all. Xapian's in-memory
  // change maps cost more per document as they grow: on 4.4 KB releases,
  // parts of 500 took 0.86x the CPU of parts of 2,000 and 0.63x that of
  // one flush per 10,000 (docs/benchmarks.md). Parts of 250 cost 0.95x the
  // CPU of 500, but compaction keeps each part's posting-list chunks: +14%
  // postlist table, +3% index, which is over its size target already.
  uint64_t part_documents = 500;
  // Files of the metadata extractor (metadata_extractor.h), which fills what
  // releases leave empty. "" = taxonomy.yaml / aliases.yaml in the first
  // folder of `paths` that has one; none found: topics are not extracted and
  // names are canonicalised by the rules alone.
  std::string taxonomy_path;
  std::string aliases_path;
  // A new index learns which adjacent words get a phrase-pair term
  // (common/phrase_pairs.h) from its first releases, when there are at
  // least this many; kNoPhrasePairs: never (smaller index, slower phrases of
  // frequent words). An existing index keeps what it was built with.
  static constexpr size_t kNoPhrasePairs = static_cast<size_t>(-1);
  size_t phrase_pair_sample = PhrasePairs::kMinSample;
  // The releases it learns from: the first this many of the run (at least,
  // up to one task more).
  size_t phrase_pair_sample_max = PhrasePairs::kMaxSample;
  // A new index keeps its positions as one word sequence per release
  // (common/word_sequence.h) instead of in Xapian's position table: a third
  // smaller and faster to build, but a phrase of frequent words is checked
  // several times slower (docs/benchmarks.md, "Session 11"), a stock
  // xapian-tcpsrv cannot serve it as a remote shard, and Xapian's own tools
  // answer its phrases as ANDs. An existing index keeps what it was built with.
  bool word_sequences = false;
};

// The extractor's files a run uses: the options' paths, else the defaults
// found in the given folders ("" when there is none).
struct ExtractionFiles {
  std::string taxonomy;
  std::string aliases;
};
ExtractionFiles extraction_files_for(const IndexOptions& options);

struct IndexStats {
  uint64_t files = 0;      // files read
  uint64_t added = 0;      // new ids
  uint64_t replaced = 0;   // known ids whose content changed
  uint64_t unchanged = 0;  // known ids with the same content hash
  uint64_t deleted = 0;    // pruned ids, and listing entries whose full page arrived
  uint64_t skipped = 0;    // records or files rejected (see issues)
  uint64_t merged = 0;     // listing entries whose full page is in the run (not indexed twice)
  uint64_t withheld = 0;   // drafts and other releases their archive does not publish (not indexed)
  uint64_t withdrawn = 0;  // of those, indexed by an earlier run and taken out now
  uint64_t duplicates = 0; // written into the duplicate group of a release they copy (near_duplicate.h)
  uint64_t bytes = 0;      // bytes of input read
  uint64_t documents = 0;  // releases in the index after the run
  bool phrase_pairs = false;  // the index has a phrase-pair list (common/phrase_pairs.h)
  bool word_sequences = false;  // the index keeps its positions as word sequences (common/word_sequence.h)
  uint64_t word_vocabulary_sample = 0;  // the releases its word vocabulary was learned from
  bool phrase_pairs_declined = false;  // it was built without one on purpose (--no-phrase-pairs)
  // The spokespeople of the run's releases that read as user names, with the
  // person their releases name most (user_names.h): lines for the aliases file.
  std::vector<UserNameEvidence::Suggestion> user_names;
  double seconds = 0;
  // Of `seconds`, after the last release was written: merging the parts of
  // new shards, and settling the run's duplicate groups (one core each).
  double merge_seconds = 0;
  double grouping_seconds = 0;
  uint64_t processed() const { return added + replaced + unchanged; }
};

// A failure that stops the run (the database cannot be opened or written, a
// path to prune from is missing, the taxonomy or aliases file cannot be
// loaded). Whatever was committed before stays intact.
class IndexError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct IndexCallbacks {
  std::function<void(const ReadIssue&)> on_issue;      // each skipped record or file
  std::function<void(const WithheldRelease&)> on_withheld;  // each draft left out
  std::function<void(const IndexStats&)> on_progress;  // now and then, from the writer thread
};

// Runs the indexer. Bad records are reported through on_issue and counted in
// `skipped`; they never stop the run. Throws IndexError for failures that do.
IndexStats run_index(const IndexOptions& options, const IndexCallbacks& callbacks = {});

// The id a file's release gets when its format carries none: the path
// relative to `root` without extension, '/'-separated, characters an id
// cannot hold replaced by '-'. "corpus/news/2020/Hello World.md" under
// "corpus" → "news/2020/Hello-World".
std::string default_id_for(const std::string& file, const std::string& root);

}  // namespace pressroom
