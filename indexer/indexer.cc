#include "indexer/indexer.h"

#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <future>
#include <memory>
#include <optional>
#include <thread>
#include <unordered_map>

#include "common/cpu_cores.h"
#include "common/document_settling.h"
#include "common/duplicate_finder.h"
#include "common/ingest.h"
#include "common/listing_dedup.h"
#include "common/text_folding.h"
#include "common/user_names.h"
#include "common/metadata_extractor.h"
#include "common/phrase_pairs.h"
#include "common/word_sequence.h"
#include "common/schema.h"
#include "common/sharding.h"
#include "indexer/build_switch.h"
#include "indexer/shard_set.h"
#include "indexer/shard_writer.h"

namespace pressroom {
namespace fs = std::filesystem;
namespace {

using Clock = std::chrono::steady_clock;

constexpr size_t kChunkBytes = 4 << 20;      // line-oriented files are cut into chunks this big
constexpr size_t kTaskBytes = 1 << 20;       // small files are grouped into tasks this big
constexpr size_t kTaskFiles = 128;
constexpr size_t kMaxQueuedPerShard = 512;  // changes waiting for a shard's writer

struct SourceFile {
  fs::path path;
  std::string display;     // as the user will recognise it in messages
  std::string default_id;
  const CorpusReader* reader;
};

// One unit of work for a worker: whole files, or a chunk of whole lines.
struct Piece {
  const SourceFile* source;
  std::string content;
  int first_line = 0;  // > 0 for a chunk of a line-oriented file
};
struct Task {
  std::vector<Piece> pieces;
  size_t bytes = 0;
  uint64_t files = 0;  // files that end in this task
};

struct Prepared {
  std::string id;
  std::string hash;
  std::string where;
  Xapian::Document document;
  DedupKey key;                        // to drop a listing entry whose full page is in the run
  std::vector<std::string> spellings;  // words for "did you mean": title words, names, topics
  std::vector<uint64_t> duplicate_keys;  // RunDuplicateKeys::hash of its near-duplicate keys
  // Its spokespeople that read as user names, each with the people its text
  // names that the user name could stand for (user_names.h).
  std::vector<std::pair<std::string, std::vector<std::string>>> user_names;
};

// The words the spelling dictionary learns from a release: what people type
// to find it — its title's words and the names of its people and topics.
std::vector<std::string> spelling_words(const Release& release) {
  std::vector<std::string> words = schema::title_words(strip_accents(release.title));
  for (const auto* list : {&release.spokespeople, &release.topics})
    for (const std::string& name : *list)
      for (const std::string& word : schema::title_words(strip_accents(name))) words.push_back(word);
  std::vector<std::string> kept;
  for (std::string& w : words)
    if (w.size() >= 3 && !std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; }))
      kept.push_back(std::move(w));
  return kept;
}
struct TaskResult {
  std::vector<Prepared> documents;
  std::vector<ReadIssue> issues;
  std::vector<WithheldRelease> withheld;
  uint64_t files = 0;
  uint64_t bytes = 0;
  bool settled = false;  // the documents are settle()d (phrase pairs, word sequences)
};

// `context`, `pairs` and `vocabulary` are shared by every worker: they are
// only read. `learning`: the lists are not known yet (the documents are the
// sample they are learned from), and the documents are settled later.
// `duplicate_keys`: hash each release's near-duplicate keys (a run into an
// empty index settles its groups from them, RunDuplicateKeys).
TaskResult prepare(Task task, const ExtractionContext* context, std::shared_ptr<const PhrasePairs> pairs,
                   std::shared_ptr<const WordVocabulary> vocabulary, bool learning, bool duplicate_keys) {
  thread_local Xapian::TermGenerator generator;
  TaskResult result;
  result.files = task.files;
  result.bytes = task.bytes;
  result.settled = !learning;
  for (Piece& piece : task.pieces) {
    ReadBatch batch = ingest(*piece.source->reader, piece.source->display, piece.content,
                             piece.source->default_id, piece.first_line, context);
    for (ReadIssue& issue : batch.issues) result.issues.push_back(std::move(issue));
    for (WithheldRelease& draft : batch.withheld) result.withheld.push_back(std::move(draft));
    for (const Release& release : batch.releases) {
      Prepared prepared;
      DuplicateProfile profile = duplicate_profile(release);
      prepared.document = schema::document_for(release, generator, profile);
      if (duplicate_keys)
        for (const std::string& key : schema::duplicate_terms(profile))
          prepared.duplicate_keys.push_back(RunDuplicateKeys::hash(key));
      if (!learning) settle(prepared.document, pairs.get(), vocabulary.get());
      // The generator would otherwise keep a reference to the document, whose
      // count is not atomic, while the writer thread drops its own.
      generator.set_document(Xapian::Document());
      prepared.id = release.id;
      prepared.hash = prepared.document.get_value(schema::kContentHash);
      prepared.where = release.source;
      if (release.source_line > 0) prepared.where.append(":").append(std::to_string(release.source_line));
      prepared.key = dedup_key_for(release);
      prepared.spellings = spelling_words(release);
      for (const std::string& person : release.spokespeople)
        if (looks_like_user_name(person))
          prepared.user_names.emplace_back(
              person, names_for_user(person, release.title + "\n\n" + release.summary + "\n\n" + release.body));
      result.documents.push_back(std::move(prepared));
    }
  }
  return result;
}

bool is_hidden(const fs::path& p) {
  std::string name = p.filename().string();
  return name.size() > 1 && name[0] == '.';
}

std::vector<SourceFile> enumerate(const std::vector<std::string>& paths, TaskResult& problems) {
  std::vector<SourceFile> files;
  for (const std::string& given : paths) {
    fs::path path(given);
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      problems.issues.push_back({given, 0, "no such file or directory"});
      continue;
    }
    if (fs::is_regular_file(status)) {
      const CorpusReader* reader = reader_for(path);
      if (!reader) {
        problems.issues.push_back({given, 0, "unsupported file type (extension '" +
                                                 path.extension().string() + "')"});
        continue;
      }
      std::string root = path.parent_path().string();
      files.push_back({path, given, default_id_for(path.string(), root), reader});
      continue;
    }
    std::vector<fs::path> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      if (is_hidden(it->path())) {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file() && reader_for(it->path())) found.push_back(it->path());
    }
    if (ec) problems.issues.push_back({given, 0, "cannot list folder: " + ec.message()});
    std::sort(found.begin(), found.end());
    for (const fs::path& file : found)
      files.push_back({file, file.string(), default_id_for(file.string(), path.string()),
                       reader_for(file)});
  }
  return files;
}

// Cuts tasks out of the source files lazily, so memory stays bounded by the
// number of tasks in flight rather than by the archive's size.
class TaskSource {
 public:
  TaskSource(const std::vector<SourceFile>& files, std::vector<ReadIssue>& issues)
      : files_(files), issues_(issues) {}

  bool next(Task& task) {
    task = Task{};
    while (next_file_ < files_.size() || stream_) {
      if (stream_) {
        if (!continue_chunk(task)) continue;
        return true;
      }
      const SourceFile& source = files_[next_file_++];
      if (source.reader->line_oriented()) {
        if (!task.pieces.empty()) {  // chunks travel alone
          --next_file_;
          return true;
        }
        stream_.emplace(source.path, std::ios::binary);
        if (!*stream_) {
          issues_.push_back({source.display, 0, std::string("cannot read: ") + std::strerror(errno)});
          stream_.reset();
          continue;
        }
        streaming_ = &source;
        line_ = 1;
        carry_.clear();
        continue;
      }
      std::ifstream in(source.path, std::ios::binary);
      std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      if (!in && !in.eof()) {
        issues_.push_back({source.display, 0, std::string("cannot read: ") + std::strerror(errno)});
        continue;
      }
      task.bytes += content.size();
      task.files += 1;
      task.pieces.push_back({&source, std::move(content), 0});
      if (task.bytes >= kTaskBytes || task.pieces.size() >= kTaskFiles) return true;
    }
    return !task.pieces.empty();
  }

 private:
  // Adds the next chunk of whole lines of the open stream; false when the
  // stream ended without data.
  bool continue_chunk(Task& task) {
    std::string buffer = std::move(carry_);
    carry_.clear();
    size_t old = buffer.size();
    buffer.resize(old + kChunkBytes);
    stream_->read(buffer.data() + old, kChunkBytes);
    buffer.resize(old + static_cast<size_t>(stream_->gcount()));
    bool at_end = !*stream_;
    if (!at_end) {
      size_t last_newline = buffer.rfind('\n');
      if (last_newline == std::string::npos) {
        carry_ = std::move(buffer);  // one very long line: keep reading
        return false;
      }
      carry_ = buffer.substr(last_newline + 1);
      buffer.resize(last_newline + 1);
    }
    int first_line = line_;
    line_ += static_cast<int>(std::count(buffer.begin(), buffer.end(), '\n'));
    const SourceFile* source = streaming_;
    if (at_end) {
      stream_.reset();
      task.files += 1;
    }
    if (buffer.empty()) return at_end;  // the file's count still travels with the task
    task.bytes += buffer.size();
    task.pieces.push_back({source, std::move(buffer), first_line});
    return true;
  }

  const std::vector<SourceFile>& files_;
  std::vector<ReadIssue>& issues_;
  size_t next_file_ = 0;
  std::optional<std::ifstream> stream_;
  const SourceFile* streaming_ = nullptr;
  std::string carry_;
  int line_ = 1;
};

std::string utc_now_iso() {
  auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// A release already in the index: where it is and what it holds.
struct Existing {
  unsigned shard;
  Xapian::docid docid;
  std::string hash;
};

void load_existing(const Xapian::Database& db, unsigned shard, std::unordered_map<std::string, Existing>& existing) {
  std::unordered_map<Xapian::docid, Existing*> by_docid;
  by_docid.reserve(db.get_doccount());
  for (auto it = db.valuestream_begin(schema::kId); it != db.valuestream_end(schema::kId); ++it) {
    auto [entry, fresh] = existing.emplace(*it, Existing{shard, it.get_docid(), {}});
    if (fresh) by_docid[it.get_docid()] = &entry->second;
  }
  for (auto it = db.valuestream_begin(schema::kContentHash);
       it != db.valuestream_end(schema::kContentHash); ++it) {
    auto found = by_docid.find(it.get_docid());
    if (found != by_docid.end()) found->second->hash = *it;
  }
}

}  // namespace

std::string default_id_for(const std::string& file, const std::string& root) {
  fs::path relative = root.empty() ? fs::path(file) : fs::path(file).lexically_relative(root);
  if (relative.empty() || *relative.begin() == "..") relative = fs::path(file).filename();
  relative.replace_extension();
  std::string id;
  for (const auto& part : relative) {
    std::string segment = part.string();
    if (segment == "." || segment.empty()) continue;
    if (!id.empty()) id.push_back('/');
    for (char c : segment) {
      bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == '~';
      id.push_back(ok ? c : '-');
    }
  }
  return id;
}

ExtractionFiles extraction_files_for(const IndexOptions& options) {
  ExtractionFiles files{options.taxonomy_path, options.aliases_path};
  for (const std::string& given : options.paths) {
    std::error_code ec;
    if (!fs::is_directory(given, ec)) continue;
    if (files.taxonomy.empty() && fs::is_regular_file(fs::path(given) / "taxonomy.yaml", ec))
      files.taxonomy = (fs::path(given) / "taxonomy.yaml").string();
    if (files.aliases.empty() && fs::is_regular_file(fs::path(given) / "aliases.yaml", ec))
      files.aliases = (fs::path(given) / "aliases.yaml").string();
  }
  return files;
}

namespace {

// One run into options.db_path. `whole_archive`: the paths are the whole
// archive (prune, rebuild), so a path that cannot be read stops the run.
// `runs_before`: the count of earlier runs, when not the database's own.
IndexStats index_run(const IndexOptions& options, const IndexCallbacks& callbacks, bool whole_archive,
                     const std::optional<std::string>& runs_before) {
  auto started = Clock::now();
  IndexStats stats;
  auto report = [&](const ReadIssue& issue) {
    ++stats.skipped;
    if (callbacks.on_issue) callbacks.on_issue(issue);
  };

  TaskResult enumeration;
  std::vector<SourceFile> files = enumerate(options.paths, enumeration);
  bool path_missing = !enumeration.issues.empty();
  for (const ReadIssue& issue : enumeration.issues) report(issue);
  if (whole_archive && path_missing)
    throw IndexError(std::string("refusing to ") + (options.prune ? "--prune" : "--rebuild") +
                     ": a given path could not be read, and the index would lose every release that came from it");

  // Loaded once, before any worker starts, then only read by all of them.
  ExtractionContext context;
  ExtractionFiles extraction = extraction_files_for(options);
  if (auto error = load_extraction_context(extraction.taxonomy, extraction.aliases, context))
    throw IndexError("cannot load the metadata extractor's files: " + *error);

  std::vector<ShardTarget> targets = open_shards(options.db_path, options.shards);
  const auto shard_count = static_cast<unsigned>(targets.size());
  try {
    std::unordered_map<std::string, Existing> existing;
    std::string schema_version, runs;
    for (unsigned i = 0; i < shard_count; ++i) {
      if (!targets[i].db) continue;
      load_existing(*targets[i].db, i, existing);
      if (schema_version.empty()) {
        schema_version = targets[i].db->get_metadata(schema::kMetaSchemaVersion);
        runs = targets[i].db->get_metadata(schema::kMetaIndexerRuns);
      }
    }
    if (runs_before) runs = *runs_before;
    // The phrase-pair list: an existing index keeps its own (or its lack of
    // one: its releases have no pair terms); a new one learns it from the
    // first releases of this run, which wait until it is known.
    bool fresh = std::all_of(targets.begin(), targets.end(),
                             [](const ShardTarget& t) { return !t.db || t.db->get_doccount() == 0; });
    // The same for the word vocabulary (word_sequence.h): an existing index
    // keeps its word sequences, or Xapian's positions if it has none.
    std::shared_ptr<const PhrasePairs> pairs;
    std::shared_ptr<const WordVocabulary> vocabulary;
    bool declined = fresh && options.phrase_pair_sample == IndexOptions::kNoPhrasePairs;
    if (!fresh) {
      for (const ShardTarget& target : targets)
        if (target.db) {
          std::string value = target.db->get_metadata(schema::kMetaPhrasePairs);
          declined = value == schema::kPhrasePairsOff;
          if (auto stored = PhrasePairs::decode(value); stored && !stored->empty())
            pairs = std::make_shared<const PhrasePairs>(std::move(*stored));
          if (!target.db->get_metadata(schema::kMetaWordSequencesId).empty()) {
            // New releases would otherwise keep Xapian positions in an index
            // whose searches read word sequences.
            auto stored = WordVocabulary::decode(target.db->get_metadata(schema::kMetaWordSequences));
            if (!stored)
              throw IndexError("the index at " + target.path + " keeps word sequences but its vocabulary (" +
                               schema::kMetaWordSequences + ") cannot be read: rebuild it with --rebuild");
            vocabulary = std::make_shared<const WordVocabulary>(std::move(*stored));
          }
          break;
        }
    }
    bool learning = fresh && (options.phrase_pair_sample != IndexOptions::kNoPhrasePairs || options.word_sequences);
    std::unordered_map<std::string, std::string> seen;  // id → where first read
    seen.reserve(existing.size());

    unsigned threads = options.threads ? options.threads : usable_cores();
    // Writer threads: one per existing shard, updated in place; a shard that
    // does not exist yet gets its share of the cores, each building parts
    // that are merged at the end (shard_writer.h). What needs the run's
    // order (duplicate ids, listing entries, spelling counts) is decided
    // here, on this thread.
    struct Shard {
      std::string build_path;  // "" when updated in place
      std::vector<std::unique_ptr<ShardWriter>> writers;
      size_t next = 0;  // the writer of the next new document
    };
    std::vector<Shard> shards(shard_count);
    const unsigned builders = std::max(1u, threads / shard_count);
    for (unsigned i = 0; i < shard_count; ++i) {
      ShardTarget& target = targets[i];
      if (target.db) {
        shards[i].writers.push_back(ShardWriter::updating(std::move(*target.db), kMaxQueuedPerShard));
        continue;
      }
      shards[i].build_path = target.path;
      for (unsigned w = 0; w < builders; ++w)
        shards[i].writers.push_back(ShardWriter::building(target.path + ".parts/" + std::to_string(w),
                                                          options.part_documents, kMaxQueuedPerShard));
    }
    std::vector<std::string> shard_paths;
    for (const ShardTarget& target : targets) shard_paths.push_back(target.path);
    std::vector<std::string> written;  // ids added or replaced, in the run's order: their duplicate groups
    RunDuplicateKeys run_keys;         // of `written`, when the index began empty
    UserNameEvidence user_names;       // of the run's releases
    targets.clear();

    std::vector<ReadIssue> source_issues;
    TaskSource source(files, source_issues);
    std::deque<std::future<TaskResult>> in_flight;
    uint64_t since_commit = 0;
    auto last_progress = Clock::now();

    // Spelling counts are gathered in memory and written at commits: one
    // add_spelling per distinct word instead of one per occurrence. Each word
    // lives in one shard only (shard_for_id of the word): Xapian adds up a
    // word's trigram scores over sub-databases, so a word kept in two shards
    // would outrank the suggestion an unsharded index makes.
    std::unordered_map<std::string, Xapian::termcount> spellings;
    auto send_spellings = [&] {
      std::vector<std::vector<std::pair<std::string, Xapian::termcount>>> words(shard_count);
      for (auto& [word, count] : spellings) words[shard_for_id(word, shard_count)].emplace_back(word, count);
      spellings.clear();
      for (unsigned i = 0; i < shard_count; ++i)
        if (!words[i].empty()) shards[i].writers[0]->add_spellings(std::move(words[i]));
    };
    auto commit = [&] {
      send_spellings();
      for (Shard& shard : shards)
        for (auto& writer : shard.writers) writer->commit();
      since_commit = 0;
    };
    auto write_one = [&](Prepared& doc) {
      auto [pos, first] = seen.emplace(doc.id, doc.where);
      if (!first) {
        report({doc.where, 0, "duplicate id '" + doc.id + "' (first read at " + pos->second + ")"});
        return;
      }
      for (const auto& [user, names] : doc.user_names) user_names.add(user, names);
      auto known = existing.find(doc.id);
      if (known == existing.end()) {
        Shard& shard = shards[shard_for_id(doc.id, shard_count)];
        shard.writers[shard.next++ % shard.writers.size()]->add(std::move(doc.document));
        ++stats.added;
        written.push_back(doc.id);
        if (fresh) run_keys.add(std::move(doc.duplicate_keys));
      } else if (known->second.hash == doc.hash) {
        ++stats.unchanged;
        return;
      } else {
        shards[known->second.shard].writers[0]->replace(known->second.docid, std::move(doc.document));
        ++stats.replaced;
        written.push_back(doc.id);
      }
      for (const std::string& word : doc.spellings) ++spellings[word];
      if (++since_commit >= options.commit_every) commit();
    };
    auto remove = [&](const Existing& entry) { shards[entry.shard].writers[0]->remove(entry.docid); };
    // Listing entries wait until every full page of the run has been seen,
    // so that the full page wins whatever the order of the files.
    std::vector<Prepared> held_entries;
    std::vector<DedupKey> full_keys;
    auto write = [&](TaskResult result) {
      if (!result.settled)
        for (Prepared& doc : result.documents) settle(doc.document, pairs.get(), vocabulary.get());
      stats.files += result.files;
      stats.bytes += result.bytes;
      for (const ReadIssue& issue : result.issues) report(issue);
      for (const WithheldRelease& draft : result.withheld) {
        ++stats.withheld;
        if (callbacks.on_withheld) callbacks.on_withheld(draft);
        // Unpublished since an earlier run: its copy leaves the index (and
        // `existing`, so that --prune does not delete it twice).
        auto known = existing.find(draft.id);
        if (known != existing.end() && !seen.count(draft.id)) {
          remove(known->second);
          ++stats.withdrawn;
          existing.erase(known);
        }
      }
      for (Prepared& doc : result.documents) {
        if (doc.key.listing) {
          held_entries.push_back(std::move(doc));
          continue;
        }
        full_keys.push_back(doc.key);
        write_one(doc);
      }
      if (callbacks.on_progress && Clock::now() - last_progress > std::chrono::milliseconds(500)) {
        stats.seconds = std::chrono::duration<double>(Clock::now() - started).count();
        callbacks.on_progress(stats);
        last_progress = Clock::now();
      }
    };

    std::vector<TaskResult> sample;  // while learning: the results held back, in order
    size_t sampled = 0;
    auto finish_learning = [&] {
      std::vector<const Xapian::Document*> documents;
      for (const TaskResult& result : sample)
        for (const Prepared& doc : result.documents) documents.push_back(&doc.document);
      PhrasePairs learned = PhrasePairs::learn(documents, options.phrase_pair_sample);
      if (!learned.empty()) pairs = std::make_shared<const PhrasePairs>(std::move(learned));
      if (options.word_sequences)
        vocabulary = std::make_shared<const WordVocabulary>(
            WordVocabulary::learn(documents, pairs ? pairs->min_product_ppm() : WordVocabulary::kNoPairTerms));
      learning = false;
      std::vector<TaskResult> held = std::move(sample);
      for (TaskResult& result : held) write(std::move(result));
    };
    auto deliver = [&](TaskResult result) {
      if (!learning) return write(std::move(result));
      sampled += result.documents.size();
      sample.push_back(std::move(result));
      if (sampled >= options.phrase_pair_sample_max) finish_learning();
    };

    Task task;
    while (source.next(task)) {
      in_flight.push_back(std::async(std::launch::async, prepare, std::move(task), &context, pairs, vocabulary, learning, fresh));
      for (ReadIssue& issue : source_issues) report(issue);
      source_issues.clear();
      if (in_flight.size() >= threads * 2) {
        deliver(in_flight.front().get());
        in_flight.pop_front();
      }
    }
    for (ReadIssue& issue : source_issues) report(issue);
    while (!in_flight.empty()) {
      deliver(in_flight.front().get());
      in_flight.pop_front();
    }
    if (learning) finish_learning();
    std::vector<DedupKey> keys = std::move(full_keys);
    size_t first_entry = keys.size();
    for (const Prepared& entry : held_entries) keys.push_back(entry.key);
    std::vector<bool> drop = listing_entries_to_drop(keys);
    for (size_t i = 0; i < held_entries.size(); ++i) {
      Prepared& entry = held_entries[i];
      if (!drop[first_entry + i]) {
        write_one(entry);
        continue;
      }
      ++stats.merged;
      // An entry indexed by an earlier run whose full page has now arrived.
      auto known = existing.find(entry.id);
      if (known != existing.end() && !seen.count(entry.id)) {
        remove(known->second);
        ++stats.deleted;
      }
    }

    if (options.prune) {
      for (const auto& [id, entry] : existing)
        if (!seen.count(id)) {
          remove(entry);
          ++stats.deleted;
        }
    }
    std::vector<std::pair<std::string, std::string>> metadata;
    if (stats.added || stats.replaced || stats.deleted || stats.withdrawn || schema_version.empty()) {
      // Every shard alike: the combined database reads the first one's.
      metadata = {{schema::kMetaSchemaVersion, std::to_string(schema::kVersion)},
                  {schema::kMetaIndexedAt, utc_now_iso()},
                  {schema::kMetaIndexerRuns, std::to_string((runs.empty() ? 0 : std::stoull(runs)) + 1)},
                  {schema::kMetaLastRunSkipped, std::to_string(stats.skipped)}};
    }
    // A fresh index states its list, or its lack of one ("" deletes a list an
    // emptied index kept, whose terms its new releases would not have). A
    // shard built anew in an existing index takes the others' list, which its
    // releases were given.
    std::string pairs_stored = pairs ? pairs->encode() : declined ? schema::kPhrasePairsOff : std::string();
    std::string vocabulary_stored = vocabulary ? vocabulary->encode() : std::string();
    std::string vocabulary_id = vocabulary ? schema::word_sequences_id(vocabulary_stored) : std::string();
    if (fresh) {
      metadata.emplace_back(schema::kMetaPhrasePairs, pairs_stored);
      metadata.emplace_back(schema::kMetaWordSequences, vocabulary_stored);
      metadata.emplace_back(schema::kMetaWordSequencesId, vocabulary_id);
    }
    for (Shard& shard : shards)
      if (shard.build_path.empty())
        for (const auto& [key, value] : metadata) shard.writers[0]->set_metadata(key, value);
    // The shards updated in place commit once, after the duplicate groups
    // are settled: readers never see the run without them.
    send_spellings();
    std::vector<std::optional<Xapian::WritableDatabase>> final_state(shard_count);
    for (unsigned i = 0; i < shard_count; ++i)
      for (auto& writer : shards[i].writers) final_state[i] = writer->finish_uncommitted();
    // New shards are merged from their parts in parallel.
    auto phase = Clock::now();
    std::vector<std::future<void>> merges;
    for (unsigned i = 0; i < shard_count; ++i) {
      if (shards[i].build_path.empty()) continue;
      std::vector<std::string> parts;
      for (auto& writer : shards[i].writers) parts.insert(parts.end(), writer->parts().begin(), writer->parts().end());
      auto shard_metadata_list = metadata;
      if (!fresh) {
        shard_metadata_list.emplace_back(schema::kMetaPhrasePairs, pairs_stored);
        shard_metadata_list.emplace_back(schema::kMetaWordSequences, vocabulary_stored);
        shard_metadata_list.emplace_back(schema::kMetaWordSequencesId, vocabulary_id);
      }
      if (shard_count > 1) shard_metadata_list.emplace_back(schema::kMetaShard, shard_metadata(i, shard_count));
      merges.push_back(std::async(std::launch::async, merge_parts, std::move(parts), shards[i].build_path,
                                  std::move(shard_metadata_list)));
    }
    for (auto& merge : merges) merge.wait();
    for (auto& merge : merges) merge.get();
    for (Shard& shard : shards) {
      std::error_code ec;
      if (!shard.build_path.empty()) fs::remove_all(shard.build_path + ".parts", ec);
    }
    shards.clear();
    std::vector<Xapian::WritableDatabase> settled;
    for (unsigned i = 0; i < shard_count; ++i)
      settled.push_back(final_state[i] ? *final_state[i] : Xapian::WritableDatabase(shard_paths[i], Xapian::DB_OPEN));
    stats.merge_seconds = std::chrono::duration<double>(Clock::now() - phase).count();
    phase = Clock::now();
    std::vector<bool> alone;
    if (fresh) alone = run_keys.alone();
    stats.duplicates = group_duplicates(settled, written, fresh ? &alone : nullptr);
    stats.grouping_seconds = std::chrono::duration<double>(Clock::now() - phase).count();
    for (const Xapian::WritableDatabase& shard : settled) stats.documents += shard.get_doccount();
    stats.phrase_pairs = pairs != nullptr;
    stats.word_sequences = vocabulary != nullptr;
    stats.word_vocabulary_sample = vocabulary ? vocabulary->sample() : 0;
    stats.phrase_pairs_declined = declined;
    stats.user_names = user_names.suggestions();
    // With what readers over xapian-tcpsrv need in metadata (the spelling
    // mirror, the facet positions), in the commit that holds the documents;
    // for a new shard, of the table its parts were merged into.
    for (Xapian::WritableDatabase& shard : settled) commit_for_readers(shard);
  } catch (const Xapian::Error& e) {
    throw IndexError("writing database '" + options.db_path + "' failed (the last committed state is kept): " +
                     e.get_description());
  }
  stats.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  return stats;
}

}  // namespace

IndexStats run_index(const IndexOptions& options, const IndexCallbacks& callbacks) {
  if (!options.rebuild) {
    remove_abandoned_builds(options.db_path);
    return index_run(options, callbacks, options.prune, std::nullopt);
  }
  BuildSwitch build(options.db_path);
  unsigned existing = existing_shard_count(options.db_path);
  // The live index stays locked until the switch: an update written to it
  // meanwhile would be lost with it.
  std::vector<ShardTarget> live;
  std::string runs;
  if (existing) {
    live = open_shards(options.db_path, 0);
    if (live[0].db) runs = live[0].db->get_metadata(schema::kMetaIndexerRuns);
  }
  IndexOptions into = options;
  into.db_path = build.partial_path();
  into.shards = options.shards ? options.shards : std::max(1u, existing);
  into.rebuild = false;
  into.prune = false;
  IndexStats stats = index_run(into, callbacks, true, runs);
  build.publish();
  return stats;
}

}  // namespace pressroom
