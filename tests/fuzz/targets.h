// The bodies of the fuzz targets: bytes in, the engine called the way the
// indexer or the server calls it, and its documented contract checked. One
// function per target, shared by
//   * the libFuzzer entry points, tests/fuzz/*_fuzzer.cc (clang, -DPRESSROOM_FUZZ=ON,
//     run by scripts/fuzz.sh), and
//   * tests/fuzz_regressions_test.cc, which replays every seed corpus and every
//     input a fuzzer ever crashed on in the ordinary and the sanitizer builds.
// A broken contract prints what broke and aborts, so libFuzzer saves the input
// as a crash; an exception the contract does not allow escapes the target and
// is a crash too (std::terminate under libFuzzer, a failed test under gtest).
#pragma once

#include <unistd.h>
#include <xapian.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "common/attribution.h"
#include "common/corpus_reader.h"
#include "common/date_text.h"
#include "common/dateline.h"
#include "common/dates.h"
#include "common/release_date.h"
#include "common/errors.h"
#include "common/ingest.h"
#include "common/metadata_extractor.h"
#include "common/phrase_wildcards.h"
#include "common/query_builder.h"
#include "common/query_text.h"
#include "common/release_json.h"
#include "common/release_validation.h"
#include "common/schema.h"
#include "common/search_request.h"
#include "common/searcher.h"
#include "common/snippet.h"
#include "common/synonyms.h"
#include "common/text_folding.h"
#include "common/user_names.h"
#include "indexer/indexer.h"

namespace pressroom::fuzz {

[[noreturn]] inline void contract_broken(const char* target, const std::string& what) {
  std::fprintf(stderr, "\n*** fuzz target %s: contract broken: %s\n", target, what.c_str());
  std::fflush(stderr);
  std::abort();
}

#define PRESSROOM_FUZZ_CHECK(target, condition, what) \
  do {                                                \
    if (!(condition)) ::pressroom::fuzz::contract_broken(target, what); \
  } while (0)

inline bool is_iso_day(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (date[i] < '0' || date[i] > '9') return false;
  auto num = [&](size_t at, size_t n) { return std::stoi(std::string(date.substr(at, n))); };
  return is_valid_day(num(0, 4), num(5, 2), num(8, 2));
}

// The synonym groups of the sample archive (corpus/synonyms.yaml), kept here
// so that a target does not depend on the working directory.
inline const Synonyms& sample_synonyms() {
  static const Synonyms synonyms = [] {
    Synonyms s;
    s.add_group({"ICE", "Immigration and Customs Enforcement"});
    s.add_group({"CBP", "Customs and Border Protection", "Border Patrol"});
    s.add_group({"DHS", "Department of Homeland Security"});
    s.add_group({"coronavirus", "COVID-19", "covid", "SARS-CoV-2"});
    s.add_group({"MPP", "Migrant Protection Protocols", "Remain in Mexico"});
    s.add_group({"asylum seeker", "solicitante de asilo"});
    s.add_group({"detención", "detention"});
    return s;
  }();
  return synonyms;
}

// What the indexer extracts metadata with: the sample archive's taxonomy and
// aliases (corpus/), or the rules alone when they are not there.
inline const ExtractionContext& extraction_context() {
  static const ExtractionContext* context = [] {
    auto* c = new ExtractionContext();
    std::filesystem::path corpus = std::filesystem::path(PRESSROOM_SOURCE_DIR) / "corpus";
    std::filesystem::path taxonomy = corpus / "taxonomy.yaml", aliases = corpus / "aliases.yaml";
    if (auto error = load_extraction_context(std::filesystem::exists(taxonomy) ? taxonomy : "",
                                             std::filesystem::exists(aliases) ? aliases : "", *c)) {
      std::fprintf(stderr, "fuzz: extraction context not loaded (%s); using the rules alone\n", error->c_str());
    }
    return c;
  }();
  return *context;
}

// ---------------------------------------------------------------------------
// Readers: the bytes of one archive file through the reader alone (which must
// not throw: ingest's catch-all is a safety net, not the contract), then
// through ingest() as the indexer does, then every accepted release into a
// Xapian document and back, and into the API's JSON.

inline void check_release(const char* target, const Release& release) {
  PRESSROOM_FUZZ_CHECK(target, is_valid_release_id(release.id), "ingest accepted an invalid id: " + release.id);
  PRESSROOM_FUZZ_CHECK(target, !release.title.empty(), "ingest accepted an empty title, id " + release.id);
  PRESSROOM_FUZZ_CHECK(target, is_iso_day(release.date), "ingest accepted date '" + release.date + "'");
  for (const std::string* field : {&release.title, &release.body, &release.summary, &release.location,
                                   &release.url, &release.type, &release.lang})
    PRESSROOM_FUZZ_CHECK(target, is_valid_utf8(*field), "ingest accepted invalid UTF-8, id " + release.id);
  thread_local Xapian::TermGenerator generator;
  Xapian::Document document = schema::document_for(release, generator);
  Release back = schema::release_from(document);
  PRESSROOM_FUZZ_CHECK(target, back.id == release.id, "document round trip changed the id " + release.id);
  PRESSROOM_FUZZ_CHECK(target, back.title == release.title, "document round trip changed the title, id " + release.id);
  (void)release_to_json(back).dump();  // the API's answer; throws on invalid UTF-8
  (void)schema::decode_facets(document.get_value(schema::kFacets));
}

inline void read_file(const char* target, const char* extension, std::string_view content) {
  const CorpusReader* reader = reader_for(std::string("fuzz") + extension);
  if (!reader) return;  // the format is not registered (yet)
  const std::string file = std::string("archive/fuzz") + extension;
  ReadBatch raw = reader->read(file, content, "archive/fuzz");
  for (const ReadIssue& issue : raw.issues) {
    PRESSROOM_FUZZ_CHECK(target, issue.file == file, "issue names another file: " + issue.to_string());
    PRESSROOM_FUZZ_CHECK(target, issue.line >= 0, "issue with a negative line: " + issue.to_string());
    PRESSROOM_FUZZ_CHECK(target, !issue.reason.empty(), "issue without a reason");
  }
  ReadBatch batch = ingest(*reader, file, content, "archive/fuzz", 0, &extraction_context());
  for (const ReadIssue& issue : batch.issues)
    PRESSROOM_FUZZ_CHECK(target, issue.reason.rfind("unreadable: ", 0) != 0,
                         "the reader threw (ingest caught it): " + issue.to_string());
  for (const Release& release : batch.releases) check_release(target, release);
  if (reader->line_oriented()) {
    // The indexer's chunked path: the same bytes as lines 101.. of a larger file.
    ReadBatch chunk = ingest(*reader, file, content, "archive/fuzz", 101, &extraction_context());
    PRESSROOM_FUZZ_CHECK(target, chunk.releases.size() == batch.releases.size(),
                         "reading as a chunk changed the number of releases");
    for (const ReadIssue& issue : chunk.issues)
      PRESSROOM_FUZZ_CHECK(target, issue.line == 0 || issue.line >= 101,
                           "chunk issue before the chunk's first line: " + issue.to_string());
    for (const Release& release : chunk.releases) check_release(target, release);
  }
}

inline void jsonl_reader(std::string_view data) { read_file("jsonl_reader", ".jsonl", data); }
inline void json_document_reader(std::string_view data) { read_file("json_document_reader", ".json", data); }
inline void markdown_reader(std::string_view data) { read_file("markdown_reader", ".md", data); }
inline void html_reader(std::string_view data) { read_file("html_reader", ".html", data); }
inline void pdf_reader(std::string_view data) { read_file("pdf_reader", ".pdf", data); }

// ---------------------------------------------------------------------------
// Written dates: the forms of common/date_text.h and the API's bounds.

inline void dates(std::string_view data) {
  const char* target = "dates";
  if (auto date = parse_written_date(data))
    PRESSROOM_FUZZ_CHECK(target, is_iso_day(*date), "parse_written_date gave '" + *date + "'");
  auto located = locate_written_date(data);
  if (located) {
    PRESSROOM_FUZZ_CHECK(target, is_iso_day(located->date), "locate_written_date gave '" + located->date + "'");
    PRESSROOM_FUZZ_CHECK(target, located->begin < located->end && located->end <= data.size(),
                         "locate_written_date span [" + std::to_string(located->begin) + ", " +
                             std::to_string(located->end) + ") outside the text of " +
                             std::to_string(data.size()) + " bytes");
  }
  auto found = find_written_date(data);
  PRESSROOM_FUZZ_CHECK(target, found.has_value() == located.has_value() && (!found || *found == located->date),
                       "find_written_date disagrees with locate_written_date");
  if (auto iso = normalize_iso_date(data))
    PRESSROOM_FUZZ_CHECK(target, is_iso_day(*iso), "normalize_iso_date gave '" + *iso + "'");
  if (auto day = parse_release_date(data))
    PRESSROOM_FUZZ_CHECK(target, is_iso_day(*day), "parse_release_date gave '" + *day + "'");
  for (BoundSide side : {BoundSide::Lower, BoundSide::Upper}) {
    if (auto bound = date_bound(data, side)) {
      PRESSROOM_FUZZ_CHECK(target, bound->size() == 8, "date_bound gave '" + *bound + "'");
      std::string iso = bound->substr(0, 4) + "-" + bound->substr(4, 2) + "-" + bound->substr(6, 2);
      PRESSROOM_FUZZ_CHECK(target, is_iso_day(iso), "date_bound gave impossible '" + *bound + "'");
    }
  }
}

// ---------------------------------------------------------------------------
// Metadata extraction from text: who says what (attribution.h), the opening
// and dateline (dateline.h), the people a user name could stand for
// (user_names.h), and enrich() over a release that has only a title and a
// body, as a bare record gets it. Input: the title on the first
// line, then the body (paragraphs separated by blank lines).

inline void check_strings_utf8(const char* target, const std::vector<std::string>& values, const char* what) {
  for (const std::string& v : values)
    PRESSROOM_FUZZ_CHECK(target, is_valid_utf8(v), std::string(what) + " is not valid UTF-8");
}

inline void attribution(std::string_view data) {
  const char* target = "attribution";
  size_t newline = data.find('\n');
  std::string_view title = data.substr(0, newline);
  std::string_view body = newline == std::string_view::npos ? std::string_view() : data.substr(newline + 1);
  const bool utf8 = is_valid_utf8(data);

  Attribution a = attribute_quotes(title, body, extraction_context().names);
  if (utf8) {
    check_strings_utf8(target, a.spokespeople, "a spokesperson");
    check_strings_utf8(target, a.contacts, "a contact");
    for (const Quote& q : a.quotes)
      check_strings_utf8(target, {q.text, q.speaker, q.role, q.organisation, q.paragraph}, "a quote's field");
  }
  for (const std::string& name : a.spokespeople)
    PRESSROOM_FUZZ_CHECK(target, !name.empty(), "an empty spokesperson");

  Opening opening = read_opening(title, body);
  if (!opening.date.empty()) PRESSROOM_FUZZ_CHECK(target, is_iso_day(opening.date), "opening date '" + opening.date + "'");
  if (auto dateline = parse_dateline(body)) {
    PRESSROOM_FUZZ_CHECK(target, dateline->length <= body.size(), "dateline longer than its paragraph");
    if (!dateline->date.empty()) PRESSROOM_FUZZ_CHECK(target, is_iso_day(dateline->date), "dateline date '" + dateline->date + "'");
  }
  if (auto date = date_from_path(title)) PRESSROOM_FUZZ_CHECK(target, is_iso_day(*date), "date_from_path gave '" + *date + "'");

  // The title's first word as a user name, and the people the body names for it.
  std::string_view user = title.substr(0, title.find(' '));
  if (looks_like_user_name(user)) {
    std::vector<std::string> names = names_for_user(user, body);
    if (utf8) check_strings_utf8(target, names, "a name for a user name");
  }

  Release release;
  release.id = "fuzz";
  release.title = std::string(title);
  release.body = std::string(body);
  enrich(release, extraction_context());
  if (!release.date.empty()) PRESSROOM_FUZZ_CHECK(target, is_iso_day(release.date), "enrich gave date '" + release.date + "'");
  if (utf8) {
    check_strings_utf8(target, {release.lang, release.type, release.location}, "an enriched field");
    check_strings_utf8(target, release.topics, "a topic");
    check_strings_utf8(target, release.spokespeople, "an enriched spokesperson");
    (void)release_to_json(release).dump();
  }
}

// ---------------------------------------------------------------------------
// Snippets. Input: byte 0 picks the language, then the query's index terms on
// the first line (space-separated), then the text.

inline void snippet(std::string_view data) {
  const char* target = "snippet";
  if (data.empty()) return;
  const Xapian::Stem& stemmer = schema::stemmer_for((data[0] & 1) ? "es" : "en");
  size_t words = 1 + static_cast<unsigned char>(data[0]) / 4;
  data.remove_prefix(1);
  size_t newline = data.find('\n');
  std::string_view term_line = data.substr(0, newline);
  std::string_view text = newline == std::string_view::npos ? std::string_view() : data.substr(newline + 1);
  std::vector<std::string> terms;
  for (size_t at = 0; at <= term_line.size();) {
    size_t space = term_line.find(' ', at);
    if (space == std::string_view::npos) space = term_line.size();
    if (space > at) terms.emplace_back(term_line.substr(at, space - at));
    at = space + 1;
  }
  SnippetOptions options;
  options.words = words;
  std::string out = make_snippet(text, terms, stemmer, options);
  // HTML-safe: once the marks are taken out, nothing that HTML reads as markup.
  std::string bare;
  int open = 0;
  for (size_t i = 0; i < out.size();) {
    if (out.compare(i, 6, "<mark>") == 0) {
      PRESSROOM_FUZZ_CHECK(target, open == 0, "nested <mark> in: " + out);
      ++open;
      i += 6;
    } else if (out.compare(i, 7, "</mark>") == 0) {
      PRESSROOM_FUZZ_CHECK(target, open == 1, "unbalanced </mark> in: " + out);
      --open;
      i += 7;
    } else {
      bare.push_back(out[i++]);
    }
  }
  PRESSROOM_FUZZ_CHECK(target, open == 0, "unclosed <mark> in: " + out);
  PRESSROOM_FUZZ_CHECK(target, bare.find_first_of("<>\"'") == std::string::npos, "unescaped markup in: " + out);
  if (is_valid_utf8(text)) {
    PRESSROOM_FUZZ_CHECK(target, is_valid_utf8(out), "a snippet of valid UTF-8 is not valid UTF-8");
    (void)nlohmann::json(out).dump();  // as the API sends it
  }
}

// ---------------------------------------------------------------------------
// Query text rewrites: synonyms, compounds, and the spans both rely on.
// Input: a first line of '|'-separated words becomes one more synonym group;
// the rest is the query.

inline void query_text(std::string_view data) {
  const char* target = "query_text";
  size_t newline = data.find('\n');
  std::string_view group_line = newline == std::string_view::npos ? std::string_view() : data.substr(0, newline);
  std::string_view query = newline == std::string_view::npos ? data : data.substr(newline + 1);

  std::string joined;
  for (const QuerySpan& span : split_query(query)) joined += span.text;
  PRESSROOM_FUZZ_CHECK(target, joined == query, "split_query's spans do not give the query back");

  std::string compounds = rewrite_compounds(query);
  (void)compound_variants(query);

  Synonyms synonyms = sample_synonyms();
  std::vector<std::string> members;
  for (size_t at = 0; at <= group_line.size();) {
    size_t bar = group_line.find('|', at);
    if (bar == std::string_view::npos) bar = group_line.size();
    members.emplace_back(group_line.substr(at, bar - at));
    at = bar + 1;
  }
  if (members.size() > 1) synonyms.add_group(members);
  std::vector<SynonymUse> uses;
  std::string expanded = synonyms.expand(std::string(query), uses);
  std::string both = synonyms.expand(compounds, uses);
  if (is_valid_utf8(query) && is_valid_utf8(group_line)) {
    PRESSROOM_FUZZ_CHECK(target, is_valid_utf8(compounds), "rewrite_compounds broke UTF-8");
    PRESSROOM_FUZZ_CHECK(target, is_valid_utf8(expanded), "Synonyms::expand broke UTF-8");
    nlohmann::json explained = nlohmann::json::array();
    for (const SynonymUse& use : uses) explained.push_back({{"matched", use.matched}, {"added", use.added}});
    (void)explained.dump();  // the API reports the expansions
  }
  // Quoted wildcards become markers, each given back as its pattern.
  QuotedWildcards wildcards(query);
  if (is_valid_utf8(query))
    PRESSROOM_FUZZ_CHECK(target, is_valid_utf8(wildcards.text()), "QuotedWildcards broke UTF-8");
  for (size_t i = 0; i < wildcards.patterns().size(); ++i)
    PRESSROOM_FUZZ_CHECK(target, wildcards.pattern_of("0pwc" + std::to_string(i) + "0") == wildcards.patterns()[i] + "*",
                         "a marker does not give its pattern back");
  // The rewritten text goes to Xapian's parser next; it must still parse or
  // fall back the way QueryBuilder does, never crash.
  Xapian::QueryParser parser;
  try {
    (void)parser.parse_query(both, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PHRASE);
  } catch (const Xapian::QueryParserError&) {
  }
}

// ---------------------------------------------------------------------------
// Search parameters and query building over a small fixed index. Input: one
// parameter per line, "name=value" (a line without '=' is a name with an
// empty value), as a URL's query string arrives once decoded.

class SearchFixture {
 public:
  static SearchFixture& get() {
    static SearchFixture fixture;
    return fixture;
  }
  Xapian::Database& db() { return db_; }
  Searcher& searcher() { return *searcher_; }

 private:
  SearchFixture() {
    dir_ = std::filesystem::temp_directory_path() / ("pressroom-fuzz-" + std::to_string(getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    static const char* kWords[] = {"detention", "asylum", "border", "clinic", "children", "court",
                                   "families", "heat", "workers", "vote", "ballot", "housing"};
    static const char* kTopics[] = {"Family Detention", "Asylum", "Public Health", "Voting Rights",
                                    "Labor", "Housing"};
    static const char* kPeople[] = {"Ana Ruiz", "Lucía Fernández", "Tomás Begay", "Grace Okafor"};
    static const char* kTypes[] = {"press-release", "statement", "report", "media-advisory"};
    static const char* kSpanish[] = {"detención", "asilo", "frontera", "clínica", "niños", "corte"};
    std::ofstream out(dir_ / "archive.jsonl");
    for (int i = 0; i < 40; ++i) {
      bool spanish = i % 4 == 3;
      nlohmann::json j;
      j["id"] = "fixture-" + std::to_string(i);
      std::string w1 = spanish ? kSpanish[i % 6] : kWords[i % 12], w2 = spanish ? kSpanish[(i + 2) % 6] : kWords[(i * 7) % 12];
      j["title"] = "ICE " + w1 + " " + w2 + " COVID-19 report " + std::to_string(i);
      j["date"] = std::to_string(2015 + i % 10) + "-" + (i % 12 < 9 ? "0" : "") + std::to_string(i % 12 + 1) + "-1" +
                  std::to_string(i % 10);
      j["type"] = kTypes[i % 4];
      j["topics"] = {kTopics[i % 6], kTopics[(i + 1) % 6]};
      j["spokespeople"] = {kPeople[i % 4]};
      j["location"] = "Tucson, AZ";
      j["lang"] = spanish ? "es" : "en";
      j["body"] = "TUCSON, AZ — Immigration and Customs Enforcement said " + w1 + " and " + w2 +
                  " on 2,500 cases.\n\n\"We will keep going,\" said " + std::string(kPeople[i % 4]) +
                  ". Customs and Border Protection and the Migrant Protection Protocols.";
      out << j.dump() << "\n";
    }
    out.close();
    IndexOptions options;
    options.db_path = (dir_ / "db").string();
    options.paths = {(dir_ / "archive.jsonl").string()};
    options.threads = 1;
    run_index(options);
    db_ = Xapian::Database(options.db_path);
    searcher_ = std::make_unique<Searcher>(options.db_path, &sample_synonyms());
  }
  ~SearchFixture() {
    searcher_.reset();
    db_.close();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  std::filesystem::path dir_;
  Xapian::Database db_;
  std::unique_ptr<Searcher> searcher_;
};

inline ParamMap params_from(std::string_view data) {
  ParamMap params;
  for (size_t at = 0; at < data.size();) {
    size_t newline = data.find('\n', at);
    if (newline == std::string_view::npos) newline = data.size();
    std::string_view line = data.substr(at, newline - at);
    size_t eq = line.find('=');
    if (eq == std::string_view::npos) params.emplace(std::string(line), "");
    else params.emplace(std::string(line.substr(0, eq)), std::string(line.substr(eq + 1)));
    at = newline + 1;
  }
  return params;
}

// The suggestion endpoint reads the same parameters: InvalidParameter only.
inline void suggest_request(const ParamMap& params) {
  try {
    (void)parse_suggest_request(params);
  } catch (const InvalidParameter&) {
  }
}

inline void search_request(std::string_view data) {
  const char* target = "search_request";
  ParamMap params = params_from(data);
  SearchRequest request;
  try {
    request = parse_search_request(params);
  } catch (const InvalidParameter& e) {
    PRESSROOM_FUZZ_CHECK(target, !e.parameter().empty() && *e.what(), "InvalidParameter without a name or message");
    return;
  }
  PRESSROOM_FUZZ_CHECK(target, request.page >= 1, "page " + std::to_string(request.page));
  PRESSROOM_FUZZ_CHECK(target, request.size >= 1 && request.size <= kMaxPageSize, "size " + std::to_string(request.size));
  PRESSROOM_FUZZ_CHECK(target, static_cast<long long>(request.page) * request.size <= kMaxResultWindow,
                       "page × size past the result window");
  PRESSROOM_FUZZ_CHECK(target, request.q.size() <= kMaxQueryBytes, "q longer than kMaxQueryBytes");
  for (const std::string* bound : {&request.from, &request.to})
    PRESSROOM_FUZZ_CHECK(target, bound->empty() || bound->size() == 8, "date bound '" + *bound + "'");
  suggest_request(params);
  SearchFixture& fixture = SearchFixture::get();

  QueryBuilder builder(fixture.db(), &sample_synonyms());
  BuiltQuery built;
  try {
    built = builder.build(request);
  } catch (const InvalidParameter&) {
    return;  // text without a searchable word
  }
  PRESSROOM_FUZZ_CHECK(target, built.has_text || request.q.empty() || built.text.empty(),
                       "a browse with a text query");
  Xapian::Enquire enquire(fixture.db());
  enquire.set_query(built.query);
  (void)enquire.get_mset(0, 10);  // any Xapian error here would reach the user as a 500

  SearchResult result = fixture.searcher().search(request);
  PRESSROOM_FUZZ_CHECK(target, result.hits.size() <= static_cast<size_t>(request.size), "more hits than size");
  PRESSROOM_FUZZ_CHECK(target, result.total <= fixture.db().get_doccount(), "more matches than documents");
  for (const SearchHit& hit : result.hits)
    PRESSROOM_FUZZ_CHECK(target, is_valid_utf8(hit.snippet), "snippet of " + hit.release.id + " is not UTF-8");
}

}  // namespace pressroom::fuzz
