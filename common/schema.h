// The index schema: every term prefix, value slot and the stored document data
// of a pressroom database, defined here and nowhere else. The indexer writes
// documents with document_for(); the server reads them with release_from().
//
// Prefixes follow Xapian Omega's conventions (docs/termprefixes.rst) so that
// `quest` and `xapian-delve` work on our databases:
//   Q   unique id (boolean)              Q2020-11-18-family-detention
//   S   title words (free text)          Sdetention
//   A   spokesperson, folded full name   Aana ruiz          (boolean, multi-valued)
//   B   topic, folded                    Bfamily detention  (boolean, multi-valued)
//   L   ISO 639-1 language code          Les
//   Y   year                             Y2020
//   M   year and month                   M202011
//   D   day                              D20201118
//   XTYPE release type (boolean)         XTYPEpress-release
//   XL  location words (free text)       XLtucson
//   XS  title words, unstemmed (suggestions as you type)  XSdetention
//   XQ  words of the release's quoted statements (free text, no positions)
//   XQA speaker of a quoted statement, folded (boolean)  XQAana ruiz
//   XDT near-duplicate key: normalised title + date (16 hex)   XDT3f0c…
//   XDU near-duplicate key: the url's match key (16 hex)       XDU91ab…
//   XDB near-duplicate key: one MinHash band of the text's shingles, the
//       band's number then 12 hex digits (near_duplicate.h)   XDB4c2e…
//   XDG duplicate group of the release (boolean)  XDG2020-11-18-family-detention
//   XP  two adjacent words of the text that are both frequent, a space
//       between (boolean; only in an index with a phrase-pair list, see
//       phrase_pairs.h)                      XPport school
//   (none) title and body words, stemmed in the release's language, with
//       positions; plus the joined forms of compounds ("covid19" for COVID-19,
//       "2500" for 2,500; query_text.h), without positions
//
// Dates and sort keys live in value slots (Omega recommends slots over date
// terms for ranges; the Y/M/D terms serve browsing and `quest`).
//
// Near duplicates: a release's XDT/XDU/XDB terms find the releases it may
// copy (duplicate_finder.h); the indexer then sets its group (kDupGroup and
// XDG). Every release has a group, its own id when it copies nothing; the
// searcher collapses on kDupGroup and lists a group's members through XDG.
// A copy (a release whose group is not its own id) also carries its group in
// kCopyOf, for the facet counts over remote shards (facet_counter.h).
//
// Facets are stored twice, for two ways of counting them (facet_counter.h):
// - kFacets holds every facet of a release in one value, read once per
//   release to build the in-memory facet table of a local index;
// - the per-position slots (kFacetType, kFacetMonth, kFacetTopic + i,
//   kFacetSpokesperson + i) hold one value each, so that Xapian's own
//   ValueCountMatchSpy, which counts one value per slot and which a stock
//   xapian-tcpsrv knows how to run, counts exact facets over remote shards.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/near_duplicate.h"
#include "common/release.h"

namespace pressroom::schema {

// Bumped whenever what document_for() writes changes; part of the content
// hash, so an indexer run after an upgrade rewrites every document.
inline constexpr int kVersion = 7;

// The oldest index a server searches over xapian-tcpsrv: counting facets
// there needs kCopyOf (version 5). Local databases of any version are read.
inline constexpr int kMinRemoteVersion = 5;

namespace prefix {
inline constexpr std::string_view kId = "Q";
inline constexpr std::string_view kTitle = "S";
inline constexpr std::string_view kSpokesperson = "A";
inline constexpr std::string_view kTopic = "B";
inline constexpr std::string_view kLanguage = "L";
inline constexpr std::string_view kYear = "Y";
inline constexpr std::string_view kMonth = "M";
inline constexpr std::string_view kDay = "D";
inline constexpr std::string_view kType = "XTYPE";
inline constexpr std::string_view kLocation = "XL";
inline constexpr std::string_view kTitleWord = "XS";
inline constexpr std::string_view kQuoteWord = "XQ";
inline constexpr std::string_view kQuoteSpeaker = "XQA";
inline constexpr std::string_view kDupTitleDate = "XDT";
inline constexpr std::string_view kDupUrl = "XDU";
inline constexpr std::string_view kDupBand = "XDB";
inline constexpr std::string_view kDupGroup = "XDG";
inline constexpr std::string_view kPhrasePair = "XP";
}  // namespace prefix

enum Slot : Xapian::valueno {
  kDate = 0,         // "YYYYMMDD": sorts as a string; ranges use OP_VALUE_RANGE.
  kId = 1,           // the release id: the final tie-breaker of every sort.
  kFacets = 2,       // encode_facets(): type, year, topics, spokespeople.
  kContentHash = 3,  // content_hash() as 16 hex digits: unchanged releases are skipped.
  kSource = 4,       // source file path, for reporting and pruning.
  // The duplicate group: the id of the release that started it (a label only:
  // it stays when that release is deleted), suffixed "#2", "#3"… when the
  // label is still held by releases that no longer match its owner.
  kDupGroup = 5,
  // Only on a copy, a release whose group is not its own id: the group (as
  // kDupGroup). Over remote shards one value-count spy on it names the groups
  // whose copies matched, so that the facet counts take back what the other
  // spies counted twice (facet_counter.h); copies are rare, so it costs
  // little. A group's label owner has no kCopyOf; "id#2" labels make their
  // own releases carry one, which is harmless.
  kCopyOf = 6,
  // The title as stored (version 6): what a suggestion shows, read without
  // decoding the stored release (its body is most of it). Empty in an index
  // written before version 6, and in an index built with --word-sequences
  // (since session 14): there it repeated the stored title in 87 bytes a
  // release that the size target could not spare (docs/benchmarks.md,
  // "Session 14"), and suggestions decode the stored release instead.
  kTitle = 7,
  // Sort keys, one slot each because a stock xapian-tcpsrv sorts remote
  // shards by value but cannot run a KeyMaker: date, then id, so that equal
  // dates order the same however releases are spread over shards.
  kSortNewest = 8,   // sort_key_newest_first(): descending gives newest first, ids ascending
  kSortOldest = 9,   // date then id: ascending gives oldest first, ids ascending
  // Facets by position, for the value-count spies of remote shards
  // (facet_counter.h); local databases count from kFacets. Not in an index
  // built with --word-sequences (since session 16), which is never remote.
  kFacetType = 10,   // the type's display form
  kFacetMonth = 11,  // "YYYY-MM"
  kFacetTopic = 12,  // kFacetTopic + i: the release's i-th topic (display form)
  kFacetSpokesperson = kFacetTopic + 16,  // + i: its i-th spokesperson
  // The release's word sequence (word_sequence.h): its words' positions, in
  // an index built with word sequences, which keeps no Xapian positions.
  kWordSequence = kFacetSpokesperson + 16,
  // Its pair filter (pair_filter.h): which frequent words it has side by
  // side, so that a phrase check skips most releases without reading their
  // sequence. Absent from a release with no filtered pair, and from every
  // release of an index whose vocabulary has no frequencies (format 2).
  kPairFilter = kWordSequence + 1,
};

// Positions available for each multi-valued facet in the per-position slots;
// values past the last position are counted by the facet table (local
// indexes) but not over remote shards, so releases should stay below it.
inline constexpr unsigned kFacetPositions = 16;

// The longest term written: Xapian's limit is 245 bytes for glass.
inline constexpr size_t kMaxTermBytes = 240;

// Database metadata keys.
inline constexpr const char* kMetaSchemaVersion = "pressroom.schema_version";
inline constexpr const char* kMetaIndexedAt = "pressroom.indexed_at";  // ISO 8601 UTC
inline constexpr const char* kMetaIndexerRuns = "pressroom.indexer_runs";  // runs that changed the index
inline constexpr const char* kMetaLastRunSkipped = "pressroom.last_run_skipped";  // records skipped then
// Sharded indexes (common/sharding.h): each shard's position and the shard
// count, "3/4". The keys above are written to every shard alike, so that the
// combined database (whose get_metadata reads the first shard) answers them.
inline constexpr const char* kMetaShard = "pressroom.shard";
// The spelling mirror (common/spelling_mirror.h): the database's spelling
// table — word → frequency, exactly what spellings_begin() lists — copied
// into its metadata, which a stock xapian-tcpsrv serves where its protocol
// has no access to spellings. The head, under kMetaSpelling, is
// "<chunks> <16 hex digits of FNV-1a of the chunks' content>"; chunk i,
// under spelling_chunk_key(i), holds "word\tfrequency\n" lines in word
// order, about kSpellingChunkBytes long. Written by every indexer run that
// changes the table, in the commit that changes it.
inline constexpr const char* kMetaSpelling = "pressroom.spelling";
inline constexpr size_t kSpellingChunkBytes = 1 << 20;
// How many per-position facet slots hold values in the database:
// "<topic positions> <spokesperson positions>" (FacetSlots in
// facet_counter.h), written by every commit that changes it, so that a
// server over xapian-tcpsrv learns it in one metadata read per shard rather
// than one round trip per slot.
inline constexpr const char* kMetaFacetPositions = "pressroom.facet_positions";
// The phrase-pair list (PhrasePairs::encode()), learned when the index was
// built and never changed after: which adjacent words carry an XP term. Every
// shard of an index holds the same list; absent when none was learned.
inline constexpr const char* kMetaPhrasePairs = "pressroom.phrase_pairs";
// Its value for an index built with --no-phrase-pairs: no list, by choice.
inline constexpr const char* kPhrasePairsOff = "off";
// The word vocabulary (WordVocabulary::encode()) of an index that keeps its
// positions as word sequences (kWordSequence), learned when the index was
// built and never changed after; absent (or "") when the index keeps Xapian's
// positions. Every shard of an index holds the same one.
inline constexpr const char* kMetaWordSequences = "pressroom.word_sequences";
// word_sequences_id() of it: what a search reads to find the vocabulary (a
// few bytes rather than the whole list).
inline constexpr const char* kMetaWordSequencesId = "pressroom.word_sequences_id";
std::string word_sequences_id(std::string_view stored_vocabulary);

// Relevance: the title counts this many times a body word.
inline constexpr Xapian::termcount kTitleWeight = 3;

// The stemmer for a release language ("es" → Spanish, anything else English),
// owned by the calling thread (stemmers are not thread-safe).
const Xapian::Stem& stemmer_for(std::string_view lang);

// The words of a (accent-stripped) title, lower case and unstemmed: the
// XS terms and the spelling dictionary's words.
std::vector<std::string> title_words(std::string_view title);

// The unique id term of release `id` (Q + id, cut to Xapian's term length
// limit on a UTF-8 boundary).
std::string id_term(std::string_view id);

// Boolean term for a facet value: prefix + fold_key(value), cut to Xapian's
// term length limit on a UTF-8 boundary.
std::string boolean_term(std::string_view prefix, std::string_view value);

// The key that spellings of one name share: fold_key() with hyphens and
// underscores as spaces ("COVID-19", "covid-19" and "Covid 19" → "covid 19"),
// so that a slug's name and the name written out are one topic or person.
std::string name_key(std::string_view name);

// The B, A and XQA terms of a topic, a spokesperson and a statement's
// speaker, as a release or a filter names them: prefix + name_key() of the
// name a slug stands for (slug_names.h), so "user-experience" and "User
// Experience" give one term. Indexes before schema version 7 folded with
// fold_key() alone: legacy_name_term() is that term.
std::string topic_term(std::string_view topic);
std::string spokesperson_term(std::string_view person);
std::string quote_speaker_term(std::string_view speaker);
std::string legacy_name_term(std::string_view prefix, std::string_view name);

// The kSortNewest value: "YYYYMMDD" then the id with every byte inverted and
// a final 0xff, so that a descending sort puts newer dates first and, on the
// same date, ids in ascending order.
std::string sort_key_newest_first(std::string_view yyyymmdd, std::string_view id);

// The Xapian document for a valid, normalised release: terms, values and the
// release's JSON as document data. `generator` is reused across calls for
// speed; its stemmer is set here from the release language.
Xapian::Document document_for(const Release& release, Xapian::TermGenerator& generator);

// Same, with the release's duplicate_profile() already computed.
Xapian::Document document_for(const Release& release, Xapian::TermGenerator& generator,
                              const DuplicateProfile& duplicates);

// The terms under which a release with this profile finds its possible
// copies (and is found by them): XDT, XDU and XDB.
std::vector<std::string> duplicate_terms(const DuplicateProfile& profile);

// The XDG term of a duplicate group.
std::string duplicate_group_term(std::string_view key);

// Puts `document` in duplicate group `key` (kDupGroup and its XDG term,
// and kCopyOf unless `key` is its id), replacing the group it had.
// document_for() puts a release in its own.
void set_duplicate_group(Xapian::Document& document, std::string_view key);

// The release stored in a document's data. Throws std::runtime_error when the
// data is not a pressroom document.
Release release_from(const Xapian::Document& document);

// A stable 64-bit hash (FNV-1a) of the release's stored form and the schema
// version, as 16 hex digits.
std::string content_hash(const Release& release);

// The facet slot's value: fields separated by \x1e (type, month as YYYY-MM,
// topics, spokespeople), list items by \x1f, display forms kept.
std::string encode_facets(const Release& release);

// The key of chunk `index` of the spelling mirror: "pressroom.spelling.0".
std::string spelling_chunk_key(size_t index);

// One word of a spelling table and its frequency.
struct SpellingEntry {
  std::string word;
  Xapian::termcount frequency = 0;
};

// A spelling mirror as it is stored: the head and the chunks' values.
struct SpellingMirror {
  std::string head;
  std::vector<std::string> chunks;
};

// The mirror of `words` (in word order, as spellings_begin() lists them).
// A word holding a tab or a newline cannot be written and is left out (the
// indexer's spelling words are letters and digits only).
SpellingMirror encode_spelling_mirror(const std::vector<SpellingEntry>& words);

// The number of chunks a head names; nullopt when `head` is not a mirror's
// head (an index written before mirrors has none: "").
std::optional<size_t> spelling_mirror_chunks(std::string_view head);

// The words of a mirror whose chunks are `chunks`, or nullopt when they do
// not add up to `head` (a chunk missing or not of the same write).
std::optional<std::vector<SpellingEntry>> decode_spelling_mirror(std::string_view head,
                                                                 const std::vector<std::string>& chunks);

struct FacetRecord {
  std::string_view type;
  std::string_view month;  // YYYY-MM; the year is its first four characters
  std::vector<std::string_view> topics;
  std::vector<std::string_view> spokespeople;
};
// Decodes encode_facets() output; the views point into `encoded`.
FacetRecord decode_facets(std::string_view encoded);

}  // namespace pressroom::schema
