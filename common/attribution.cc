#include "common/attribution.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <unordered_set>

#include "common/dateline.h"
#include "common/text_folding.h"
#include "common/paragraphs.h"

namespace pressroom {
namespace {

constexpr size_t kNpos = static_cast<size_t>(-1);
constexpr size_t kMaxNameWords = 4;        // "Juan Carlos Ibarra Gómez"; longer runs are titles
constexpr size_t kStatementMinWords = 6;   // an unattributed quote shorter than this is a phrase
constexpr size_t kAnonymousMinWords = 4;   // "one sophomore wrote" needs a real sentence to quote
constexpr size_t kMergeGapMaxWords = 30;   // an attribution sentence between two pieces of one statement
constexpr size_t kPresenterParagraphs = 3;  // bylines and "the following testimony" come first

// ------------------------------------------------------------------ text





// ------------------------------------------------------------------ tokens

struct Token {
  size_t begin = 0, end = 0;
  bool word = false;
  bool space_before = false;
  char32_t cp = 0;   // the code point of a punctuation token
  std::string key;   // fold_key of a word ("afirmó" → "afirmo")
  bool upper = false;      // starts with a capital
  bool all_caps = false;   // two or more letters, all capitals
};

bool is_quote_mark(char32_t c) { return c == '"' || c == 0x201C || c == 0x201D || c == 0xAB || c == 0xBB; }

// fold_key of one word; most words are ASCII, which need no ICU.
std::string fold_word(std::string_view word) {
  bool ascii = std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (!ascii) return fold_key(word);
  std::string out(word);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// ICU's character classes, with ASCII (nearly every character of a release)
// read from a table that ICU itself filled.
enum CharClass : uint8_t { kAlpha = 1, kDigit = 2, kSpace = 4, kUpper = 8 };
const std::array<uint8_t, 128> kAsciiClasses = [] {
  std::array<uint8_t, 128> classes{};
  for (UChar32 c = 0; c < 128; ++c)
    classes[c] = static_cast<uint8_t>((u_isalpha(c) ? kAlpha : 0) | (u_isdigit(c) ? kDigit : 0) |
                                      (u_isspace(c) ? kSpace : 0) | (u_isupper(c) ? kUpper : 0));
  return classes;
}();
bool is_alpha(UChar32 c) { return c >= 0 && c < 128 ? kAsciiClasses[c] & kAlpha : u_isalpha(c); }
bool is_digit(UChar32 c) { return c >= 0 && c < 128 ? kAsciiClasses[c] & kDigit : u_isdigit(c); }
bool is_space(UChar32 c) { return c >= 0 && c < 128 ? kAsciiClasses[c] & kSpace : u_isspace(c); }
bool is_upper(UChar32 c) { return c >= 0 && c < 128 ? kAsciiClasses[c] & kUpper : u_isupper(c); }

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> tokens;
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  int32_t n = static_cast<int32_t>(s.size()), i = 0;
  bool space = true;
  auto is_word_char = [](UChar32 c) { return is_alpha(c) || is_digit(c); };
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    if (c < 0) c = 0xFFFD;
    if (is_space(c) || c == 0xA0) {
      space = true;
      continue;
    }
    if (!is_word_char(c)) {
      Token t;
      t.begin = static_cast<size_t>(start);
      t.end = static_cast<size_t>(i);
      t.space_before = space;
      t.cp = static_cast<char32_t>(c);
      tokens.push_back(std::move(t));
      space = false;
      continue;
    }
    // A word: letters and digits, with inner apostrophes and hyphens
    // ("O'odham", "Ruiz-Soto", "child's").
    int letters = 0, capitals = 0;
    bool first_upper = is_upper(c);
    if (is_alpha(c)) ++letters;
    if (is_upper(c)) ++capitals;
    int32_t end = i;
    while (end < n) {
      int32_t next = end;
      UChar32 d;
      U8_NEXT(bytes, next, n, d);
      if (is_word_char(d)) {
        if (is_alpha(d)) ++letters;
        if (is_upper(d)) ++capitals;
        end = next;
        continue;
      }
      if (d == '\'' || d == 0x2019 || d == '-') {
        int32_t after = next;
        if (after < n) {
          UChar32 e;
          U8_NEXT(bytes, after, n, e);
          if (is_word_char(e)) {
            end = next;
            continue;
          }
        }
      }
      break;
    }
    i = end;
    Token t;
    t.begin = static_cast<size_t>(start);
    t.end = static_cast<size_t>(end);
    t.word = true;
    t.space_before = space;
    t.key = fold_word(s.substr(t.begin, t.end - t.begin));
    t.upper = first_upper;
    t.all_caps = letters >= 2 && capitals == letters;
    tokens.push_back(std::move(t));
    space = false;
  }
  return tokens;
}

// ------------------------------------------------------------------ vocabularies

bool in(const std::unordered_set<std::string>& set, const std::string& key) { return set.count(key) > 0; }

const std::unordered_set<std::string>& speech_verbs() {
  static const std::unordered_set<std::string> verbs = {
      // English
      "said", "says", "say", "added", "adds", "noted", "notes", "explained", "explains", "wrote",
      "writes", "stated", "states", "continued", "warned", "warns", "urged", "urges", "told", "tells",
      "recalled", "insisted", "argued", "argues", "asked", "observed", "remarked", "concluded",
      "declared", "acknowledged", "emphasized", "emphasised", "stressed", "testified", "cautioned",
      "commented", "replied", "responded", "pointed", "described", "predicted", "vowed", "promised",
      "admitted", "agreed", "shared", "reflected", "announced", "thanked", "called", "praised",
      // Spanish
      "dijo", "dice", "decia", "afirmo", "afirma", "declaro", "declara", "senalo", "senala", "anadio",
      "agrego", "explico", "explica", "indico", "aseguro", "asegura", "advirtio", "expreso", "sostuvo",
      "comento", "subrayo", "destaco", "escribio", "manifesto", "puntualizo", "recordo", "insistio",
      "apunto", "denuncio", "lamento", "pidio", "exigio", "concluyo", "reitero", "enfatizo", "preciso",
      "relato", "conto", "admitio", "reconocio", "anuncio", "agradecio"};
  return verbs;
}

// Verbs that introduce a quote or a paraphrase with their subject first;
// "called", "thanked" and "pidió" take objects too often to lead a quote.
bool is_lead_in_verb(const std::string& key) {
  return in(speech_verbs(), key) && key != "called" && key != "thanked" && key != "praised" &&
         key != "agradecio" && key != "announced" && key != "anuncio";
}

const std::unordered_set<std::string>& pronouns() {
  static const std::unordered_set<std::string> words = {"he", "she", "they", "i", "ella", "yo"};
  return words;
}

// Words that open a sentence or a phrase and cannot start a person's name.
const std::unordered_set<std::string>& non_name_starts() {
  static const std::unordered_set<std::string> words = {
      "the", "this", "that", "these", "those", "our", "we", "in", "on", "at", "for", "from", "when",
      "after", "before", "since", "as", "if", "but", "and", "every", "each", "no", "many", "most",
      "some", "a", "an", "it", "they", "he", "she", "his", "her", "their", "today", "tonight",
      "yesterday", "while", "with", "without", "under", "over", "more", "less", "only", "all", "both",
      "there", "here", "what", "why", "how", "who", "where", "dear", "chair", "members", "thank",
      "los", "las", "la", "el", "un", "una", "en", "por", "para", "con", "sin", "segun", "durante",
      "desde", "este", "esta", "estos", "estas", "cada", "hoy", "ayer", "nuestro", "nuestra",
      "muchos", "muchas", "ninguna", "ningun", "al", "del", "de", "y", "o", "que", "lo", "su", "sus",
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
      "saturday", "sunday", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
      "septiembre", "octubre", "noviembre", "diciembre", "lunes", "martes", "miercoles", "jueves",
      "viernes", "sabado", "domingo", "mr", "st", "san", "santa", "santo", "new", "south", "north",
      "west", "east", "ciudad", "nuevo", "nueva", "puerto", "costa", "rio", "lake", "fort", "mount",
      "port", "saint", "sources", "photo", "foto", "via",
      "read", "more", "share", "follow", "contact", "media", "press", "what", "when", "where", "who"};
  return words;
}

// Words that open a sentence before the name they come to ("So Ana Ruiz
// said", "Finally, Ana Ruiz"): not part of it.
const std::unordered_set<std::string>& discourse_words() {
  static const std::unordered_set<std::string> words = {
      "so", "then", "now", "such", "once", "although", "though", "finally", "like", "eventually",
      "frankly", "whenever", "also", "however", "meanwhile", "indeed", "still", "yet", "instead",
      "additionally", "similarly", "ultimately", "recently", "currently", "later", "first", "next",
      "asi", "luego", "ahora", "entonces", "finalmente", "ademas", "tambien"};
  return words;
}

// Words that make a capitalised run an organisation or a place, not a person.
const std::unordered_set<std::string>& organisation_words() {
  static const std::unordered_set<std::string> words = {
      "center", "centre", "centro", "department", "departamento", "committee", "comite", "council",
      "concejo", "patrol", "patrulla", "court", "corte", "tribunal", "office", "oficina", "service",
      "services", "servicio", "coalition", "coalicion", "alliance", "league", "network", "union",
      "church", "iglesia", "university", "universidad", "college", "school", "district",
      "administration", "house", "senate", "congress", "congreso", "agency", "board", "project",
      "program", "programa", "fund", "foundation", "fundacion", "institute", "association",
      "asociacion", "commission", "county", "condado", "city", "state", "estado", "government",
      "gobierno", "protection", "enforcement", "security", "seguridad", "rights", "derechos",
      "justice", "justicia", "human", "humanos", "customs", "aduanas", "immigration", "inmigracion",
      "homeland", "police", "policia", "bureau", "clinic", "clinica", "hospital", "society", "times",
      "news", "post", "star", "republic", "tribune", "puentes", "ice", "cbp", "dhs", "valley",
      "desert", "river", "street", "avenue", "road", "highway", "bridge", "station", "facility",
      "detention", "processing", "residential", "act", "bill", "order", "title", "protocols",
      "settlement", "plaza", "capitol", "hall", "park", "mesa", "beach", "heights", "barrio",
      "o'odham", "nation", "tribe", "republican", "democrat", "democratic", "party", "judiciary",
      "subcommittee", "supreme", "federal", "national", "international", "united", "states",
      "america", "american", "mexico", "arizona", "texas", "california", "tucson", "phoenix",
      "community", "communities", "coalition", "cooperative", "group", "initiative", "campaign",
      "day", "week", "month", "year", "report", "informe", "hotline", "voters", "league", "fellowship",
      // Documents and teams that "state" things ("the Federal Website
      // Policies state that …").
      "policy", "policies", "website", "websites", "guidance", "memorandum", "regulation", "regulations",
      "standards", "guidelines", "handbook", "framework", "strategy", "public", "affairs", "digital", "team",
      "lab", "platform", "portal"};
  return words;
}

// Capitalised words that turn what follows into a role ("Puentes Executive
// Director Ana Ruiz" → role "Puentes Executive Director", name "Ana Ruiz").
const std::unordered_set<std::string>& role_words() {
  static const std::unordered_set<std::string> words = {
      "director", "directora", "executive", "coordinator", "coordinadora", "coordinador", "counsel",
      "attorney", "abogado", "abogada", "chair", "chairman", "chairwoman", "president", "presidente",
      "presidenta", "manager", "officer", "organizer", "organiser", "organizador", "organizadora",
      "analyst", "lead", "liaison", "spokesperson", "spokeswoman", "spokesman", "secretary",
      "advocate", "founder", "member", "volunteer", "superintendent", "commissioner", "supervisor",
      "chief", "deputy", "specialist", "researcher", "fellow", "staff", "head", "coordinator",
      // The titles of technical and public offices ("Senior Data Scientist
      // NAME said", "Senator NAME said").
      "scientist", "engineer", "designer", "developer", "strategist", "adviser", "advisor", "administrator",
      "architect", "consultant", "editor", "writer", "producer", "associate", "assistant", "professor",
      "economist", "statistician", "technologist", "evangelist", "principal", "investigator", "inspector",
      "librarian", "mayor", "governor", "senator", "representative", "ambassador", "minister", "asesor",
      "asesora", "portavoz", "vocero", "vocera", "ingeniero", "ingeniera", "investigador", "investigadora",
      "panelist", "moderator", "blogger", "reporter", "journalist", "columnist", "meteorologist", "author",
      "expert", "colonel", "col", "captain", "sergeant", "apprentice", "intern", "periodista"};
  return words;
}

bool is_particle(const std::string& key) {
  return key == "de" || key == "del" || key == "la" || key == "las" || key == "los" || key == "van" ||
         key == "von" || key == "der" || key == "da" || key == "di" || key == "du" || key == "le" || key == "y";
}

// "Center's" → "center", for the vocabulary tests.
std::string base_key(const std::string& key) {
  if (key.size() > 2 && key.compare(key.size() - 2, 2, "'s") == 0) return key.substr(0, key.size() - 2);
  if (key.size() > 4 && key.compare(key.size() - 4, 4, "\xE2\x80\x99s") == 0) return key.substr(0, key.size() - 4);
  return key;
}

// ------------------------------------------------------------------ paragraphs

struct NameHit {
  std::string raw;        // as written, without titles or a role run
  size_t first = kNpos;   // token of the first name word
  size_t end = kNpos;     // token after the name (initials included)
  std::string role;       // a role written before the name ("Puentes Executive Director")
};

struct NameMode {
  bool single = false;     // accept one word (a surname, resolved later)
  bool all_caps = false;   // accept names in capitals (WHO: lists of PDFs)
};

class Paragraph {
 public:
  explicit Paragraph(std::string_view text) : text_(text), tokens_(tokenize(text)) {}

  // Pairs of words the whole release also writes in lower case, one after
  // the other ("worker safety"): a capitalised run of two words or more
  // made only of such pairs ("Worker Safety", "Best Practices") is a heading
  // or the name of a thing, not a person. Single words prove nothing ("Young
  // said" in a release about young people). Null: no such check.
  void set_lower_case_pairs(const std::unordered_set<std::string>* pairs) { lower_case_pairs_ = pairs; }

  // Adds this paragraph's pairs of adjacent lower-case words to `pairs`, as
  // "first second" keys.
  void add_lower_case_pairs(std::unordered_set<std::string>& pairs) const {
    for (size_t i = 0; i + 1 < tokens_.size(); ++i)
      if (tokens_[i].word && !tokens_[i].upper && tokens_[i + 1].word && !tokens_[i + 1].upper)
        pairs.insert(tokens_[i].key + ' ' + tokens_[i + 1].key);
  }

  std::string_view text() const { return text_; }
  const std::vector<Token>& tokens() const { return tokens_; }
  size_t size() const { return tokens_.size(); }
  bool word(size_t i) const { return i < tokens_.size() && tokens_[i].word; }
  bool punct(size_t i, char32_t c) const { return i < tokens_.size() && !tokens_[i].word && tokens_[i].cp == c; }
  const std::string& key(size_t i) const {
    static const std::string empty;
    return i < tokens_.size() ? tokens_[i].key : empty;
  }
  std::string_view slice(size_t from, size_t to) const {  // tokens [from, to)
    if (from >= to || from >= tokens_.size()) return {};
    to = std::min(to, tokens_.size());
    return text_.substr(tokens_[from].begin, tokens_[to - 1].end - tokens_[from].begin);
  }
  size_t words_between(size_t from, size_t to) const {
    size_t n = 0;
    for (size_t i = from; i < std::min(to, tokens_.size()); ++i) n += tokens_[i].word;
    return n;
  }
  size_t word_count() const { return words_between(0, tokens_.size()); }

  // A '.', '?' or '!' that ends a sentence, not an abbreviation ("Dr.",
  // "U.S.", "Ariz.", "a.m.") or an initial.
  bool sentence_end(size_t i) const {
    if (i >= tokens_.size() || tokens_[i].word) return false;
    char32_t c = tokens_[i].cp;
    if (c == '?' || c == '!') return true;
    if (c != '.') return false;
    if (i == 0 || !tokens_[i - 1].word || tokens_[i].space_before) return true;
    const Token& before = tokens_[i - 1];
    if (before.end - before.begin == 1) return false;  // an initial, "U.S."
    if (is_honorific(text_.substr(before.begin, before.end - before.begin))) return false;
    static const std::unordered_set<std::string> abbreviations = {
        "st", "ave", "rd", "jr", "sr", "no", "ariz", "calif", "tex", "mass", "wash", "inc", "co", "vs",
        "approx", "dept", "gov", "sen", "rep", "jan", "feb", "aug", "sept", "oct", "nov", "dec"};
    return !in(abbreviations, before.key);
  }

  // Index of the first token of the sentence that contains token `i`.
  size_t sentence_start(size_t i) const {
    size_t k = std::min(i, tokens_.size());
    while (k > 0 && !sentence_end(k - 1)) --k;
    return k;
  }

  // Index one past the sentence that starts at or contains token `i`.
  size_t sentence_stop(size_t i) const {
    size_t k = i;
    while (k < tokens_.size() && !sentence_end(k)) ++k;
    return k;
  }

  // A person's name starting at token `i`, after an optional article and
  // titles ("the Rev.", "Sen.", "Dr."); a run of capitalised words holding a
  // role word keeps only what follows the last one.
  std::optional<NameHit> name_at(size_t i, NameMode mode = {}) const {
    size_t j = i;
    if (word(j) && (key(j) == "the" || key(j) == "el" || key(j) == "la") && word(j + 1) &&
        is_honorific(slice(j + 1, j + 2)) && tokens_[j + 1].upper)
      ++j;
    while (word(j) && tokens_[j].upper && is_honorific(slice(j, j + 1)) &&
           (punct(j + 1, '.') || (word(j + 1) && tokens_[j + 1].upper))) {
      ++j;
      if (punct(j, '.')) ++j;
    }
    // A role in lower case before the name ("said panelist Ana Ruiz", "said
    // senior staff attorney Ana Ruiz"): up to four words, the last a role word.
    std::string lower_role;
    for (size_t k = j; k < j + 4 && word(k) && !tokens_[k].upper; ++k)
      if (in(role_words(), base_key(key(k))) && word(k + 1) && tokens_[k + 1].upper) {
        lower_role = std::string(slice(j, k + 1));
        j = k + 1;
        break;
      }
    std::vector<size_t> words;
    size_t stop = j;
    while (stop < tokens_.size()) {
      if (word(stop) && tokens_[stop].upper) {
        if (!words.empty() && in(non_name_starts(), key(stop)) && !in(role_words(), key(stop))) break;
        bool initial = tokens_[stop].end - tokens_[stop].begin == 1 && punct(stop + 1, '.') &&
                       !tokens_[stop + 1].space_before;
        if (initial) {
          if (words.empty()) break;  // "A. …" opens a list item, not a name
          stop += 2;
          continue;
        }
        words.push_back(stop++);
        continue;
      }
      if (word(stop) && !words.empty() && is_particle(key(stop))) {
        size_t after = stop;
        while (word(after) && is_particle(key(after))) ++after;
        if (word(after) && tokens_[after].upper) {
          stop = after;
          continue;
        }
      }
      break;
    }
    if (words.empty()) return std::nullopt;
    // "So Jacob Parcell", "Finally Ana Ruiz": a sentence's opening word
    // before the name.
    while (words.size() > 1 && in(discourse_words(), key(words[0]))) words.erase(words.begin());
    // "WPI's Taskin Padir": what stands before a possessive is whose they are.
    for (size_t k = words.size() - 1; k-- > 0;)
      if (key(words[k]) != base_key(key(words[k]))) {
        words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(k) + 1);
        break;
      }
    // A role run: "Puentes Legal Director Lucía Fernández".
    size_t last_role = kNpos;
    for (size_t k = 0; k < words.size(); ++k)
      if (in(role_words(), base_key(key(words[k])))) last_role = k;
    std::string role;
    if (last_role != kNpos) {
      role = std::string(slice(words[0], words[last_role] + 1));
      words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(last_role) + 1);
      if (words.empty()) return std::nullopt;
    }
    if (words.size() > kMaxNameWords) return std::nullopt;
    if (words.size() < 2 && !mode.single) return std::nullopt;
    if (in(non_name_starts(), key(words[0]))) return std::nullopt;
    for (size_t w : words) {
      if (in(organisation_words(), base_key(key(w)))) return std::nullopt;
      if (key(w) == "i") return std::nullopt;  // "Then I said", "World War I"
      if (tokens_[w].all_caps && !mode.all_caps) return std::nullopt;
      if (!std::any_of(text_.begin() + static_cast<std::ptrdiff_t>(tokens_[w].begin),
                       text_.begin() + static_cast<std::ptrdiff_t>(tokens_[w].end),
                       [](char c) { return static_cast<unsigned char>(c) >= 0x80 || std::isalpha(static_cast<unsigned char>(c)); }))
        return std::nullopt;  // digits
    }
    if (lower_case_pairs_ && words.size() >= 2) {
      bool written_lower = true;
      for (size_t k = 0; k + 1 < words.size() && written_lower; ++k)
        written_lower = lower_case_pairs_->count(key(words[k]) + ' ' + key(words[k + 1])) > 0;
      if (written_lower) return std::nullopt;
    }
    // A possessive is a name used as an adjective ("Puentes' staff", "Ana's").
    const std::string& last_key = key(words.back());
    if (last_key != base_key(last_key)) return std::nullopt;
    NameHit hit;
    hit.first = words.front();
    hit.end = stop;
    hit.raw = std::string(slice(words.front(), words.back() + 1));
    hit.role = !role.empty() ? role : lower_role;
    return hit;
  }

  // Role and organisation written after a name: ", ROLE at ORG" up to the
  // next comma, sentence end or quotation mark.
  std::pair<std::string, std::string> role_after(size_t i) const {
    if (punct(i, '(')) {  // "(D-Ariz.)"
      while (i < tokens_.size() && !punct(i, ')')) ++i;
      ++i;
    }
    if (!punct(i, ',')) return {};
    size_t from = i + 1, to = from;
    while (to < tokens_.size() && !punct(to, ',') && !punct(to, ';') && !punct(to, ':') && !sentence_end(to) &&
           !(!tokens_[to].word && is_quote_mark(tokens_[to].cp)))
      ++to;
    if (from >= to || !word(from)) return {};
    static const std::unordered_set<std::string> clause_words = {
        "who", "que", "quien", "which", "speaking", "said", "dijo", "in", "at", "en", "during", "after"};
    if (!tokens_[from].upper && in(clause_words, key(from))) return {};
    if (in(speech_verbs(), key(from))) return {};
    std::string role(slice(from, to));
    std::string organisation;
    // The last "at/of/with/for/de ORG" with a capitalised organisation.
    for (size_t k = to; k-- > from + 1;) {
      const std::string& connector = key(k);
      if (connector != "at" && connector != "of" && connector != "with" && connector != "for" && connector != "de")
        continue;
      size_t org = k + 1;
      if (word(org) && (key(org) == "the" || key(org) == "la" || key(org) == "el") && word(org + 1) && tokens_[org + 1].upper)
        ++org;
      if (word(org) && tokens_[org].upper) {
        organisation = std::string(slice(org, to));
        role = std::string(slice(from, k));
        break;
      }
    }
    // A WHO: item's third part: "NAME, ROLE, ORGANISATION".
    if (organisation.empty() && punct(to, ',') && word(to + 1) && tokens_[to + 1].upper) {
      size_t end = to + 1;
      while (end < tokens_.size() && !punct(end, ',') && !punct(end, ';') && !sentence_end(end)) ++end;
      std::string_view candidate = slice(to + 1, end);
      if (contains_organisation_word(to + 1, end)) organisation = std::string(candidate);
    }
    return {normalize_role(role), organisation};
  }

  bool contains_organisation_word(size_t from, size_t to) const {
    for (size_t k = from; k < std::min(to, tokens_.size()); ++k)
      if (word(k) && in(organisation_words(), base_key(key(k)))) return true;
    return false;
  }

 private:
  std::string_view text_;
  std::vector<Token> tokens_;
  const std::unordered_set<std::string>* lower_case_pairs_ = nullptr;
};

// ------------------------------------------------------------------ people

struct Person {
  std::string name;          // canonical
  std::string role, organisation;
};

// A quoted span of one paragraph.
struct Span {
  size_t paragraph;
  size_t open, close;   // tokens of the marks; close == kNpos when unclosed
  size_t chain = kNpos;  // index of the chain (one quotation) it belongs to
  size_t cut_from = kNpos, cut_to = kNpos;  // an attribution inside the quote, left out of its text
};

// What an attribution found: a person, an unnamed source, or nothing.
struct Source {
  enum Kind { None, Named, Unnamed, Pronoun } kind = None;
  Person person;
  bool i = false;  // the pronoun was "I": the release's author

  static Source of(Kind kind) {
    Source source;
    source.kind = kind;
    return source;
  }
  static Source named(Person person) {
    Source source = of(Named);
    source.person = std::move(person);
    return source;
  }
};

struct Chain {
  std::vector<size_t> spans;
  Source source;
  bool merged_away = false;
};

class Attributor {
 public:
  Attributor(std::string_view title, std::string_view body, const NameNormalizer& names)
      : title_(title), names_(names) {
    for (std::string_view p : split_paragraphs(body)) {
      raw_.push_back(p);
      flat_.push_back(collapse_whitespace(p));
    }
    for (const std::string& flat : flat_) paragraphs_.emplace_back(flat);
    for (const Paragraph& p : paragraphs_) p.add_lower_case_pairs(lower_case_pairs_);
    for (Paragraph& p : paragraphs_) p.set_lower_case_pairs(&lower_case_pairs_);
    skip_.assign(paragraphs_.size(), false);
  }

  Attribution run() {
    find_contacts();
    skip_dateline();
    find_presenters();
    find_mentions();
    find_spans();
    attribute_chains();
    return finish();
  }

 private:
  // The canonical person a name stands for, with the role written after it
  // (", ROLE at ORG") or before it ("Puentes Executive Director NAME").
  Person person_from(const Paragraph& p, const NameHit& hit) const {
    Person person;
    person.name = names_.canonical(hit.raw);
    auto [role, organisation] = p.role_after(hit.end);
    person.role = !role.empty() ? role : normalize_role(hit.role);
    person.organisation = organisation;
    return person;
  }

  void remember_role(const Person& person) {
    if (person.name.empty() || person.role.empty()) return;
    roles_.emplace(fold_key(person.name), person);
  }

  void add_spokesperson(const std::string& name) {
    if (name.empty()) return;
    if (spoken_.insert(fold_key(name)).second) spokespeople_.push_back(name);
  }

  // --------------------------------------------------------------- contacts

  static bool has_contact_cue(const std::string& folded) {
    static const std::vector<std::string> cues = {
        "for media inquiries", "media inquiries", "press inquiries", "media contact", "press contact",
        "contact:", "contacts:", "contacto:", "contacto de prensa", "contactos:", "para consultas de prensa",
        "comuniquese con", "para mas informacion, contacte", "for more information, contact"};
    for (const std::string& cue : cues)
      if (folded.find(cue) != std::string::npos) return true;
    // Short labels count only at the start of the line ("Press: NAME").
    for (const char* label : {"press:", "prensa:", "media:", "medios:"})
      if (folded.rfind(label, 0) == 0) return true;
    return false;
  }

  static bool has_press_role(const std::string& folded) {
    for (const char* role : {"press officer", "press secretary", "media relations", "communications manager",
                             "relaciones con los medios", "oficial de prensa", "prensa"})
      if (folded.find(role) != std::string::npos) return true;
    return false;
  }

  static bool has_address(std::string_view line) {
    if (line.find('@') != std::string_view::npos) return true;
    int digits = 0;
    for (char c : line) digits += std::isdigit(static_cast<unsigned char>(c)) ? 1 : 0;
    return digits >= 7;
  }

  void find_contacts() {
    for (size_t p = 0; p < raw_.size(); ++p) {
      bool quoted = false;
      for (const Token& t : paragraphs_[p].tokens()) quoted = quoted || (!t.word && is_quote_mark(t.cp));
      if (quoted) continue;
      bool contact_paragraph = false;
      for (std::string_view line : split_lines(raw_[p])) {
        if (count_words(line) > 40) continue;  // prose, not a contact line
        std::string folded = fold_key(line);
        bool cue = has_contact_cue(folded);
        Paragraph l(line);
        std::optional<NameHit> leading = l.name_at(0);
        bool role_line = leading && has_press_role(folded) && has_address(line) && count_words(line) <= 20;
        if (!cue && !role_line) continue;
        contact_paragraph = true;
        for (size_t i = 0; i < l.size(); ++i) {
          if (!l.word(i) || !l.tokens()[i].upper) continue;
          if (auto hit = l.name_at(i)) {
            std::string name = names_.canonical(hit->raw);
            if (contact_keys_.insert(fold_key(name)).second) contacts_.push_back(name);
            i = hit->end;
          }
        }
      }
      if (contact_paragraph && count_words(raw_[p]) <= 40) skip_[p] = true;
    }
  }

  // The dateline is a place, and its capitals look like a name to the rules.
  void skip_dateline() {
    for (size_t p = 0; p < std::min(paragraphs_.size(), size_t{8}); ++p) {
      if (auto dateline = parse_dateline(flat_[p])) {
        dateline_paragraph_ = p;
        dateline_end_ = dateline->length;
        break;
      }
    }
  }

  // First token of paragraph p after its dateline.
  size_t body_start(size_t p) const {
    if (p != dateline_paragraph_) return 0;
    const auto& tokens = paragraphs_[p].tokens();
    size_t i = 0;
    while (i < tokens.size() && tokens[i].begin < dateline_end_) ++i;
    return i;
  }

  // --------------------------------------------------------------- presenters

  void add_presenter(const Paragraph& p, const NameHit& hit, size_t paragraph) {
    Person person = person_from(p, hit);
    remember_role(person);
    presenters_.push_back({person.name, paragraph});
    add_spokesperson(person.name);
  }

  // Names listed after "by": "signed by NAME, ROLE, and NAME, ROLE".
  void names_after(const Paragraph& p, size_t i, size_t stop, size_t paragraph) {
    while (i < stop) {
      auto hit = p.name_at(i);
      if (!hit) return;
      add_presenter(p, *hit, paragraph);
      size_t k = hit->end;
      // Skip the role up to ", and" / "and" / ";".
      while (k < stop && !(p.word(k) && (p.key(k) == "and" || p.key(k) == "y")) && !p.punct(k, ';')) ++k;
      if (k >= stop) return;
      i = k + 1;
    }
  }

  void find_presenters() {
    static const std::unordered_set<std::string> document_words = {
        "testimony", "testimonio", "op-ed", "column", "letter", "carta", "statement", "declaracion",
        "remarks", "articulo", "comments"};
    static const std::unordered_set<std::string> testimony_words = {
        "testimony", "testimonio", "remarks", "statement", "declaracion"};
    static const std::vector<std::vector<std::string>> subject_cues = {
        {"issued", "the", "following"}, {"delivered", "the", "following"}, {"submitted", "the", "following"},
        {"presented", "the", "following"}, {"gave", "the", "following"}, {"testified"},
        {"emitio", "la", "siguiente"}, {"presento", "el", "siguiente"}, {"rindio", "testimonio"}};
    // The title and the first lines: "Testimony of NAME", "Testimonio de NAME".
    std::vector<std::pair<std::string, size_t>> heads = {{std::string(title_), kNpos}};
    for (size_t p = 0; p < std::min(paragraphs_.size(), kPresenterParagraphs); ++p)
      for (std::string_view line : split_lines(raw_[p])) heads.emplace_back(std::string(line), p);
    for (const auto& [head, paragraph] : heads) {
      Paragraph h(head);
      if (h.size() < 3 || !h.word(0) || !h.word(1)) continue;
      std::string lead = h.key(0) + " " + h.key(1);
      if (lead == "testimony of" || lead == "testimonio de" || lead == "statement of" ||
          lead == "statement by" || lead == "remarks of" || lead == "remarks by" || lead == "declaracion de")
        if (auto hit = h.name_at(2)) add_presenter(h, *hit, paragraph);
    }
    for (size_t p = 0; p < paragraphs_.size(); ++p) {
      if (skip_[p]) continue;
      const Paragraph& para = paragraphs_[p];
      bool early = p < kPresenterParagraphs + (dateline_paragraph_ == kNpos ? 0 : dateline_paragraph_);
      bool late = p + 2 >= paragraphs_.size();
      // A byline: "By NAME", "Por NAME".
      if (early && para.word(0) && (para.key(0) == "by" || para.key(0) == "por") && para.word_count() <= 20)
        if (auto hit = para.name_at(1)) add_presenter(para, *hit, p);
      // "My name is NAME" / "Mi nombre es NAME".
      if (early || p < 6) {
        for (size_t i = 0; i + 3 < para.size(); ++i) {
          bool english = para.key(i) == "my" && para.key(i + 1) == "name" && para.key(i + 2) == "is";
          bool spanish = para.key(i) == "mi" && para.key(i + 1) == "nombre" && para.key(i + 2) == "es";
          if (english || spanish)
            if (auto hit = para.name_at(i + 3)) add_presenter(para, *hit, p);
        }
      }
      // A tagline closing an op-ed: "NAME is ROLE at ORG."
      if (late && para.word_count() <= 30)
        if (auto hit = para.name_at(0); hit && (para.key(hit->end) == "is" || para.key(hit->end) == "es"))
          add_presenter(para, *hit, p);
      if (!early) continue;
      size_t start = body_start(p);
      for (size_t s = start; s < para.size();) {
        size_t stop = para.sentence_stop(s);
        bool document = false;
        for (size_t i = s; i < stop; ++i) {
          if (para.word(i) && in(document_words, para.key(i))) document = true;
          // "… testimony … by NAME", "signed by NAME, ROLE, and NAME",
          // "the written testimony of NAME", "Testimonio de NAME".
          bool by = document && para.word(i) && (para.key(i) == "by" || para.key(i) == "por");
          bool of = i > s && para.word(i) && (para.key(i) == "of" || para.key(i) == "de") &&
                    in(testimony_words, para.key(i - 1));
          if ((by || of) && i + 1 < stop && para.word(i + 1) && para.tokens()[i + 1].upper) {
            names_after(para, i + 1, stop, p);
            break;
          }
          // "NAME, ROLE, [and NAME, ROLE,] issued the following statement".
          for (const auto& cue : subject_cues) {
            bool match = true;
            for (size_t c = 0; c < cue.size() && match; ++c) match = para.word(i + c) && para.key(i + c) == cue[c];
            if (!match) continue;
            for (size_t k = s; k < i;) {
              auto hit = para.tokens()[k].word && para.tokens()[k].upper ? para.name_at(k) : std::nullopt;
              if (hit && hit->end <= i) {
                add_presenter(para, *hit, p);
                k = hit->end;
              } else {
                ++k;
              }
            }
            i = stop;
            break;
          }
        }
        s = stop + 1;
      }
    }
    // Signers: the names under "Sincerely,".
    for (size_t p = 0; p < raw_.size(); ++p) {
      std::vector<std::string_view> lines = split_lines(raw_[p]);
      for (size_t l = 0; l < lines.size(); ++l) {
        if (lines[l].size() > 30) continue;
        std::string folded = fold_key(lines[l]);
        if (folded != "sincerely," && folded != "respectfully," && folded != "atentamente," &&
            folded != "sinceramente," && folded != "respectfully submitted,")
          continue;
        std::vector<std::string_view> after(lines.begin() + static_cast<std::ptrdiff_t>(l) + 1, lines.end());
        for (size_t q = p + 1; q < raw_.size(); ++q) {
          std::vector<std::string_view> more = split_lines(raw_[q]);
          if (!more.empty()) after.push_back(more.front());
        }
        for (std::string_view line : after) {
          Paragraph s(line);
          auto hit = s.name_at(0);
          if (hit && hit->end == s.size()) add_presenter(s, *hit, p);
        }
      }
    }
    find_who_lists();
  }

  // WHO: / QUIÉN: — the people who will speak at an advisory's event.
  void find_who_lists() {
    for (size_t p = 0; p < raw_.size(); ++p) {
      std::vector<std::string_view> lines = split_lines(raw_[p]);
      for (size_t l = 0; l < lines.size(); ++l) {
        size_t colon = lines[l].find(':');
        if (colon == std::string_view::npos || colon > 30) continue;
        std::string label = fold_key(lines[l].substr(0, colon));
        while (!label.empty() && (label.front() == '*' || label.front() == ' ')) label.erase(0, 1);
        if (label.rfind("who", 0) != 0 && label.rfind("quien", 0) != 0 && label.rfind("speakers", 0) != 0 &&
            label.rfind("featuring", 0) != 0 && label.rfind("participan", 0) != 0)
          continue;
        std::vector<std::string> items;
        std::string rest(trim_space(lines[l].substr(colon + 1)));
        while (!rest.empty() && rest.front() == '*') rest.erase(0, 1);
        size_t start = 0;
        while (start <= rest.size()) {
          size_t end = rest.find(';', start);
          if (end == std::string::npos) end = rest.size();
          std::string item(trim_space(std::string_view(rest).substr(start, end - start)));
          if (!item.empty()) items.push_back(item);
          start = end + 1;
        }
        // A list below the label: the following lines, and when the label
        // ends its paragraph, the short paragraphs that follow (list items).
        for (size_t m = l + 1; m < lines.size(); ++m) items.emplace_back(lines[m]);
        if (l + 1 == lines.size()) {
          for (size_t q = p + 1; q < raw_.size(); ++q) {
            std::string_view next = raw_[q];
            bool quoted = next.rfind("\xE2\x80\x9C", 0) == 0 || next.rfind("\xC2\xAB", 0) == 0 || next.front() == '"';
            if (count_words(next) > 25 || quoted || next.find(':') < 25) break;
            items.emplace_back(next);
            skip_[q] = true;
          }
        }
        for (const std::string& item : items) {
          Paragraph it(item);
          size_t i = 0;
          while (it.punct(i, '-') || it.punct(i, '*') || it.punct(i, 0x2022)) ++i;
          if (it.word(i) && (it.key(i) == "and" || it.key(i) == "y")) ++i;
          auto hit = it.name_at(i, NameMode{false, true});
          if (!hit) continue;
          if (hit->end < it.size() && !it.punct(hit->end, ',') && !it.punct(hit->end, '(')) continue;
          add_presenter(it, *hit, p);
        }
        skip_[p] = true;
      }
    }
  }

  // --------------------------------------------------------------- mentions

  void find_mentions() {
    mentions_.resize(paragraphs_.size());
    for (size_t p = 0; p < paragraphs_.size(); ++p) {
      if (skip_[p]) continue;
      const Paragraph& para = paragraphs_[p];
      for (size_t i = body_start(p); i < para.size(); ++i) {
        if (!para.word(i) || !para.tokens()[i].upper) continue;
        if (auto hit = para.name_at(i)) {
          Person person = person_from(para, *hit);
          remember_role(person);
          bool subject = para.sentence_start(i) == i || i == body_start(p);
          mentions_[p].push_back({person.name, hit->first, subject});
          known_.push_back(person.name);
          i = hit->end - 1;
        }
      }
    }
    for (const auto& presenter : presenters_) known_.push_back(presenter.first);
  }

  // A one-word name: the full name used in the release with that last word;
  // on a tie, someone already quoted.
  std::string resolve_surname(const std::string& word) const {
    std::string key = fold_key(word);
    std::string found;
    for (auto it = known_.rbegin(); it != known_.rend(); ++it) {
      std::string full = fold_key(*it);
      size_t space = full.rfind(' ');
      if (space == std::string::npos || full.substr(space + 1) != key) continue;
      if (found.empty()) found = *it;
      if (spoken_.count(fold_key(*it)) || speakers_.count(fold_key(*it))) return *it;
    }
    return found;
  }

  Person named(const Paragraph& p, const NameHit& hit) {
    Person person = person_from(p, hit);
    if (person.name.find(' ') == std::string::npos) {
      std::string full = resolve_surname(hit.raw);
      if (full.empty()) return {};
      person.name = full;
    }
    if (person.role.empty()) {
      auto known = roles_.find(fold_key(person.name));
      if (known != roles_.end()) {
        person.role = known->second.role;
        person.organisation = known->second.organisation;
      }
    }
    remember_role(person);
    return person;
  }

  // --------------------------------------------------------------- spans

  void find_spans() {
    for (size_t p = 0; p < paragraphs_.size(); ++p) {
      if (skip_[p]) continue;
      const auto& tokens = paragraphs_[p].tokens();
      size_t open = kNpos;
      char32_t open_mark = 0;
      for (size_t i = 0; i < tokens.size(); ++i) {
        const Token& t = tokens[i];
        if (t.word || !is_quote_mark(t.cp)) continue;
        if (open == kNpos) {
          bool opens = t.cp == 0x201C || t.cp == 0xAB ||
                       (t.cp == '"' && (i + 1 < tokens.size() && !tokens[i + 1].space_before));
          if (opens) {
            open = i;
            open_mark = t.cp;
          }
          continue;
        }
        bool closes = (open_mark == 0xAB && t.cp == 0xBB) || (open_mark == 0x201C && (t.cp == 0x201D || t.cp == '"')) ||
                      (open_mark == '"' && (t.cp == '"' || t.cp == 0x201D));
        if (t.cp == 0x201C && open_mark == 0x201C) {  // a new quote opens: the last one never closed
          spans_.push_back({p, open, kNpos, kNpos, kNpos, kNpos});
          open = i;
          continue;
        }
        if (closes) {
          spans_.push_back({p, open, i, kNpos, kNpos, kNpos});
          open = kNpos;
        }
      }
      if (open != kNpos) spans_.push_back({p, open, kNpos, kNpos, kNpos, kNpos});
    }
    // Chains: an unclosed quote continues in the next paragraph when that
    // paragraph opens with a quotation mark.
    for (size_t s = 0; s < spans_.size(); ++s) {
      if (spans_[s].chain != kNpos) continue;
      spans_[s].chain = chains_.size();
      Chain chain;
      chain.spans.push_back(s);
      chains_.push_back(std::move(chain));
      size_t current = s;
      while (spans_[current].close == kNpos && current + 1 < spans_.size()) {
        const Span& next = spans_[current + 1];
        if (next.paragraph != spans_[current].paragraph + 1 || next.open != 0) break;
        spans_[current + 1].chain = spans_[s].chain;
        chains_.back().spans.push_back(current + 1);
        ++current;
      }
    }
  }

  size_t inside_words(const Span& span) const {
    const Paragraph& p = paragraphs_[span.paragraph];
    return p.words_between(span.open + 1, span.close == kNpos ? p.size() : span.close);
  }

  // Limits of the text around a span that may hold its attribution.
  size_t previous_close(const Span& span, size_t index) const {
    if (index > 0 && spans_[index - 1].paragraph == span.paragraph && spans_[index - 1].close != kNpos)
      return spans_[index - 1].close + 1;
    return body_start(span.paragraph);
  }
  size_t next_open(const Span& span, size_t index) const {
    if (index + 1 < spans_.size() && spans_[index + 1].paragraph == span.paragraph) return spans_[index + 1].open;
    return paragraphs_[span.paragraph].size();
  }

  // The first person named in tokens [from, to): a full name, or a surname
  // the release has used with a first name.
  std::optional<Person> first_person_in(const Paragraph& p, size_t from, size_t to) {
    for (size_t i = from; i < std::min(to, p.size()); ++i) {
      if (!p.word(i) || !p.tokens()[i].upper) continue;
      auto hit = p.name_at(i, NameMode{true, false});
      if (!hit || hit->end > to) continue;
      Person person = named(p, *hit);
      if (!person.name.empty()) return person;
      i = hit->end - 1;
    }
    return std::nullopt;
  }

  // The subject of a speech verb at token `verb`, looked for in [from, verb).
  Source subject_of(const Paragraph& p, size_t from, size_t verb) {
    if (from >= verb) return {};
    // A pronoun right before the verb ("she said", "he added").
    size_t last = verb - 1;
    if (p.word(last) && (in(pronouns(), p.key(last)) || p.slice(last, last + 1) == "\xC3\xA9l")) {
      Source source;
      source.kind = Source::Pronoun;
      source.i = p.key(last) == "i" || p.key(last) == "yo";
      return source;
    }
    if (auto person = first_person_in(p, from, verb)) return Source::named(*person);
    // "one sophomore wrote", "A coffee farmer from Lempira told me".
    if (p.words_between(from, verb) <= 8 && p.word(from)) {
      static const std::unordered_set<std::string> determiners = {
          "a", "an", "one", "another", "the", "un", "una", "uno", "otro", "otra", "el", "la", "some", "several"};
      if (in(determiners, p.key(from))) return Source::of(Source::Unnamed);
    }
    return {};
  }

  // "…,” said NAME" / "…,” NAME said" / "…,” according to NAME" / "…”, declaró."
  Source after_attribution(size_t index) {
    const Span& span = spans_[index];
    if (span.close == kNpos) return {};
    const Paragraph& p = paragraphs_[span.paragraph];
    size_t k = span.close + 1, limit = next_open(span, index);
    bool dash = false;
    while (k < limit && !p.word(k) && (p.punct(k, ',') || p.punct(k, 0x2014) || p.punct(k, 0x2013) || p.punct(k, ';'))) {
      dash = dash || p.punct(k, 0x2014) || p.punct(k, 0x2013);
      ++k;
    }
    if (k >= limit || !p.word(k)) return {};
    size_t stop = std::min(limit, p.sentence_stop(k));
    // A pull quote signed with a dash: “…” — NAME, ROLE.
    if (dash && p.tokens()[k].upper && !in(speech_verbs(), p.key(k))) {
      if (auto hit = p.name_at(k, NameMode{true, false})) {
        Person person = named(p, *hit);
        if (!person.name.empty()) return Source::named(person);
      }
    }
    bool according = (p.key(k) == "according" && p.key(k + 1) == "to") || p.key(k) == "segun";
    if (according || in(speech_verbs(), p.key(k))) {
      size_t at = k + (according && p.key(k) == "according" ? 2 : 1);
      if (at >= stop) {  // "declaró." — the subject is left out
        Source source;
        source.kind = Source::Pronoun;
        return source;
      }
      if (p.word(at) && (in(pronouns(), p.key(at)))) return Source::of(Source::Pronoun);
      if (auto hit = p.name_at(at, NameMode{true, false})) {
        Person person = named(p, *hit);
        if (!person.name.empty()) return Source::named(person);
      }
      // "said the center's legal director, NAME".
      for (size_t c = at; c < std::min(stop, at + 10); ++c) {
        if (!p.punct(c, ',')) continue;
        if (auto hit = p.name_at(c + 1)) {
          Person person = named(p, *hit);
          if (person.role.empty()) person.role = normalize_role(p.slice(at, c));
          if (!person.name.empty()) return Source::named(person);
        }
        break;
      }
      return {};
    }
    // Subject first: "NAME said", "Okafor said", "she added", "one sophomore wrote".
    size_t limit_verb = std::min(stop, k + 25);
    for (size_t v = k; v < limit_verb; ++v) {
      if (!p.word(v) || !is_lead_in_verb(p.key(v)) || v == k) continue;
      static const std::unordered_set<std::string> openers = {
          "a", "an", "one", "another", "the", "un", "una", "uno", "otro", "otra", "el", "la", "some", "several"};
      bool plausible = p.tokens()[k].upper || in(pronouns(), p.key(k)) || in(openers, p.key(k));
      if (!plausible) return {};
      return subject_of(p, k, v);
    }
    return {};
  }

  // "NAME, ROLE, said: “…" / "Rosa Delgado added: “…" / "she told me, "…".
  Source lead_in(size_t index) {
    const Span& span = spans_[index];
    const Paragraph& p = paragraphs_[span.paragraph];
    if (span.open == 0) return {};
    size_t before = span.open - 1;
    if (!p.punct(before, ':') && !p.punct(before, ',')) return {};
    size_t from = std::max(previous_close(span, index), p.sentence_start(before));
    if (p.word(from) && ((p.key(from) == "according" && p.key(from + 1) == "to") || p.key(from) == "segun")) {
      if (auto hit = p.name_at(from + (p.key(from) == "segun" ? 1 : 2), NameMode{true, false})) {
        Person person = named(p, *hit);
        if (!person.name.empty()) return Source::named(person);
      }
    }
    for (size_t v = before; v-- > from;) {
      if (!p.word(v) || !is_lead_in_verb(p.key(v))) continue;
      if (p.words_between(v, before) > 8) return {};
      return subject_of(p, from, v);
    }
    // No speech verb, but a clause that opens with a person and ends with a
    // colon: "NAME, who leads the legal team, put it simply: “…”".
    if (p.punct(before, ':') && p.words_between(from, before) <= 20 && p.word(from) && p.tokens()[from].upper) {
      if (auto hit = p.name_at(from, NameMode{true, false})) {
        Person person = named(p, *hit);
        if (!person.name.empty()) return Source::named(person);
      }
    }
    return {};
  }

  // An attribution set inside the quote between dashes, as Spanish writes
  // it: “La frontera no es una zona de guerra —dijo NAME, ROLE—. Es …”.
  // Marks the interjection so that the quote's text leaves it out.
  Source inner_attribution(size_t index) {
    Span& span = spans_[index];
    const Paragraph& p = paragraphs_[span.paragraph];
    size_t end = span.close == kNpos ? p.size() : span.close;
    for (size_t d = span.open + 1; d + 2 < end; ++d) {
      if (!p.punct(d, 0x2014) && !p.punct(d, 0x2013)) continue;
      if (!p.word(d + 1) || !in(speech_verbs(), p.key(d + 1))) continue;
      auto hit = p.name_at(d + 2, NameMode{true, false});
      if (!hit) continue;
      Person person = named(p, *hit);
      if (person.name.empty()) continue;
      size_t close_dash = hit->end;
      while (close_dash < end && !p.punct(close_dash, 0x2014) && !p.punct(close_dash, 0x2013)) ++close_dash;
      span.cut_from = d;
      span.cut_to = std::min(close_dash + 1, end);
      return Source::named(person);
    }
    return {};
  }

  // The person speaking in a paragraph before token `limit`: "NAME, ROLE,
  // said the problem …", "Ortiz también advirtió que …".
  std::optional<Person> speaking_subject(size_t paragraph, size_t limit) {
    const Paragraph& p = paragraphs_[paragraph];
    std::optional<Person> found;
    for (size_t s = body_start(paragraph); s < std::min(limit, p.size());) {
      size_t stop = p.sentence_stop(s);
      for (size_t v = s; v < std::min(stop, limit); ++v) {
        if (!p.word(v) || !is_lead_in_verb(p.key(v)) || v == s) continue;
        if (auto person = first_person_in(p, s, std::min(v, s + 14))) found = person;
        break;
      }
      s = stop + 1;
    }
    return found;
  }

  // The person last named before token `limit`, preferring one who opens a
  // sentence ("NAME, ROLE, was at the Paso del Norte port …" — the port is
  // no one).
  std::optional<Person> last_mentioned(size_t paragraph, size_t limit) const {
    std::optional<Person> any, subject;
    for (const Mention& m : mentions_[paragraph]) {
      if (m.token >= limit) continue;
      any = Person{m.name, {}, {}};
      if (m.subject) subject = any;
    }
    return subject ? subject : any;
  }

  Person with_known_role(Person person) const {
    if (person.role.empty()) {
      auto known = roles_.find(fold_key(person.name));
      if (known != roles_.end()) return known->second;
    }
    return person;
  }

  // A pronoun: the person speaking in this paragraph, else the person last
  // named in it, else the previous quote's speaker (this or the previous
  // paragraph), else the person speaking in the previous paragraph.
  std::optional<Person> resolve_pronoun(size_t index, bool first_person) {
    if (first_person) {
      std::set<std::string> authors;
      for (const auto& presenter : presenters_) authors.insert(fold_key(presenter.first));
      if (authors.size() == 1) return with_known_role(Person{presenters_.front().first, {}, {}});
      return std::nullopt;
    }
    const Span& span = spans_[index];
    if (auto person = speaking_subject(span.paragraph, span.open)) return person;
    if (auto person = last_mentioned(span.paragraph, span.open)) return with_known_role(*person);
    if (last_speaker_ && last_speaker_paragraph_ + 1 >= span.paragraph) return last_speaker_;
    if (span.paragraph > 0) {
      if (auto person = speaking_subject(span.paragraph - 1, kNpos)) return person;
    }
    return std::nullopt;
  }

  // A quote that opens a paragraph, introduced by the paragraph before:
  // "NAME said the clinic has found …" / "NAME … issued the following statement:".
  std::optional<Person> introduced_before(size_t paragraph) {
    if (paragraph == 0) return std::nullopt;
    size_t previous = paragraph - 1;
    bool quoted = std::any_of(spans_.begin(), spans_.end(), [&](const Span& s) { return s.paragraph == previous; });
    if (quoted || skip_[previous]) return std::nullopt;
    std::vector<std::string> here;
    for (const auto& presenter : presenters_)
      if (presenter.second == previous) here.push_back(presenter.first);
    if (here.size() == 1) return with_known_role(Person{here.front(), {}, {}});
    if (!here.empty()) return std::nullopt;
    return speaking_subject(previous, kNpos);
  }

  // True when tokens (close, open) are one sentence at most, the
  // attribution of the first piece: “A,” said NAME, ROLE at ORG. “B …”
  bool only_attribution_between(size_t paragraph, size_t close, size_t open) const {
    const Paragraph& p = paragraphs_[paragraph];
    size_t ends = 0;
    for (size_t k = close + 1; k < open; ++k) ends += p.sentence_end(k);
    return ends <= 1 && p.words_between(close, open) <= kMergeGapMaxWords;
  }

  bool statement_like(const Chain& chain) const {
    if (chain.spans.size() > 1) return true;
    const Span& span = spans_[chain.spans.front()];
    if (inside_words(span) < kStatementMinWords) return false;
    const Paragraph& p = paragraphs_[span.paragraph];
    if (span.close == kNpos) return true;
    size_t last = span.close - 1;
    bool ends = p.punct(last, '.') || p.punct(last, ',') || p.punct(last, '?') || p.punct(last, '!') ||
                p.punct(last, 0x2026);
    bool followed = p.punct(span.close + 1, '.') || p.punct(span.close + 1, ',') || span.close + 1 >= p.size();
    return ends || followed;
  }

  void attribute_chains() {
    for (size_t c = 0; c < chains_.size(); ++c) {
      Chain& chain = chains_[c];
      Source source;
      for (size_t index : chain.spans) {
        if (source.kind == Source::None) source = lead_in(index);
        if (source.kind == Source::None) source = after_attribution(index);
      }
      for (size_t index : chain.spans)
        if (source.kind == Source::None) source = inner_attribution(index);
      size_t first = chain.spans.front();
      const Span& span = spans_[first];
      if (source.kind == Source::Pronoun) {
        if (auto person = resolve_pronoun(first, source.i)) source = Source::named(*person);
        else source = Source::of(Source::Unnamed);
      }
      if (source.kind == Source::None) {
        // A second piece of a statement already attributed in this paragraph.
        if (c > 0) {
          const Chain& previous = chains_[c - 1];
          const Span& last = spans_[previous.spans.back()];
          if (last.paragraph == span.paragraph && previous.source.kind == Source::Named && last.close != kNpos &&
              only_attribution_between(span.paragraph, last.close, span.open)) {
            source = previous.source;
            chain.merged_away = true;
          } else if (last.paragraph == span.paragraph && previous.source.kind == Source::Named) {
            source = previous.source;
          }
        }
      }
      // Guessing the speaker from the paragraph around is for statements: a
      // quoted title or phrase ("The winner was “Working Safely is No
      // Accident”") has no speaker unless one is named beside it.
      if (source.kind == Source::None && statement_like(chain)) {
        std::optional<Person> person = span.open == 0 ? introduced_before(span.paragraph) : std::nullopt;
        if (!person) person = speaking_subject(span.paragraph, span.open);
        if (person) source = Source::named(*person);
      }
      if (source.kind == Source::None) {
        if (!statement_like(chain)) continue;
        source = Source::of(Source::Unnamed);
      }
      if (source.kind == Source::Unnamed) {
        size_t words = 0;
        for (size_t index : chain.spans) words += inside_words(spans_[index]);
        if (words < kAnonymousMinWords) continue;
      }
      chain.source = source;
      if (source.kind == Source::Named) {
        speakers_.insert(fold_key(source.person.name));
        last_speaker_ = source.person;
        last_speaker_paragraph_ = spans_[chain.spans.back()].paragraph;
      }
    }
  }

  std::string quote_text(const Chain& chain) const {
    std::string text;
    size_t paragraph = kNpos;
    for (size_t index : chain.spans) {
      const Span& span = spans_[index];
      const Paragraph& p = paragraphs_[span.paragraph];
      size_t end = span.close == kNpos ? p.size() : span.close;
      std::string piece(trim_space(p.slice(span.open + 1, span.cut_from == kNpos ? end : span.cut_from)));
      if (span.cut_from != kNpos) {
        // "… de desastre —dijo NAME—. Aquí …" → "… de desastre. Aquí …"
        std::string after(trim_space(p.slice(span.cut_to, end)));
        bool glued = !after.empty() && (after[0] == '.' || after[0] == ',' || after[0] == ';' || after[0] == ':');
        piece += (glued || after.empty() ? "" : " ") + after;
      }
      if (piece.empty()) continue;
      if (!text.empty()) text += span.paragraph == paragraph ? " " : "\n\n";
      text += piece;
      paragraph = span.paragraph;
    }
    return text;
  }

  Attribution finish() {
    Attribution out;
    for (size_t c = 0; c < chains_.size(); ++c) {
      const Chain& chain = chains_[c];
      if (chain.source.kind != Source::Named && chain.source.kind != Source::Unnamed) continue;
      std::string text = quote_text(chain);
      if (text.empty()) continue;
      const Person& person = chain.source.person;
      if (chain.merged_away && !out.quotes.empty() && out.quotes.back().speaker == person.name) {
        out.quotes.back().text += " " + text;
        continue;
      }
      Quote quote;
      quote.text = text;
      quote.speaker = person.name;
      Person described = with_known_role(person);
      quote.role = described.role;
      quote.organisation = described.organisation;
      quote.paragraph = flat_[spans_[chain.spans.front()].paragraph];
      out.quotes.push_back(std::move(quote));
      if (!person.name.empty()) add_spokesperson(person.name);
    }
    // Spokespeople in order of first appearance: presenters come first in
    // the text, speakers as their quotes come.
    out.spokespeople = spokespeople_;
    out.contacts = contacts_;
    return out;
  }

  std::string_view title_;
  const NameNormalizer& names_;
  std::vector<std::string_view> raw_;
  std::vector<std::string> flat_;
  std::vector<Paragraph> paragraphs_;
  std::unordered_set<std::string> lower_case_pairs_;  // Paragraph::set_lower_case_pairs
  std::vector<bool> skip_;  // contact blocks and WHO: lists: not prose
  size_t dateline_paragraph_ = kNpos;
  size_t dateline_end_ = 0;

  std::vector<std::string> contacts_;
  std::set<std::string> contact_keys_;
  std::vector<std::pair<std::string, size_t>> presenters_;  // name, paragraph (kNpos: the title)
  struct Mention {
    std::string name;
    size_t token;
    bool subject;  // opens its sentence: who the sentence is about
  };
  std::vector<std::vector<Mention>> mentions_;  // per paragraph
  std::vector<std::string> known_;
  std::map<std::string, Person> roles_;  // fold_key(name) → first person seen with a role

  std::vector<Span> spans_;
  std::vector<Chain> chains_;
  std::set<std::string> speakers_;  // fold_key of everyone quoted so far
  std::optional<Person> last_speaker_;
  size_t last_speaker_paragraph_ = 0;

  std::vector<std::string> spokespeople_;
  std::set<std::string> spoken_;
};

}  // namespace

Attribution attribute_quotes(std::string_view title, std::string_view body, const NameNormalizer& names) {
  return Attributor(title, body, names).run();
}

}  // namespace pressroom
