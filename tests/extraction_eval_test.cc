// Evidence for the metadata extractor (docs/extraction.md): precision and
// recall of each extractor on a labelled test set written for this project
// (tests/extraction/: JSON Lines, Markdown, HTML pages and PDF text as plain
// text, with the metadata left out of the files; a held-out part written after
// tuning is also reported on its own), and, as an independent check, on
// the sample archive corpus/ with its source metadata hidden from the
// extractor. The test fails below the targets of issue 3.
//
// Set PRESSROOM_EVAL_VERBOSE=1 to print every disagreement.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/corpus_reader.h"
#include "common/dateline.h"
#include "common/ingest.h"
#include "common/jsonl_reader.h"
#include "common/metadata_extractor.h"
#include "common/release_validation.h"
#include "common/schema.h"
#include "common/text_folding.h"
#include "indexer/indexer.h"
#include "tests/fixtures.h"

namespace pressroom {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = PRESSROOM_SOURCE_DIR;
const fs::path kTestSet = kSource / "tests" / "extraction";

// Targets of issue 3.
constexpr double kDateAccuracy = 0.97;
constexpr double kTypeAccuracy = 0.97;
constexpr double kSpokespeoplePrecision = 0.95;
constexpr double kSpokespeopleRecall = 0.90;
constexpr double kTopicPrecision = 0.85;

bool verbose() {
  const char* value = std::getenv("PRESSROOM_EVAL_VERBOSE");
  return value && *value && std::string(value) != "0";
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : "; ") + item;
  return "[" + out + "]";
}

// ------------------------------------------------------------------ scoring

struct Accuracy {
  size_t right = 0, total = 0;
  void add(bool ok) {
    ++total;
    right += ok;
  }
  double value() const { return total ? static_cast<double>(right) / static_cast<double>(total) : 1.0; }
};

struct PrecisionRecall {
  size_t matched = 0, predicted = 0, expected = 0;
  double precision() const { return predicted ? static_cast<double>(matched) / static_cast<double>(predicted) : 1.0; }
  double recall() const { return expected ? static_cast<double>(matched) / static_cast<double>(expected) : 1.0; }

  // Compares two lists of names or topics ignoring case and accents; returns
  // the disagreements as "+extra" and "-missed".
  std::vector<std::string> add(const std::vector<std::string>& got, const std::vector<std::string>& want) {
    std::set<std::string> got_keys, want_keys;
    for (const auto& g : got) got_keys.insert(fold_key(g));
    for (const auto& w : want) want_keys.insert(fold_key(w));
    std::vector<std::string> diff;
    for (const auto& g : got_keys) {
      if (want_keys.count(g)) ++matched;
      else diff.push_back("+" + g);
    }
    for (const auto& w : want_keys)
      if (!got_keys.count(w)) diff.push_back("-" + w);
    predicted += got_keys.size();
    expected += want_keys.size();
    return diff;
  }
};

struct Report {
  std::string name;
  size_t releases = 0;
  std::map<std::string, size_t> formats;
  Accuracy date, type, location, lang;
  PrecisionRecall spokespeople, contacts, quotes, topics;
  std::vector<std::string> misses;

  void miss(const std::string& where, const std::string& field, const std::string& detail) {
    misses.push_back(where + ": " + field + " " + detail);
  }

  void print() const {
    std::string formats_text;
    for (const auto& [format, count] : formats)
      formats_text += (formats_text.empty() ? "" : ", ") + std::to_string(count) + " " + format;
    std::printf("\n%s: %zu releases (%s)\n", name.c_str(), releases, formats_text.c_str());
    auto accuracy = [](const char* field, const Accuracy& a) {
      if (a.total) std::printf("  %-13s accuracy  %.3f  (%zu/%zu)\n", field, a.value(), a.right, a.total);
    };
    auto pr = [](const char* field, const PrecisionRecall& p) {
      if (p.expected || p.predicted)
        std::printf("  %-13s precision %.3f  recall %.3f  (%zu matched, %zu extracted, %zu labelled)\n", field,
                    p.precision(), p.recall(), p.matched, p.predicted, p.expected);
    };
    accuracy("date", date);
    accuracy("type", type);
    accuracy("location", location);
    accuracy("language", lang);
    pr("spokespeople", spokespeople);
    pr("contacts", contacts);
    pr("quotes", quotes);
    pr("topics", topics);
    if (verbose() || misses.size() <= 40)
      for (const std::string& m : misses) std::printf("    %s\n", m.c_str());
    else
      std::printf("    (%zu disagreements; PRESSROOM_EVAL_VERBOSE=1 lists them)\n", misses.size());
  }
};

const ExtractionContext& context() {
  static const ExtractionContext loaded = [] {
    ExtractionContext c;
    auto error = load_extraction_context(kSource / "corpus" / "taxonomy.yaml", kSource / "corpus" / "aliases.yaml", c);
    EXPECT_FALSE(error) << *error;
    return c;
  }();
  return loaded;
}

// ------------------------------------------------------------------ test set

struct LabelledQuote {
  std::string speaker, starts;
};

struct Label {
  std::string source;
  int line = 0;
  std::string title;  // for text files: what an HTML or PDF reader takes as the title
  std::string date, type, location, lang;
  std::vector<std::string> spokespeople, contacts, topics;
  std::vector<LabelledQuote> quotes;
  bool heldout = false;  // written after the extractor was tuned, to estimate how it does on new text
};

std::vector<Label> load_labels() {
  std::vector<Label> labels;
  std::ifstream in(kTestSet / "labels.jsonl");
  std::string line;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json j = nlohmann::json::parse(line);
    Label l;
    l.source = j.at("source");
    l.line = j.value("line", 0);
    l.title = j.value("title", "");
    l.date = j.at("date");
    l.type = j.at("type");
    l.location = j.at("location");
    l.lang = j.at("lang");
    l.spokespeople = j.at("spokespeople").get<std::vector<std::string>>();
    l.contacts = j.at("contacts").get<std::vector<std::string>>();
    l.topics = j.at("topics").get<std::vector<std::string>>();
    for (const auto& q : j.at("quotes")) l.quotes.push_back({q.at("speaker"), q.at("starts")});
    l.heldout = j.value("heldout", false);
    labels.push_back(std::move(l));
  }
  return labels;
}

std::string format_of(const fs::path& file) {
  std::string ext = file.extension().string();
  if (ext == ".jsonl") return "JSON Lines";
  if (ext == ".md") return "Markdown";
  if (ext == ".html" || ext == ".htm") return "HTML";
  if (ext == ".pdf") return "PDF";
  return "plain text (as from PDF)";
}

// The release as its reader gives it, before enrichment. Plain text files
// stand in for what the PDF reader gives: the text, and a title (labels.jsonl).
std::optional<Release> read_input(const Label& label) {
  fs::path file = kTestSet / label.source;
  std::string content = read_file(file);
  if (const CorpusReader* reader = reader_for(file)) {
    ReadBatch batch = reader->read(label.source, content, file.stem().string());
    for (Release& r : batch.releases)
      if (label.line == 0 || r.source_line == label.line) return std::move(r);
    return std::nullopt;
  }
  Release r;
  r.id = file.stem().string();
  r.title = label.title;
  r.body = content;
  r.source = label.source;
  return r;
}

// Typography aside: Markdown's smart punctuation turns "can't" into "can’t".
std::string comparable(const std::string& text) {
  std::string folded = fold_key(text), out;
  for (size_t i = 0; i < folded.size(); ++i) {
    if (folded.compare(i, 3, "\xE2\x80\x99") == 0) {
      out.push_back('\'');
      i += 2;
    } else {
      out.push_back(folded[i]);
    }
  }
  return out;
}

bool quote_matches(const Quote& got, const LabelledQuote& want) {
  return fold_key(got.speaker) == fold_key(want.speaker) && comparable(got.text).rfind(comparable(want.starts), 0) == 0;
}

// The whole labelled set, or only the releases written after tuning.
Report evaluate_test_set(bool heldout_only = false) {
  Report report;
  report.name = heldout_only ? "Held-out part of the test set (written after tuning)" : "Test set tests/extraction";
  for (const Label& label : load_labels()) {
    if (heldout_only && !label.heldout) continue;
    std::string where = label.source + (label.line ? ":" + std::to_string(label.line) : "");
    auto input = read_input(label);
    EXPECT_TRUE(input) << "cannot read " << where;
    if (!input) continue;
    Release r = std::move(*input);
    enrich(r, context());
    ++report.releases;
    ++report.formats[format_of(label.source)];

    auto compare = [&](Accuracy& a, const char* field, const std::string& got, const std::string& want) {
      a.add(got == want);
      if (got != want) report.miss(where, field, "'" + got + "' (want '" + want + "')");
    };
    compare(report.date, "date", r.date, label.date);
    compare(report.type, "type", r.type, label.type);
    compare(report.location, "location", r.location, label.location);
    compare(report.lang, "lang", r.lang, label.lang);
    auto lists = [&](PrecisionRecall& p, const char* field, const std::vector<std::string>& got,
                     const std::vector<std::string>& want) {
      std::vector<std::string> diff = p.add(got, want);
      if (!diff.empty()) report.miss(where, field, join(diff));
    };
    lists(report.spokespeople, "spokespeople", r.spokespeople, label.spokespeople);
    lists(report.contacts, "contacts", r.contacts, label.contacts);
    lists(report.topics, "topics", r.topics, label.topics);

    std::vector<bool> used(r.quotes.size(), false);
    for (const LabelledQuote& want : label.quotes) {
      bool found = false;
      for (size_t i = 0; i < r.quotes.size() && !found; ++i) {
        if (used[i] || !quote_matches(r.quotes[i], want)) continue;
        used[i] = found = true;
        ++report.quotes.matched;
      }
      if (!found) report.miss(where, "quote", "-" + want.speaker + ": " + want.starts);
    }
    for (size_t i = 0; i < r.quotes.size(); ++i)
      if (!used[i]) report.miss(where, "quote", "+" + r.quotes[i].speaker + ": " + r.quotes[i].text.substr(0, 40));
    report.quotes.predicted += r.quotes.size();
    report.quotes.expected += label.quotes.size();
  }
  return report;
}

// ------------------------------------------------------------------ sample archive

std::vector<Release> sample_archive() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(kSource / "corpus")) {
    if (!entry.is_regular_file() || !reader_for(entry.path())) continue;
    files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<Release> releases;
  for (const fs::path& file : files) {
    std::string relative = fs::relative(file, kSource / "corpus").string();
    ReadBatch batch = ingest(*reader_for(file), relative, read_file(file), relative);
    for (Release& r : batch.releases) releases.push_back(std::move(r));
  }
  return releases;
}

struct ArchiveReport {
  Report full;               // the extractor as the indexer runs it
  Accuracy date_text;        // the date from the text alone, without the url/path fallback
  Accuracy location_loose;   // location under the archive's conventions (see same_place)
};

// The sample archive writes a bare "WASHINGTON —" dateline as "Washington,
// DC" and keeps only the first place of a two-place dateline; the extractor
// writes what the dateline says ("Washington", "El Paso, TX and San Diego,
// CA"), as issue 3 asks.
bool same_place(const std::string& got, const std::string& want) {
  if (got == want) return true;
  if (got == "Washington" && want == "Washington, DC") return true;
  std::string first = got.substr(0, got.find(" and "));
  return first == want || (first == "Washington" && want == "Washington, DC");
}

// A field the source gave: a value, and not one its reader recovered from
// text (an HTML listing's fields are marked Extracted by the reader).
bool from_source(const Release& r, const char* field, bool has_value) {
  auto it = r.provenance.find(field);
  return has_value && (it == r.provenance.end() || it->second == Provenance::Source);
}

ArchiveReport evaluate_sample_archive() {
  ArchiveReport out;
  Report& report = out.full;
  report.name = "Sample archive corpus/ (source metadata hidden)";
  for (const Release& source : sample_archive()) {
    Release r = source;
    std::string where = source.source + (source.source_line > 1 ? ":" + std::to_string(source.source_line) : "");
    r.date.clear();
    r.type.clear();
    r.location.clear();
    r.lang.clear();
    r.spokespeople.clear();
    r.contacts.clear();
    r.topics.clear();
    r.quotes.clear();
    r.provenance.clear();
    Opening opening = read_opening(r.title, r.body);
    enrich(r, context());
    ++report.releases;
    ++report.formats[format_of(source.source)];
    auto compare = [&](Accuracy& a, const char* field, const std::string& got, const std::string& want) {
      if (!from_source(source, field, !want.empty())) return;  // the source does not say
      a.add(got == want);
      if (got != want) report.miss(where, field, "'" + got + "' (source '" + want + "')");
    };
    compare(report.date, "date", r.date, source.date);
    if (from_source(source, "date", !source.date.empty())) out.date_text.add(opening.date == source.date);
    compare(report.type, "type", r.type, source.type);
    compare(report.location, "location", r.location, source.location);
    if (from_source(source, "location", !source.location.empty()))
      out.location_loose.add(same_place(r.location, source.location));
    compare(report.lang, "lang", r.lang, source.lang);
    auto lists = [&](PrecisionRecall& p, const char* field, const std::vector<std::string>& got,
                     const std::vector<std::string>& want) {
      if (!from_source(source, field, !want.empty())) return;
      std::vector<std::string> diff = p.add(got, want);
      if (!diff.empty()) report.miss(where, field, join(diff));
    };
    lists(report.spokespeople, "spokespeople", r.spokespeople, source.spokespeople);
    lists(report.topics, "topics", r.topics, source.topics);
  }
  return out;
}

// ------------------------------------------------------------------ tests

TEST(ExtractionEval, TestSetCoversEveryFormatWithAtLeastSixtyReleases) {
  std::vector<Label> labels = load_labels();
  EXPECT_GE(labels.size(), 60u);
  std::set<std::string> formats, types, languages;
  for (const Label& l : labels) {
    formats.insert(format_of(l.source));
    types.insert(l.type);
    languages.insert(l.lang);
  }
  EXPECT_GE(formats.size(), 4u) << "JSON Lines, Markdown, HTML and PDF text";
  EXPECT_EQ(types.size(), known_release_types().size()) << "every release type";
  EXPECT_EQ(languages, (std::set<std::string>{"en", "es"}));
}

TEST(ExtractionEval, TestSetMeetsTheTargets) {
  Report report = evaluate_test_set();
  report.print();
  evaluate_test_set(true).print();
  ASSERT_GE(report.releases, 60u);
  EXPECT_GE(report.date.value(), kDateAccuracy);
  EXPECT_GE(report.type.value(), kTypeAccuracy);
  EXPECT_GE(report.spokespeople.precision(), kSpokespeoplePrecision);
  EXPECT_GE(report.spokespeople.recall(), kSpokespeopleRecall);
  EXPECT_GE(report.topics.precision(), kTopicPrecision);
}

TEST(ExtractionEval, SampleArchiveWithItsMetadataHidden) {
  ArchiveReport archive = evaluate_sample_archive();
  archive.full.print();
  std::printf("  %-13s accuracy  %.3f  (%zu/%zu) from the text alone, without the url/path fallback\n",
              "date (text)", archive.date_text.value(), archive.date_text.right, archive.date_text.total);
  std::printf("  %-13s accuracy  %.3f  (%zu/%zu) with the archive's conventions: \"WASHINGTON —\" is\n"
              "  %-13s \"Washington, DC\", a two-place dateline counts its first place\n",
              "location (*)", archive.location_loose.value(), archive.location_loose.right,
              archive.location_loose.total, "");
  // The sample archive was not written for the extractor; these floors only
  // catch a regression, they are not the issue's targets.
  EXPECT_GE(archive.full.releases, 150u);
  EXPECT_GE(archive.full.spokespeople.precision(), 0.85);
  EXPECT_GE(archive.full.spokespeople.recall(), 0.80);
  EXPECT_GE(archive.full.type.value(), 0.85);
}

// ------------------------------------------------------------------ enrich(): the contract

const std::string kBody =
    "TUCSON, AZ \xE2\x80\x94 November 18, 2020 \xE2\x80\x94 Puentes Human Rights Center today called on ICE to release "
    "every family held in family detention after parents and children tested positive at a Texas facility.\n\n"
    "\xE2\x80\x9CThere is no reason to keep families locked up during a pandemic,\xE2\x80\x9D said Ana Ruiz, "
    "Executive Director of Puentes.\n\n"
    "For media inquiries contact Leah Carter, Press Officer, press@puentes.example.org";

Release bare_release() {
  Release r;
  r.id = "r1";
  r.title = "Families Must Be Released From Family Detention";
  r.body = kBody;
  return r;
}

TEST(ExtractionEnrich, FillsEveryEmptyFieldAndMarksItExtracted) {
  Release r = bare_release();
  enrich(r, context());
  EXPECT_EQ(r.date, "2020-11-18");
  EXPECT_EQ(r.type, "press-release");
  EXPECT_EQ(r.location, "Tucson, AZ");
  EXPECT_EQ(r.lang, "en");
  EXPECT_EQ(r.spokespeople, (std::vector<std::string>{"Ana Ruiz"}));
  EXPECT_EQ(r.contacts, (std::vector<std::string>{"Leah Carter"}));
  ASSERT_EQ(r.quotes.size(), 1u);
  EXPECT_EQ(r.quotes[0].speaker, "Ana Ruiz");
  EXPECT_FALSE(r.topics.empty());
  for (const char* field : {"date", "type", "location", "lang", "spokespeople", "contacts", "quotes", "topics"})
    EXPECT_EQ(r.provenance.count(field) ? r.provenance.at(field) : Provenance::Source, Provenance::Extracted) << field;
  EXPECT_EQ(r.provenance.count("title"), 0u) << "fields it does not fill keep their provenance";
}

TEST(ExtractionEnrich, WhatTheSourceGaveAlwaysWins) {
  Release r = bare_release();
  r.date = "2020-11-19";
  r.type = "statement";
  r.location = "El Paso, TX";
  r.lang = "es";
  r.spokespeople = {"Rosa Delgado"};
  r.contacts = {"Pablo R\xC3\xADos"};
  r.topics = {"Public Health"};
  for (const char* field : {"date", "type", "location", "lang", "spokespeople", "contacts", "topics"})
    r.provenance[field] = Provenance::Source;
  Release before = r;
  enrich(r, context());
  EXPECT_EQ(r.date, before.date);
  EXPECT_EQ(r.type, before.type);
  EXPECT_EQ(r.location, before.location);
  EXPECT_EQ(r.lang, before.lang);
  EXPECT_EQ(r.spokespeople, before.spokespeople);
  EXPECT_EQ(r.contacts, before.contacts);
  EXPECT_EQ(r.topics, before.topics);
  for (const char* field : {"date", "type", "location", "lang", "spokespeople", "contacts", "topics"})
    EXPECT_EQ(r.provenance.at(field), Provenance::Source) << field;
  ASSERT_EQ(r.quotes.size(), 1u) << "quotes are still found, and marked extracted";
  EXPECT_EQ(r.provenance.at("quotes"), Provenance::Extracted);
}

TEST(ExtractionEnrich, SpokespeopleTheSourceGivesTakeTheNameTheAliasesFileListsThemUnder) {
  // A content system's authors are often user names: the aliases file says
  // who they are, and releases that list either form count as one person.
  ExtractionContext with_aliases = context();
  ASSERT_FALSE(with_aliases.names.add("Rosa Delgado", {"rdelgado"}));
  Release r = bare_release();
  r.spokespeople = {"rdelgado", "Leah Carter", "Rosa Delgado"};
  r.provenance["spokespeople"] = Provenance::Source;
  enrich(r, with_aliases);
  EXPECT_EQ(r.spokespeople, (std::vector<std::string>{"Rosa Delgado", "Leah Carter", "Rosa Delgado"}))
      << "names the file does not list are kept as given; repeats go in normalize_and_validate()";
  EXPECT_EQ(r.provenance.at("spokespeople"), Provenance::Source);
  ASSERT_FALSE(normalize_and_validate(r));
  EXPECT_EQ(r.spokespeople, (std::vector<std::string>{"Rosa Delgado", "Leah Carter"}));
}

TEST(ExtractionEnrich, ASlugTheSourceGivesTakesTheNameTheAliasesFileListsItsNameUnder) {
  ExtractionContext with_aliases = context();
  ASSERT_FALSE(with_aliases.names.add("Luc\u00EDa Fern\u00E1ndez", {}));
  Release r = bare_release();
  r.spokespeople = {"lucia-fernandez"};
  enrich(r, with_aliases);
  EXPECT_EQ(r.spokespeople, (std::vector<std::string>{"Luc\u00EDa Fern\u00E1ndez"}));
}

TEST(ExtractionEnrich, LeavesAFieldItCannotFindEmptyAndUnmarked) {
  Release r;
  r.id = "r2";
  r.title = "A note";
  r.body = "Volunteers should read the new scripts before their next shift.";
  enrich(r, context());
  EXPECT_EQ(r.date, "");
  EXPECT_EQ(r.location, "");
  EXPECT_TRUE(r.spokespeople.empty());
  for (const char* field : {"date", "location", "spokespeople", "contacts", "quotes"})
    EXPECT_EQ(r.provenance.count(field), 0u) << field;
}

TEST(ExtractionEnrich, ATypeWithoutCuesIsAPressReleaseMarkedExtracted) {
  Release r = bare_release();
  enrich(r, context());
  EXPECT_EQ(r.type, "press-release");
  EXPECT_EQ(r.provenance.at("type"), Provenance::Extracted);
}

TEST(ExtractionEnrich, TakesTheDateFromTheUrlOrPathWhenTheTextHasNone) {
  const std::vector<std::pair<std::string, std::string>> paths = {
      {"https://puentes.example.org/news/2020/11/18/covid-outbreak", "2020-11-18"},
      {"2013-01-15-puentes-opens-weekly-legal-clinic", "2013-01-15"},
      {"news/2020/11-18-covid-outbreak-family-detention.md", "2020-11-18"},
      {"news/2020/13-45-not-a-day.md", ""},
      {"https://puentes.example.org/?p=20201118", ""}};
  for (const auto& [path, date] : paths) EXPECT_EQ(date_from_path(path).value_or(""), date) << path;
  Release r;
  r.id = "x";
  r.title = "A release";
  r.body = "Puentes Human Rights Center today opened a clinic.";
  r.url = "https://puentes.example.org/news/2021/06/17/clinic";
  enrich(r, context());
  EXPECT_EQ(r.date, "2021-06-17");
  EXPECT_EQ(r.provenance.at("date"), Provenance::Extracted);
}

TEST(ExtractionEnrich, TheDetectedLanguageChoosesTheTaxonomysSpanishPhrases) {
  Release r;
  r.id = "x";
  r.title = "Vuelve la detenci\xC3\xB3n familiar";
  r.body = "EL PASO, TX \xE2\x80\x94 El gobierno reanud\xC3\xB3 la detenci\xC3\xB3n familiar de madres y ni\xC3\xB1os que "
           "piden asilo, y las familias detenidas no tienen acceso a abogados.";
  enrich(r, context());
  EXPECT_EQ(r.lang, "es");
  ASSERT_FALSE(r.topics.empty());
  EXPECT_EQ(r.topics.front(), "Family Detention");
}

// ------------------------------------------------------------------ ingest() and the indexer

TEST(ExtractionEnrich, IngestWithAContextRecoversWhatValidationNeeds) {
  const std::string line =
      R"({"id": "r1", "title": "Families Must Be Released", "body": "TUCSON, AZ — November 18, 2020 — Puentes Human Rights Center today called on ICE to act."})";
  JsonLinesReader reader;
  ReadBatch without = ingest(reader, "a.jsonl", line, "a");
  ASSERT_EQ(without.issues.size(), 1u);
  EXPECT_NE(without.issues[0].reason.find("missing date"), std::string::npos);
  ReadBatch with = ingest(reader, "a.jsonl", line, "a", 0, &context());
  ASSERT_EQ(with.releases.size(), 1u);
  EXPECT_EQ(with.releases[0].date, "2020-11-18");
  EXPECT_EQ(with.releases[0].provenance.at("date"), Provenance::Extracted);
}

std::vector<Release> indexed(const std::string& db_path) {
  std::vector<Release> out;
  Xapian::Database db(db_path);
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it)
    out.push_back(schema::release_from(db.get_document(*it)));
  return out;
}

TEST(ExtractionIndexer, UsesTheTaxonomyAndAliasesFilesOfTheIndexedFolder) {
  testing::TempDir dir;
  dir.write("archive/taxonomy.yaml", "topics:\n  Family Detention:\n    en: [family detention: 3]\n");
  dir.write("archive/aliases.yaml", "Daniel Okafor: [Dan Okafor]\n");
  dir.write("archive/news/r1.md",
            "---\ntitle: Family Detention Returns\n---\n"
            "DILLEY, TX \xE2\x80\x94 February 13, 2025 \xE2\x80\x94 Family detention returns to South Texas.\n\n"
            "“Families have done everything asked of them,” said Dan Okafor, Senior Staff Attorney.\n");
  IndexOptions options;
  options.db_path = (dir.path() / "db").string();
  options.paths = {(dir.path() / "archive").string()};
  ExtractionFiles files = extraction_files_for(options);
  EXPECT_EQ(files.taxonomy, (dir.path() / "archive" / "taxonomy.yaml").string());
  EXPECT_EQ(files.aliases, (dir.path() / "archive" / "aliases.yaml").string());
  std::vector<std::string> issues;
  IndexCallbacks callbacks;
  callbacks.on_issue = [&](const ReadIssue& issue) { issues.push_back(issue.to_string()); };
  IndexStats stats = run_index(options, callbacks);
  EXPECT_EQ(stats.files, 1u) << "the extractor's files are not releases";
  EXPECT_EQ(stats.skipped, 0u) << join(issues);
  std::vector<Release> releases = indexed(options.db_path);
  ASSERT_EQ(releases.size(), 1u);
  EXPECT_EQ(releases[0].date, "2025-02-13");
  EXPECT_EQ(releases[0].topics, (std::vector<std::string>{"Family Detention"}));
  EXPECT_EQ(releases[0].spokespeople, (std::vector<std::string>{"Daniel Okafor"}));
  EXPECT_EQ(releases[0].provenance.at("topics"), Provenance::Extracted);
}

TEST(ExtractionIndexer, GivenFilesWinOverTheFoldersOwn) {
  testing::TempDir dir;
  dir.write("archive/taxonomy.yaml", "topics:\n  Asylum:\n    en: [asylum]\n");
  IndexOptions options;
  options.paths = {(dir.path() / "archive").string()};
  options.taxonomy_path = (dir.path() / "mine.yaml").string();
  EXPECT_EQ(extraction_files_for(options).taxonomy, options.taxonomy_path);
  EXPECT_EQ(extraction_files_for(options).aliases, "") << "no aliases.yaml: the rules alone";
}

TEST(ExtractionIndexer, AnExtractorFileThatCannotBeLoadedStopsTheRun) {
  testing::TempDir dir;
  dir.write("archive/r1.md", "---\ntitle: T\ndate: 2020-01-01\n---\nText.\n");
  IndexOptions options;
  options.db_path = (dir.path() / "db").string();
  options.paths = {(dir.path() / "archive").string()};
  options.taxonomy_path = (dir.path() / "missing.yaml").string();
  EXPECT_THROW(run_index(options), IndexError);
  options.taxonomy_path.clear();
  options.aliases_path = dir.write("bad.yaml", "[not, a, mapping]\n").string();
  EXPECT_THROW(run_index(options), IndexError);
}

}  // namespace
}  // namespace pressroom
