// pressroom-index: reads archive files into a pressroom Xapian database.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "common/corpus_reader.h"
#include "common/phrase_pairs.h"
#include "common/sharding.h"
#include "indexer/indexer.h"

namespace {

// From this size a phrase of two frequent words takes tens of milliseconds
// by positions (docs/benchmarks.md, "Session 8").
constexpr uint64_t kSuggestPhrasePairsFrom = 50000;

void print_progress(const pressroom::IndexStats& s) {
  double rate = s.seconds > 0 ? s.processed() / s.seconds : 0;
  std::fprintf(stderr, "\r%llu documents, %llu files, %.0f docs/s   ",
               static_cast<unsigned long long>(s.processed()), static_cast<unsigned long long>(s.files), rate);
  std::fflush(stderr);
}

// Facets that list user names ("jparcell") read like a login screen: the
// aliases file turns each into its person, and the releases often say who
// that is. Suggested, never applied: the reader of the lines decides.
void report_user_names(const std::vector<pressroom::UserNameEvidence::Suggestion>& users) {
  if (users.empty()) return;
  constexpr size_t kListed = 8, kSuggested = 20;
  std::string listed;
  for (size_t i = 0; i < users.size() && i < kListed; ++i)
    listed += (i ? ", " : "") + users[i].user + " (" + std::to_string(users[i].releases) + ")";
  if (users.size() > kListed) listed += ", …";
  spdlog::info("{} spokespeople are user names, and facets show them so ({}); the aliases file "
               "(docs/extraction.md, One name per person) maps each to the person it stands for",
               users.size(), listed);
  size_t suggested = 0;
  for (const auto& user : users) {
    if (user.name.empty() || suggested++ >= kSuggested) continue;
    spdlog::info("  {}: [{}]    # named so in {} of its {} releases", user.name, user.user, user.named_in,
                 user.releases);
  }
}

}  // namespace

int main(int argc, char** argv) {
  pressroom::IndexOptions options;
  bool strict = false;
  bool quiet = false;
  std::string extensions;
  for (const auto& ext : pressroom::supported_extensions()) extensions += (extensions.empty() ? "" : " ") + ext;

  CLI::App app{"pressroom-index: index an archive of press releases into a Xapian database.\n"
               "Reads files and folders (recursively; format by extension: " + extensions + ").\n"
               "Re-running updates the database: changed releases are replaced, unchanged ones skipped.\n"
               "Drafts and releases scheduled or embargoed for later are left out (docs/corpus-format.md)."};
  app.add_option("--db", options.db_path, "Database directory (created if missing)")->required();
  app.add_option("paths", options.paths, "Files and folders to index")->required();
  app.add_flag("--prune", options.prune,
               "Delete releases not found in this run (the paths are the whole archive)");
  app.add_flag("--rebuild", options.rebuild,
               "Build the whole archive (the paths) into a fresh database in DB.builds/<UTC time>/ and "
               "switch DB, a symbolic link, to it atomically; the previous build is kept for servers that "
               "still read it, older ones are deleted. A plain DB folder becomes the previous build");
  app.add_flag("--strict", strict, "Exit with status 1 when any record or file was skipped");
  app.add_option("--threads", options.threads, "Worker threads for parsing (0 = one per core this process may use: its CPU affinity and cgroup quota)")
      ->capture_default_str();
  app.add_option("--shards", options.shards,
                 "Spread releases over this many databases by a hash of their id, written in parallel "
                 "(the --db folder then holds shard-00... and a XAPIANDB stub that opens them as one); "
                 "0 = as the existing index is, 1 for a new one")
      ->capture_default_str()->check(CLI::Range(0u, pressroom::kMaxShards));
  app.add_option("--commit-every", options.commit_every, "Documents written between commits")
      ->capture_default_str()->check(CLI::PositiveNumber);
  app.add_option("--part-documents", options.part_documents,
                 "A new database (a first run, a new shard, --rebuild) is built in parts of this many "
                 "documents merged at the end (smaller parts: less CPU per document, more files to merge)")
      ->capture_default_str()->check(CLI::PositiveNumber);
  app.add_option("--taxonomy", options.taxonomy_path,
                 "Topics and their phrases, used to choose topics for releases that have none "
                 "(default: taxonomy.yaml in the first given folder that has one; none: no topics "
                 "are extracted)");
  app.add_option("--aliases", options.aliases_path,
                 "Canonical spokesperson names and their variants, used for names found in the text "
                 "and for the spokespeople a source lists, such as a content system's user names; a run "
                 "suggests lines for the user names it finds (default: aliases.yaml in the first given "
                 "folder that has one)");
  bool no_phrase_pairs = false;
  app.add_flag("--no-phrase-pairs", no_phrase_pairs,
               "A new index (a first run, --rebuild) gets no phrase-pair terms: about a tenth smaller, but "
               "a phrase of two words that are both in most releases is slower (docs/architecture.md, Phrase pairs). "
               "By default a new index built from 1,000 releases or more learns which words are frequent "
               "from its first 2,000 and indexes their adjacent pairs; an existing index keeps what it has");
  app.add_flag("--word-sequences", options.word_sequences,
               "A new index (a first run, --rebuild) keeps its words' positions as one word sequence per release "
               "rather than in Xapian's position table: about a third smaller and faster to build, but a phrase "
               "of frequent words is slower (pair filters keep most such phrases under 50 ms at 1M releases), "
               "it cannot be served over xapian-tcpsrv, and "
               "Xapian's own tools (quest) answer its phrases as ANDs (docs/architecture.md, Word sequences); "
               "an existing index keeps what it has");
  app.add_flag("-q,--quiet", quiet, "Only print errors and the summary");
  app.footer("Metadata a release leaves empty (date, type, location, language, spokespeople, contacts,\n"
             "quotes, topics) is recovered from its text and marked as extracted; see docs/extraction.md.");
  CLI11_PARSE(app, argc, argv);
  if (no_phrase_pairs) options.phrase_pair_sample = pressroom::IndexOptions::kNoPhrasePairs;

  spdlog::set_default_logger(spdlog::stderr_color_mt("pressroom-index"));
  spdlog::set_pattern("%^%l%$: %v");
  bool tty = isatty(STDERR_FILENO) && !quiet;
  pressroom::IndexCallbacks callbacks;
  callbacks.on_issue = [&](const pressroom::ReadIssue& issue) {
    if (tty) std::fprintf(stderr, "\r\033[K");
    spdlog::warn("skipped {}", issue.to_string());
  };
  callbacks.on_withheld = [&](const pressroom::WithheldRelease& draft) {
    if (tty) std::fprintf(stderr, "\r\033[K");
    spdlog::info("left out (not published): {}", draft.where.to_string());
  };
  if (tty) callbacks.on_progress = print_progress;

  if (!quiet) {
    pressroom::ExtractionFiles extraction = pressroom::extraction_files_for(options);
    spdlog::info("metadata extraction: taxonomy {}, aliases {}",
                 extraction.taxonomy.empty() ? "none (topics are not extracted)" : extraction.taxonomy,
                 extraction.aliases.empty() ? "none" : extraction.aliases);
  }
  // Xapian would flush every 10,000 documents on its own; the indexer
  // flushes where it commits (updates) or where a part ends (new databases).
  ::setenv("XAPIAN_FLUSH_THRESHOLD", "1000000000", 0);
  pressroom::IndexStats stats;
  try {
    stats = pressroom::run_index(options, callbacks);
  } catch (const pressroom::IndexError& e) {
    if (tty) std::fprintf(stderr, "\r\033[K");
    spdlog::error("{}", e.what());
    return 2;
  }
  if (tty) std::fprintf(stderr, "\r\033[K");
  double mb = stats.bytes / 1e6;
  spdlog::info("indexed {} into {}: {} added, {} replaced, {} unchanged, {} deleted, {} listing entries merged into their full page, {} written as near duplicates of another release, {} left out as not published ({} of them taken out of the index), {} skipped with errors; "
               "{} files, {:.1f} MB in {:.2f} s ({:.0f} docs/s)",
               options.paths.size() == 1 ? options.paths[0] : std::to_string(options.paths.size()) + " paths",
               options.db_path, stats.added, stats.replaced, stats.unchanged, stats.deleted, stats.merged, stats.duplicates, stats.withheld, stats.withdrawn, stats.skipped,
               stats.files, mb, stats.seconds, stats.seconds > 0 ? stats.processed() / stats.seconds : 0.0);
  if (!quiet && stats.merge_seconds + stats.grouping_seconds >= 1)
    spdlog::info("of which {:.2f} s merging the parts of new databases and {:.2f} s settling near-duplicate groups",
                 stats.merge_seconds, stats.grouping_seconds);
  if (!quiet && stats.word_sequences)
    spdlog::info("the index keeps its words' positions as word sequences (built with --word-sequences; "
                 "docs/architecture.md, Word sequences)");
  if (options.word_sequences && !stats.word_sequences)
    spdlog::warn("--word-sequences applies to a new index (a first run, --rebuild): this index keeps Xapian's "
                 "positions");
  // A list is learned only when an index is built: one that began small
  // and grew large answers phrases of frequent words by positions.
  // Not after a run that built the index (it wrote every release), nor for
  // one built without pairs on purpose.
  if (!quiet && !stats.phrase_pairs && !stats.phrase_pairs_declined && !no_phrase_pairs &&
      stats.added < stats.documents && stats.documents >= kSuggestPhrasePairsFrom)
    spdlog::info("the index ({} releases) has no phrase-pair list, so phrases of frequent words read the positions "
                 "of most releases; --rebuild builds it anew with one (docs/architecture.md, Phrase pairs)",
                 stats.documents);
  // Likewise the word vocabulary: learned once, from the releases of the
  // first run (up to 2,000).
  if (!quiet && stats.word_sequences && stats.added < stats.documents &&
      stats.word_vocabulary_sample < pressroom::PhrasePairs::kMaxSample && stats.documents >= kSuggestPhrasePairsFrom)
    spdlog::info("the index ({} releases) keeps word sequences with a vocabulary learned from its first {} releases, "
                 "so it spells out more words than it needs to: --rebuild --word-sequences learns it anew "
                 "(docs/architecture.md, Word sequences)",
                 stats.documents, stats.word_vocabulary_sample);
  if (!quiet) report_user_names(stats.user_names);
  return strict && stats.skipped > 0 ? 1 : 0;
}
