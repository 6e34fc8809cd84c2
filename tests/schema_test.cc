// Specification of common/schema.h: the terms, values and stored data of one
// release's document, the content hash and the facet slot encoding.
#include "common/schema.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "common/release_json.h"
#include "common/text_folding.h"

namespace pressroom {
namespace {

Release sample_release() {
  Release r;
  r.id = "2020-11-18-family-detention";
  r.title = "Families Detained at Dilley";
  r.date = "2020-11-18";
  r.type = "press-release";
  r.topics = {"Family Detention", "Public Health"};
  r.spokespeople = {"Lucía Fernández", "Ana Ruiz"};
  r.contacts = {"press@example.org"};
  r.quotes = {{"We will not stop.", "Ana Ruiz", "Director", "Casa Abierta", "\"We will not stop,\" said Ruiz."}};
  r.location = "Tucson, Arizona";
  r.url = "https://example.org/r07";
  r.lang = "en";
  r.summary = "Mothers and children remain in detention.";
  r.body = "Mothers and children remain in family detention during the pandemic.";
  r.source = "news/2020.jsonl";
  r.source_line = 7;
  r.provenance = {{"title", Provenance::Source}, {"spokespeople", Provenance::Extracted}};
  return r;
}

Release spanish_release() {
  Release r;
  r.id = "r11";
  r.title = "Declaración sobre las familias";
  r.date = "2023-05-11";
  r.type = "statement";
  r.lang = "es";
  r.body = "Las tías y las familias solicitantes de asilo esperan en la frontera.";
  return r;
}

Xapian::Document doc_for(const Release& r) {
  Xapian::TermGenerator generator;
  return schema::document_for(r, generator);
}

std::set<std::string> terms_of(const Xapian::Document& doc) {
  std::set<std::string> terms;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) terms.insert(*it);
  return terms;
}

// prefix + word, built by appending (GCC 12 warns falsely on "S" + temporary).
std::string prefixed(const std::string& prefix, const std::string& word) {
  std::string term = prefix;
  term += word;
  return term;
}

std::string list(const std::set<std::string>& terms) {
  std::string out;
  for (const std::string& t : terms) out += "[" + t + "] ";
  return out;
}

// ------------------------------------------------------------------------ terms

TEST(Schema, IdIsAQTerm) {
  std::set<std::string> terms = terms_of(doc_for(sample_release()));
  EXPECT_TRUE(terms.count("Q2020-11-18-family-detention")) << list(terms);
}

TEST(Schema, FacetValuesAreFoldedBooleanTerms) {
  std::set<std::string> terms = terms_of(doc_for(sample_release()));
  for (const std::string expected :
       {"Bfamily detention", "Bpublic health", "Alucia fernandez", "Aana ruiz", "XTYPEpress-release", "Len",
        "Y2020", "M202011", "D20201118"})
    EXPECT_TRUE(terms.count(expected)) << "missing " << expected << " in " << list(terms);
}

TEST(Schema, BooleanTermsDoNotCountTowardsTheDocumentLength) {
  Xapian::Document doc = doc_for(sample_release());
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    const std::string term = *it;
    bool boolean = false;
    for (const std::string prefix : {"Q", "B", "A", "L", "Y", "M", "D", "XTYPE"})
      if (term.rfind(prefix, 0) == 0) boolean = true;
    if (boolean) {
      EXPECT_EQ(it.get_wdf(), 0u) << term;
    }
  }
}

TEST(Schema, BooleanTermMatchesWhateverTheCaseAccentsAndSpacing) {
  EXPECT_EQ(schema::boolean_term("B", "Family Detention"), "Bfamily detention");
  EXPECT_EQ(schema::boolean_term("B", "  FAMILY   detention "), "Bfamily detention");
  EXPECT_EQ(schema::boolean_term("A", "Lucía Fernández"), "Alucia fernandez");
  EXPECT_EQ(schema::boolean_term("A", "lucia fernandez"), "Alucia fernandez");
}

TEST(Schema, BooleanTermIsCutToTheTermLimitOnACharacterBoundary) {
  std::string value;
  for (int i = 0; i < 200; ++i) value += "ж";  // 2 bytes each, no accent to strip
  std::string term = schema::boolean_term("B", value);
  EXPECT_LE(term.size(), 245u);
  EXPECT_GE(term.size(), 230u);
  EXPECT_TRUE(is_valid_utf8(term)) << term.size() << " bytes";
  EXPECT_EQ(term.rfind("Bж", 0), 0u);
}

TEST(Schema, TitleWordsAreSTermsStemmed) {
  Xapian::Stem english("english");
  std::set<std::string> terms = terms_of(doc_for(sample_release()));
  for (const std::string word : {"families", "detained", "dilley"})
    EXPECT_TRUE(terms.count(prefixed("S", english(word)))) << "S" << english(word) << " in " << list(terms);
  // Body-only words are not title terms.
  EXPECT_FALSE(terms.count(prefixed("S", english("mothers")))) << list(terms);
}

TEST(Schema, TitleAndBodyWordsAreUnprefixedTerms) {
  Xapian::Stem english("english");
  std::set<std::string> terms = terms_of(doc_for(sample_release()));
  for (const std::string word : {"families", "detained", "mothers", "pandemic", "children"})
    EXPECT_TRUE(terms.count(english(word))) << english(word) << " in " << list(terms);
}

TEST(Schema, SummaryWordsAreSearchable) {
  Release r = sample_release();
  r.summary = "A zeppelin appears only here.";
  std::set<std::string> terms = terms_of(doc_for(r));
  EXPECT_TRUE(terms.count(Xapian::Stem("english")("zeppelin"))) << list(terms);
}

TEST(Schema, TitleWordsWeighMoreThanBodyWords) {
  Release r = sample_release();
  r.title = "Dilley";
  r.summary = "";
  r.body = "Tucson";
  Xapian::Document doc = doc_for(r);
  Xapian::termcount title_wdf = 0, body_wdf = 0;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    if (*it == "dilley") title_wdf = it.get_wdf();
    if (*it == "tucson") body_wdf = it.get_wdf();
  }
  EXPECT_EQ(title_wdf, schema::kTitleWeight * body_wdf);
}

TEST(Schema, LocationWordsAreXlTerms) {
  Xapian::Stem english("english");
  std::set<std::string> terms = terms_of(doc_for(sample_release()));
  EXPECT_TRUE(terms.count(prefixed("XL", english("tucson")))) << list(terms);
  EXPECT_TRUE(terms.count(prefixed("XL", english("arizona")))) << list(terms);
}

TEST(Schema, WordsHavePositionsForPhraseSearch) {
  Xapian::Document doc = doc_for(sample_release());
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    if (*it == Xapian::Stem("english")("pandemic")) {
      EXPECT_GT(it.positionlist_count(), 0u);
      return;
    }
  }
  ADD_FAILURE() << "no term for 'pandemic' in " << list(terms_of(doc));
}

TEST(Schema, SpanishReleaseIsStemmedWithTheSpanishStemmer) {
  Xapian::Stem spanish("spanish"), english("english");
  ASSERT_NE(spanish("familias"), english("familias"));  // the test needs a word they disagree on
  std::set<std::string> terms = terms_of(doc_for(spanish_release()));
  EXPECT_TRUE(terms.count(spanish("familias"))) << list(terms);
  EXPECT_FALSE(terms.count(english("familias"))) << list(terms);
  EXPECT_TRUE(terms.count("Les")) << list(terms);
}

TEST(Schema, EnglishIsTheStemmerForUnknownLanguages) {
  EXPECT_EQ(schema::stemmer_for("es")("familias"), Xapian::Stem("spanish")("familias"));
  for (const std::string lang : {"en", "", "fr", "xx"})
    EXPECT_EQ(schema::stemmer_for(lang)("familias"), Xapian::Stem("english")("familias")) << lang;
}

TEST(Schema, AccentsAreFoldedInTerms) {
  std::set<std::string> terms = terms_of(doc_for(spanish_release()));
  EXPECT_TRUE(terms.count("tias")) << list(terms);
  EXPECT_TRUE(terms.count(prefixed("S", Xapian::Stem("spanish")("declaracion")))) << list(terms);
  for (const std::string& t : terms) {
    if (t.empty() || (t[0] >= 'A' && t[0] <= 'Z')) continue;
    EXPECT_EQ(strip_accents(t), t) << "unfolded term " << t;
  }
}

TEST(Schema, ADocumentWithoutLanguageHasNoLanguageTerm) {
  Release r = sample_release();
  r.lang = "";
  std::set<std::string> terms = terms_of(doc_for(r));
  for (const std::string& t : terms)
    EXPECT_FALSE(t.size() > 1 && t[0] == 'L' && t[1] >= 'a' && t[1] <= 'z') << "language term " << t;
}

// ----------------------------------------------------------------------- values

TEST(Schema, ValueSlotsHoldDateIdFacetsHashAndSource) {
  Release r = sample_release();
  Xapian::Document doc = doc_for(r);
  EXPECT_EQ(doc.get_value(schema::kDate), "20201118");
  EXPECT_EQ(doc.get_value(schema::kId), r.id);
  EXPECT_EQ(doc.get_value(schema::kFacets), schema::encode_facets(r));
  EXPECT_EQ(doc.get_value(schema::kContentHash), schema::content_hash(r));
  EXPECT_EQ(doc.get_value(schema::kSource), "news/2020.jsonl");
}

TEST(Schema, FacetSlotDecodesToTheReleaseFacets) {
  Release r = sample_release();
  std::string encoded = doc_for(r).get_value(schema::kFacets);
  schema::FacetRecord facets = schema::decode_facets(encoded);
  EXPECT_EQ(facets.type, "press-release");
  EXPECT_EQ(facets.month, "2020-11");
  EXPECT_EQ(std::vector<std::string>(facets.topics.begin(), facets.topics.end()), r.topics);
  EXPECT_EQ(std::vector<std::string>(facets.spokespeople.begin(), facets.spokespeople.end()), r.spokespeople);
}

// ---------------------------------------------------------------- stored data

TEST(Schema, StoredDataIsTheReleaseJson) {
  Release r = sample_release();
  EXPECT_EQ(nlohmann::json::parse(doc_for(r).get_data()), release_to_json(r));
}

TEST(Schema, ReleaseFromRoundTripsEveryField) {
  Release r = sample_release();
  Release back = schema::release_from(doc_for(r));
  EXPECT_EQ(release_to_json(back), release_to_json(r));
  EXPECT_EQ(back.id, r.id);
  EXPECT_EQ(back.body, r.body);
  EXPECT_EQ(back.source_line, 7);
  ASSERT_EQ(back.quotes.size(), 1u);
  EXPECT_EQ(back.quotes[0].organisation, "Casa Abierta");
  EXPECT_EQ(back.provenance.at("spokespeople"), Provenance::Extracted);
}

TEST(Schema, ReleaseFromRoundTripsThroughADatabase) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Release r = sample_release();
  Xapian::docid id = db.add_document(doc_for(r));
  EXPECT_EQ(release_to_json(schema::release_from(db.get_document(id))), release_to_json(r));
}

TEST(Schema, ReleaseFromRejectsDataThatIsNotJson) {
  Xapian::Document doc;
  doc.set_data("not json at all");
  EXPECT_THROW(schema::release_from(doc), std::runtime_error);
}

TEST(Schema, ReleaseFromRejectsJsonThatIsNotAReleaseObject) {
  for (const std::string data : {"[1, 2, 3]", "42", "\"text\"", "null"}) {
    Xapian::Document doc;
    doc.set_data(data);
    EXPECT_THROW(schema::release_from(doc), std::runtime_error) << data;
  }
}

// ---------------------------------------------------------------- content_hash

TEST(Schema, ContentHashIsSixteenHexDigits) {
  std::string hash = schema::content_hash(sample_release());
  ASSERT_EQ(hash.size(), 16u) << hash;
  EXPECT_EQ(hash.find_first_not_of("0123456789abcdef"), std::string::npos) << hash;
}

TEST(Schema, ContentHashIsStable) {
  EXPECT_EQ(schema::content_hash(sample_release()), schema::content_hash(sample_release()));
  EXPECT_EQ(schema::content_hash(Release{}), schema::content_hash(Release{}));
}

TEST(Schema, ContentHashChangesWhenAnyFieldChanges) {
  const std::string base = schema::content_hash(sample_release());
  const std::vector<std::pair<std::string, void (*)(Release&)>> edits = {
      {"id", [](Release& r) { r.id += "x"; }},
      {"title", [](Release& r) { r.title += "!"; }},
      {"date", [](Release& r) { r.date = "2020-11-19"; }},
      {"type", [](Release& r) { r.type = "statement"; }},
      {"topics", [](Release& r) { r.topics.push_back("Asylum"); }},
      {"topic order", [](Release& r) { std::swap(r.topics[0], r.topics[1]); }},
      {"spokespeople", [](Release& r) { r.spokespeople.pop_back(); }},
      {"contacts", [](Release& r) { r.contacts.clear(); }},
      {"quote", [](Release& r) { r.quotes[0].text = "Changed."; }},
      {"location", [](Release& r) { r.location = "Phoenix"; }},
      {"url", [](Release& r) { r.url += "/"; }},
      {"lang", [](Release& r) { r.lang = "es"; }},
      {"summary", [](Release& r) { r.summary = ""; }},
      {"body", [](Release& r) { r.body += " More."; }},
      {"provenance", [](Release& r) { r.provenance["title"] = Provenance::Extracted; }},
  };
  for (const auto& [name, edit] : edits) {
    Release r = sample_release();
    edit(r);
    EXPECT_NE(schema::content_hash(r), base) << "changing " << name;
  }
}

// -------------------------------------------------------------- facet encoding

TEST(Schema, FacetEncodingRoundTrips) {
  Release r = sample_release();
  std::string encoded = schema::encode_facets(r);
  schema::FacetRecord facets = schema::decode_facets(encoded);
  EXPECT_EQ(facets.type, r.type);
  EXPECT_EQ(facets.month, "2020-11");
  ASSERT_EQ(facets.topics.size(), 2u);
  EXPECT_EQ(facets.topics[0], "Family Detention");
  EXPECT_EQ(facets.topics[1], "Public Health");
  ASSERT_EQ(facets.spokespeople.size(), 2u);
  EXPECT_EQ(facets.spokespeople[0], "Lucía Fernández");
  EXPECT_EQ(facets.spokespeople[1], "Ana Ruiz");
}

TEST(Schema, FacetEncodingRoundTripsEmptyLists) {
  struct Case {
    std::vector<std::string> topics, people;
  };
  const std::vector<Case> cases = {{{}, {}}, {{"Asylum"}, {}}, {{}, {"Ana Ruiz"}}, {{"A", "B", "C"}, {}}};
  for (const Case& c : cases) {
    Release r = sample_release();
    r.topics = c.topics;
    r.spokespeople = c.people;
    const std::string encoded = schema::encode_facets(r);  // decode_facets() returns views into it
    schema::FacetRecord facets = schema::decode_facets(encoded);
    EXPECT_EQ(facets.type, "press-release");
    EXPECT_EQ(facets.month, "2020-11");
    EXPECT_EQ(std::vector<std::string>(facets.topics.begin(), facets.topics.end()), c.topics)
        << c.topics.size() << " topics, " << c.people.size() << " people";
    EXPECT_EQ(std::vector<std::string>(facets.spokespeople.begin(), facets.spokespeople.end()), c.people)
        << c.topics.size() << " topics, " << c.people.size() << " people";
  }
}

TEST(Schema, FacetEncodingKeepsDisplayForms) {
  Release r = sample_release();
  r.topics = {"Children's Rights", "Acción Legal"};
  const std::string encoded = schema::encode_facets(r);
  schema::FacetRecord facets = schema::decode_facets(encoded);
  ASSERT_EQ(facets.topics.size(), 2u);
  EXPECT_EQ(facets.topics[0], "Children's Rights");
  EXPECT_EQ(facets.topics[1], "Acción Legal");
}

TEST(Schema, DecodingAnEmptySlotGivesNoFacets) {
  schema::FacetRecord facets = schema::decode_facets("");
  EXPECT_TRUE(facets.type.empty());
  EXPECT_TRUE(facets.month.empty());
  EXPECT_TRUE(facets.topics.empty());
  EXPECT_TRUE(facets.spokespeople.empty());
}

// ------------------------------------------------------------ duplicate groups

TEST(Schema, AReleaseInItsOwnGroupHasNoCopySlot) {
  Xapian::Document doc = doc_for(sample_release());
  EXPECT_EQ(doc.get_value(schema::kDupGroup), "2020-11-18-family-detention");
  EXPECT_EQ(doc.get_value(schema::kCopyOf), "");
}

TEST(Schema, ACopyCarriesItsGroupInTheCopySlot) {
  Xapian::Document doc = doc_for(sample_release());
  schema::set_duplicate_group(doc, "2020-11-17-first-posting");
  EXPECT_EQ(doc.get_value(schema::kDupGroup), "2020-11-17-first-posting");
  EXPECT_EQ(doc.get_value(schema::kCopyOf), "2020-11-17-first-posting");
  EXPECT_TRUE(terms_of(doc).count(schema::duplicate_group_term("2020-11-17-first-posting")));
}

TEST(Schema, AReleaseBackInItsOwnGroupLosesTheCopySlot) {
  Xapian::Document doc = doc_for(sample_release());
  schema::set_duplicate_group(doc, "2020-11-17-first-posting");
  schema::set_duplicate_group(doc, "2020-11-18-family-detention");
  EXPECT_EQ(doc.get_value(schema::kCopyOf), "");
  EXPECT_FALSE(terms_of(doc).count(schema::duplicate_group_term("2020-11-17-first-posting")));
}

// --------------------------------------------------------------- spelling mirror

std::vector<schema::SpellingEntry> numbered_words(size_t n) {
  std::vector<schema::SpellingEntry> words;
  for (size_t i = 0; i < n; ++i) {
    char word[32];
    std::snprintf(word, sizeof word, "palabra%08zu", i);  // in word order, as spellings_begin() lists them
    words.push_back({word, static_cast<Xapian::termcount>(1 + i % 7)});
  }
  return words;
}

std::string show(const std::vector<schema::SpellingEntry>& words) {
  std::string out;
  for (const schema::SpellingEntry& w : words) out += w.word + "=" + std::to_string(w.frequency) + " ";
  return out;
}

TEST(Schema, SpellingMirrorRoundTripsWordsAndFrequencies) {
  std::vector<schema::SpellingEntry> words = {{"asylum", 12}, {"detención", 3}, {"dilley", 1}};
  schema::SpellingMirror mirror = schema::encode_spelling_mirror(words);
  ASSERT_EQ(mirror.chunks.size(), 1u);
  EXPECT_EQ(mirror.chunks[0], "asylum\t12\ndetención\t3\ndilley\t1\n");
  auto back = schema::decode_spelling_mirror(mirror.head, mirror.chunks);
  ASSERT_TRUE(back);
  EXPECT_EQ(show(*back), show(words));
}

TEST(Schema, AnEmptySpellingTableHasAMirrorOfNoChunks) {
  schema::SpellingMirror mirror = schema::encode_spelling_mirror({});
  EXPECT_TRUE(mirror.chunks.empty());
  EXPECT_EQ(schema::spelling_mirror_chunks(mirror.head), 0u);
  auto back = schema::decode_spelling_mirror(mirror.head, mirror.chunks);
  ASSERT_TRUE(back);
  EXPECT_TRUE(back->empty());
}

TEST(Schema, ALargeSpellingTableIsCutIntoChunksOfWholeLines) {
  std::vector<schema::SpellingEntry> words = numbered_words(150000);  // ≈ 2.7 MB
  schema::SpellingMirror mirror = schema::encode_spelling_mirror(words);
  ASSERT_EQ(mirror.chunks.size(), 3u);
  EXPECT_EQ(schema::spelling_mirror_chunks(mirror.head), 3u);
  for (const std::string& chunk : mirror.chunks) {
    EXPECT_LT(chunk.size(), schema::kSpellingChunkBytes + 64);
    EXPECT_EQ(chunk.back(), '\n');
  }
  auto back = schema::decode_spelling_mirror(mirror.head, mirror.chunks);
  ASSERT_TRUE(back);
  EXPECT_EQ(show(*back), show(words));
}

TEST(Schema, SpellingChunksThatDoNotMatchTheHeadAreRejected) {
  schema::SpellingMirror mirror = schema::encode_spelling_mirror(numbered_words(150000));
  std::vector<std::string> missing(mirror.chunks.begin(), mirror.chunks.end() - 1);
  EXPECT_FALSE(schema::decode_spelling_mirror(mirror.head, missing));
  std::vector<std::string> changed = mirror.chunks;
  changed[1][0] = 'P';
  EXPECT_FALSE(schema::decode_spelling_mirror(mirror.head, changed));
}

TEST(Schema, AnIndexWithoutASpellingMirrorHasNoHead) {
  EXPECT_FALSE(schema::spelling_mirror_chunks(""));
  EXPECT_FALSE(schema::spelling_mirror_chunks("not a head"));
}

TEST(Schema, SpellingChunkKeysAreNumberedUnderTheHeadKey) {
  EXPECT_EQ(schema::spelling_chunk_key(0), std::string(schema::kMetaSpelling) + ".0");
  EXPECT_EQ(schema::spelling_chunk_key(12), std::string(schema::kMetaSpelling) + ".12");
}

TEST(Schema, HyphensAndUnderscoresDoNotTellTwoSpellingsOfANameApart) {
  EXPECT_EQ(schema::name_key("COVID-19"), schema::name_key("covid 19"));
  EXPECT_EQ(schema::topic_term("covid-19"), schema::topic_term("COVID-19"));
  EXPECT_EQ(schema::spokesperson_term("jean-luc-martin"), schema::spokesperson_term("Jean-Luc Martin"));
  EXPECT_EQ(schema::quote_speaker_term("angela-hooker"), schema::quote_speaker_term("Angela Hooker"));
}

}  // namespace
}  // namespace pressroom
