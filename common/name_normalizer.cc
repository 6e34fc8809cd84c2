#include "common/name_normalizer.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "common/text_folding.h"

namespace pressroom {
namespace {

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::string clean = collapse_whitespace(text);
  size_t start = 0;
  while (start < clean.size()) {
    size_t end = clean.find(' ', start);
    if (end == std::string::npos) end = clean.size();
    words.push_back(clean.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

std::string join_words(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& word : words) {
    if (word.empty()) continue;
    if (!out.empty()) out.push_back(' ');
    out += word;
  }
  return out;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Lower-case words that stay lower case inside a name or a place.
bool is_particle(std::string_view lower) {
  static constexpr std::array<std::string_view, 17> kParticles = {
      "de", "del", "la", "las", "los", "y", "e", "van", "von", "der", "da", "di", "du", "le", "dos", "das", "of"};
  return std::find(kParticles.begin(), kParticles.end(), lower) != kParticles.end();
}

icu::UnicodeString to_unicode(std::string_view text) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
}

// Recases a word written in one case only; leaves mixed case alone, since
// "McDonald" or "DeLeon" cannot be recovered once lost but must not be lost.
std::string recase_word(std::string_view word, bool first) {
  icu::UnicodeString u = to_unicode(word);
  bool has_upper = false, has_lower = false;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    if (u_isupper(c)) has_upper = true;
    if (u_islower(c)) has_lower = true;
    i += U16_LENGTH(c);
  }
  if (has_upper && has_lower) return std::string(word);
  u.toLower();
  std::string lower;
  u.toUTF8String(lower);
  if (!first && is_particle(lower)) return lower;
  icu::UnicodeString out;
  bool start = true;
  int32_t letters_since_start = 0;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    if (start && u_isalpha(c)) {
      out.append(u_toupper(c));
      start = false;
      letters_since_start = 1;
    } else {
      out.append(c);
      if (u_isalpha(c)) ++letters_since_start;
    }
    // A new capital after a hyphen (Ruiz-Soto), and after O'/D' (O'Brien).
    if (c == '-' || ((c == '\'' || c == 0x2019) && letters_since_start == 1)) start = true;
    i += U16_LENGTH(c);
  }
  std::string result;
  out.toUTF8String(result);
  return result;
}

bool is_initial(std::string_view word) {
  if (word.size() == 2 && word[1] == '.') word.remove_suffix(1);
  return word.size() == 1 && std::isupper(static_cast<unsigned char>(word[0]));
}

// Strips quotes, commas and other punctuation a name picks up from its sentence.
std::string_view trim_name_punctuation(std::string_view text) {
  auto is_edge = [](unsigned char c) {
    return c == ' ' || c == ',' || c == ';' || c == ':' || c == '"' || c == '\'' || c == '*' ||
           c == '(' || c == ')' || c == '_';
  };
  while (!text.empty() && is_edge(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && is_edge(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  // A final period belongs to an initial or a title, never to a full name.
  if (text.size() > 3 && text.back() == '.' && text[text.size() - 3] != ' ' &&
      text[text.size() - 3] != '.')
    text.remove_suffix(1);
  return text;
}

std::string without_parentheses(std::string_view text) {
  std::string out;
  int depth = 0;
  for (char c : text) {
    if (c == '(') ++depth;
    else if (c == ')' && depth > 0) --depth;
    else if (depth == 0) out.push_back(c);
  }
  return out;
}

}  // namespace

bool is_honorific(std::string_view word) {
  static constexpr std::array<std::string_view, 46> kTitles = {
      "dr",        "dra",     "doctor",   "rev",       "reverend",  "reverendo", "sen",
      "senator",   "senador", "senadora", "rep",       "representative", "gov", "governor",
      "gobernador", "gobernadora", "mr",  "mrs",       "ms",        "mx",        "miss",
      "prof",      "professor", "hon",    "judge",     "juez",      "jueza",     "mayor",
      "alcalde",   "alcaldesa", "sister", "father",    "fr",        "padre",     "pastor",
      "pastora",   "bishop",  "obispo",   "lic",       "licenciado", "licenciada", "sr",
      "sra",       "srta",    "councilmember", "sheriff"};
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  std::string lower = ascii_lower(word);
  return std::find(kTitles.begin(), kTitles.end(), lower) != kTitles.end();
}

std::string proper_case(std::string_view text) {
  std::vector<std::string> words = split_words(text);
  for (size_t i = 0; i < words.size(); ++i) words[i] = recase_word(words[i], i == 0);
  return join_words(words);
}

std::string normalize_person_name(std::string_view name) {
  std::string plain = without_parentheses(trim_name_punctuation(name));
  std::vector<std::string> words = split_words(trim_name_punctuation(plain));
  size_t first = 0;
  while (first < words.size()) {
    std::string lower = ascii_lower(words[first]);
    bool article = (lower == "the" || lower == "el" || lower == "la") && first + 1 < words.size() &&
                   is_honorific(words[first + 1]);
    if (!article && !is_honorific(words[first])) break;
    ++first;
  }
  std::vector<std::string> kept;
  for (size_t i = first; i < words.size(); ++i) {
    bool middle = i > first && i + 1 < words.size();
    if (middle && is_initial(words[i])) continue;
    kept.push_back(words[i]);
  }
  for (size_t i = 0; i < kept.size(); ++i) kept[i] = recase_word(kept[i], i == 0);
  return join_words(kept);
}

std::string normalize_role(std::string_view role) {
  std::string text = collapse_whitespace(role);
  auto strip = [](std::string& s) {
    while (!s.empty() && (s.back() == ',' || s.back() == '.' || s.back() == ';' || s.back() == ':' || s.back() == ' '))
      s.pop_back();
    size_t lead = 0;
    while (lead < s.size() && (s[lead] == ',' || s[lead] == ' ')) ++lead;
    s.erase(0, lead);
  };
  strip(text);
  // Articles first, then a possessive owner ("the board's", "Puentes'"),
  // which may itself follow an article.
  for (int pass = 0; pass < 2; ++pass) {
    std::string lower = ascii_lower(text);
    for (std::string_view article : {"the ", "a ", "an ", "our ", "its ", "el ", "la ", "un ", "una ", "su "}) {
      if (lower.rfind(article, 0) == 0) {
        text.erase(0, article.size());
        break;
      }
    }
    size_t space = text.find(' ');
    std::string_view head = std::string_view(text).substr(0, space);
    bool possessive = (head.size() > 2 && head.substr(head.size() - 2) == "'s") ||
                      (head.size() > 4 && head.substr(head.size() - 4) == "\xE2\x80\x99s") ||
                      (head.size() > 1 && head.back() == '\'');
    if (possessive && space != std::string::npos) text.erase(0, space + 1);
  }
  strip(text);
  return text;
}

const std::string* NameNormalizer::listed(const std::string& normal) const {
  if (normal.empty() || by_key_.empty()) return nullptr;
  auto found = by_key_.find(fold_key(normal));
  return found == by_key_.end() ? nullptr : &found->second;
}

std::string NameNormalizer::canonical(std::string_view name) const {
  std::string normal = normalize_person_name(name);
  const std::string* canonical = listed(normal);
  return canonical ? *canonical : normal;
}

std::optional<std::string> NameNormalizer::aliased(std::string_view name) const {
  if (by_key_.empty()) return std::nullopt;
  const std::string* canonical = listed(normalize_person_name(name));
  return canonical ? std::optional<std::string>(*canonical) : std::nullopt;
}

std::optional<std::string> NameNormalizer::add(std::string_view canonical,
                                               const std::vector<std::string>& variants) {
  std::string display = collapse_whitespace(canonical);
  if (normalize_person_name(display).empty()) return std::string("empty canonical name");
  std::vector<std::string> keys = {fold_key(normalize_person_name(display))};
  for (const std::string& variant : variants) {
    std::string normal = normalize_person_name(variant);
    if (normal.empty()) return "empty variant of '" + display + "'";
    keys.push_back(fold_key(normal));
  }
  for (const std::string& key : keys) {
    auto found = by_key_.find(key);
    if (found != by_key_.end() && found->second != display)
      return "'" + key + "' is listed for both '" + found->second + "' and '" + display + "'";
  }
  for (const std::string& key : keys) by_key_[key] = display;
  return std::nullopt;
}

std::optional<std::string> load_aliases(const std::filesystem::path& file, NameNormalizer& out) {
  const std::string where = file.string();
  YAML::Node root;
  try {
    root = YAML::LoadFile(where);
  } catch (const YAML::BadFile&) {
    return where + ": cannot read the file";
  } catch (const YAML::Exception& e) {
    return where + ": line " + std::to_string(e.mark.line + 1) + ": " + e.msg;
  }
  NameNormalizer loaded;
  if (root.IsNull()) {
    out = std::move(loaded);
    return std::nullopt;
  }
  if (!root.IsMap()) return where + ": expected a mapping of canonical name → list of variants";
  try {
    for (const auto& entry : root) {
      std::string canonical = entry.first.as<std::string>();
      std::vector<std::string> variants;
      const YAML::Node& list = entry.second;
      if (list.IsSequence()) {
        for (const auto& item : list) {
          if (!item.IsScalar()) return where + ": variants of '" + canonical + "' must be strings";
          variants.push_back(item.as<std::string>());
        }
      } else if (list.IsScalar()) {
        variants.push_back(list.as<std::string>());
      } else if (!list.IsNull()) {
        return where + ": variants of '" + canonical + "' must be a list of strings";
      }
      if (auto error = loaded.add(canonical, variants)) return where + ": " + *error;
    }
  } catch (const YAML::Exception& e) {
    return where + ": line " + std::to_string(e.mark.line + 1) + ": " + e.msg;
  }
  out = std::move(loaded);
  return std::nullopt;
}

}  // namespace pressroom
