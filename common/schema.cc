#include "common/schema.h"

#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include "common/dates.h"
#include "common/fnv1a.h"
#include "common/query_text.h"
#include "common/release_json.h"
#include "common/slug_names.h"
#include "common/text_folding.h"

namespace pressroom::schema {
namespace {

constexpr char kFieldSep = '\x1e';
constexpr char kItemSep = '\x1f';

std::string cut_utf8(std::string s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  s.resize(end);
  return s;
}

void append_joined(std::string& out, const std::vector<std::string>& items) {
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out.push_back(kItemSep);
    out += items[i];
  }
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  if (s.empty()) return parts;
  size_t start = 0;
  while (true) {
    size_t end = s.find(sep, start);
    parts.push_back(s.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;
}

}  // namespace

std::vector<std::string> title_words(std::string_view title) {
  // Xapian's word characters and lower case, with ASCII (nearly every
  // character of a release) decided without decoding.
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty() && word.size() <= 64) words.push_back(word);
    word.clear();
  };
  size_t i = 0;
  while (i < title.size()) {
    auto c = static_cast<unsigned char>(title[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') word.push_back(static_cast<char>(c - 'A' + 'a'));
      else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') word.push_back(static_cast<char>(c));
      else flush();
      ++i;
      continue;
    }
    Xapian::Utf8Iterator it(title.data() + i, title.size() - i);
    unsigned ch = *it;
    ++it;
    if (Xapian::Unicode::is_wordchar(ch)) Xapian::Unicode::append_utf8(word, Xapian::Unicode::tolower(ch));
    else flush();
    i = it == Xapian::Utf8Iterator() ? title.size() : static_cast<size_t>(it.raw() - title.data());
  }
  flush();
  return words;
}

const Xapian::Stem& stemmer_for(std::string_view lang) {
  // A Snowball stemmer keeps per-call state: each thread needs its own.
  thread_local const Xapian::Stem english("english");
  thread_local const Xapian::Stem spanish("spanish");
  return lang == "es" ? spanish : english;
}

std::string id_term(std::string_view id) { return cut_utf8(std::string(prefix::kId).append(id), kMaxTermBytes); }

std::string boolean_term(std::string_view prefix, std::string_view value) {
  return cut_utf8(std::string(prefix) + fold_key(value), kMaxTermBytes);
}

std::string name_key(std::string_view name) {
  std::string spaced(name);
  for (char& c : spaced)
    if (c == '-' || c == '_') c = ' ';
  return fold_key(spaced);
}

namespace {

std::string name_term(std::string_view prefix, const std::string& name) {
  return cut_utf8(std::string(prefix) + name_key(name), kMaxTermBytes);
}

}  // namespace

std::string topic_term(std::string_view topic) { return name_term(prefix::kTopic, topic_name(topic)); }
std::string spokesperson_term(std::string_view person) { return name_term(prefix::kSpokesperson, person_name(person)); }
std::string quote_speaker_term(std::string_view speaker) {
  return name_term(prefix::kQuoteSpeaker, person_name(speaker));
}
std::string legacy_name_term(std::string_view prefix, std::string_view name) { return boolean_term(prefix, name); }

std::string encode_facets(const Release& r) {
  std::string out = r.type;
  out.push_back(kFieldSep);
  out += r.date.substr(0, 7);
  out.push_back(kFieldSep);
  append_joined(out, r.topics);
  out.push_back(kFieldSep);
  append_joined(out, r.spokespeople);
  return out;
}

FacetRecord decode_facets(std::string_view encoded) {
  FacetRecord record;
  std::vector<std::string_view> fields = split(encoded, kFieldSep);
  if (fields.size() > 0) record.type = fields[0];
  if (fields.size() > 1) record.month = fields[1];
  if (fields.size() > 2) record.topics = split(fields[2], kItemSep);
  if (fields.size() > 3) record.spokespeople = split(fields[3], kItemSep);
  return record;
}

namespace {

std::string hex16(uint64_t h) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

// content_hash() of the release whose stored form (document data) is `data`.
std::string hash_of_stored_form(const std::string& data) {
  std::string schema_suffix = "\nschema:";
  schema_suffix.append(std::to_string(kVersion));
  // The historical seed, kept so that existing indexes keep their hashes.
  return hex16(fnv1a64(schema_suffix, fnv1a64(data, 1469598103934665603ULL)));
}

}  // namespace

std::string content_hash(const Release& release) { return hash_of_stored_form(release_to_json(release).dump()); }

std::string sort_key_newest_first(std::string_view yyyymmdd, std::string_view id) {
  std::string key(yyyymmdd);
  for (char c : id) key.push_back(static_cast<char>(0xff - static_cast<unsigned char>(c)));
  key.push_back(static_cast<char>(0xff));
  return key;
}

std::vector<std::string> duplicate_terms(const DuplicateProfile& profile) {
  std::vector<std::string> terms;
  if (!profile.title_date.empty()) terms.push_back(std::string(prefix::kDupTitleDate).append(profile.title_date));
  if (!profile.url.empty()) terms.push_back(std::string(prefix::kDupUrl).append(profile.url));
  for (const std::string& band : profile.bands) terms.push_back(std::string(prefix::kDupBand).append(band));
  return terms;
}

std::string duplicate_group_term(std::string_view key) {
  return cut_utf8(std::string(prefix::kDupGroup).append(key), kMaxTermBytes);
}

void set_duplicate_group(Xapian::Document& document, std::string_view key) {
  // An empty value removes the slot.
  document.add_value(kCopyOf, key == document.get_value(kId) ? std::string() : std::string(key));
  std::string old = document.get_value(kDupGroup);
  if (old == key) return;
  if (!old.empty()) {
    try {
      document.remove_term(duplicate_group_term(old));
    } catch (const Xapian::InvalidArgumentError&) {
      // The term was never added: nothing to remove.
    }
  }
  document.add_boolean_term(duplicate_group_term(key));
  document.add_value(kDupGroup, std::string(key));
}

std::string spelling_chunk_key(size_t index) { return std::string(kMetaSpelling) + "." + std::to_string(index); }

namespace {

std::string spelling_head(size_t chunks, uint64_t hash) {
  char digits[17];
  std::snprintf(digits, sizeof digits, "%016llx", static_cast<unsigned long long>(hash));
  return std::to_string(chunks) + " " + digits;
}

}  // namespace

SpellingMirror encode_spelling_mirror(const std::vector<SpellingEntry>& words) {
  SpellingMirror mirror;
  uint64_t hash = kFnv1aOffset;
  std::string chunk;
  for (const SpellingEntry& entry : words) {
    if (entry.word.find_first_of("\t\n") != std::string::npos) continue;
    chunk.append(entry.word).push_back('\t');
    chunk.append(std::to_string(entry.frequency)).push_back('\n');
    if (chunk.size() >= kSpellingChunkBytes) {
      hash = fnv1a64(chunk, hash);
      mirror.chunks.push_back(std::move(chunk));
      chunk.clear();
    }
  }
  if (!chunk.empty()) {
    hash = fnv1a64(chunk, hash);
    mirror.chunks.push_back(std::move(chunk));
  }
  mirror.head = spelling_head(mirror.chunks.size(), hash);
  return mirror;
}

std::optional<size_t> spelling_mirror_chunks(std::string_view head) {
  size_t space = head.find(' ');
  if (space == 0 || space == std::string_view::npos || head.size() - space - 1 != 16) return std::nullopt;
  size_t chunks = 0;
  for (char c : head.substr(0, space)) {
    if (c < '0' || c > '9') return std::nullopt;
    chunks = chunks * 10 + static_cast<size_t>(c - '0');
  }
  return chunks;
}

std::optional<std::vector<SpellingEntry>> decode_spelling_mirror(std::string_view head,
                                                                 const std::vector<std::string>& chunks) {
  uint64_t hash = kFnv1aOffset;
  for (const std::string& chunk : chunks) hash = fnv1a64(chunk, hash);
  if (head != spelling_head(chunks.size(), hash)) return std::nullopt;
  std::vector<SpellingEntry> words;
  for (const std::string& chunk : chunks) {
    for (std::string_view line : split(chunk, '\n')) {
      size_t tab = line.find('\t');
      if (tab == std::string_view::npos) continue;  // the empty piece after the last newline
      words.push_back({std::string(line.substr(0, tab)),
                       static_cast<Xapian::termcount>(std::strtoul(std::string(line.substr(tab + 1)).c_str(), nullptr, 10))});
    }
  }
  return words;
}

std::string word_sequences_id(std::string_view stored_vocabulary) { return hex16(fnv1a64(stored_vocabulary)); }

Xapian::Document document_for(const Release& r, Xapian::TermGenerator& generator) {
  return document_for(r, generator, duplicate_profile(r));
}

Xapian::Document document_for(const Release& r, Xapian::TermGenerator& generator, const DuplicateProfile& duplicates) {
  Xapian::Document doc;
  generator.set_document(doc);
  generator.set_stemmer(stemmer_for(r.lang));
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);

  std::string title = strip_accents(r.title);
  generator.index_text(title, kTitleWeight);
  generator.index_text_without_positions(title, 1, std::string(prefix::kTitle));
  generator.increase_termpos();
  std::string summary = strip_accents(r.summary);
  if (!summary.empty()) {
    generator.index_text(summary);
    generator.increase_termpos();
  }
  std::string body = strip_accents(r.body);
  generator.index_text(body);
  const Xapian::Stem& stem = stemmer_for(r.lang);
  for (const std::string* text : {&title, &summary, &body})
    for (const std::string& variant : compound_variants(*text)) doc.add_term(stem(variant));
  for (const std::string& word : title_words(title))
    doc.add_term(cut_utf8(std::string(prefix::kTitleWord) + word, kMaxTermBytes));
  if (!r.location.empty())
    generator.index_text(strip_accents(r.location), 1, std::string(prefix::kLocation));  // location:"el paso"
  // Statements are searched apart from the release (what did X say about Y):
  // their words under XQ, their speakers under XQA.
  for (const Quote& quote : r.quotes) {
    generator.index_text_without_positions(strip_accents(quote.text), 1, std::string(prefix::kQuoteWord));
    if (!quote.speaker.empty()) doc.add_boolean_term(quote_speaker_term(quote.speaker));
  }

  doc.add_boolean_term(id_term(r.id));
  for (const std::string& topic : r.topics) doc.add_boolean_term(topic_term(topic));
  for (const std::string& person : r.spokespeople) doc.add_boolean_term(spokesperson_term(person));
  doc.add_boolean_term(boolean_term(prefix::kType, r.type));
  if (!r.lang.empty()) doc.add_boolean_term(boolean_term(prefix::kLanguage, r.lang));
  std::string day = compact_date(r.date);
  doc.add_boolean_term(std::string(prefix::kYear) + day.substr(0, 4));
  doc.add_boolean_term(std::string(prefix::kMonth) + day.substr(0, 6));
  doc.add_boolean_term(std::string(prefix::kDay) + day);

  doc.add_value(kDate, day);
  doc.add_value(kId, r.id);
  doc.add_value(kTitle, r.title);
  doc.add_value(kFacets, encode_facets(r));
  doc.add_value(kSortNewest, sort_key_newest_first(day, r.id));
  std::string oldest = day;
  doc.add_value(kSortOldest, oldest.append(r.id));
  doc.add_value(kFacetType, r.type);
  doc.add_value(kFacetMonth, r.date.substr(0, 7));
  for (unsigned i = 0; i < r.topics.size() && i < kFacetPositions; ++i) doc.add_value(kFacetTopic + i, r.topics[i]);
  for (unsigned i = 0; i < r.spokespeople.size() && i < kFacetPositions; ++i)
    doc.add_value(kFacetSpokesperson + i, r.spokespeople[i]);
  std::string data = release_to_json(r).dump();  // serialised once: data and hash
  doc.add_value(kContentHash, hash_of_stored_form(data));
  doc.add_value(kSource, r.source);
  for (const std::string& term : duplicate_terms(duplicates)) doc.add_boolean_term(term);
  set_duplicate_group(doc, r.id);
  doc.set_data(std::move(data));
  return doc;
}

Release release_from(const Xapian::Document& document) {
  std::string data = document.get_data();
  try {
    return release_from_json(nlohmann::json::parse(data));
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error("document " + std::to_string(document.get_docid()) +
                             " is not a pressroom release: " + e.what());
  }
}

}  // namespace pressroom::schema
