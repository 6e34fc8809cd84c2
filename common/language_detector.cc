#include "common/language_detector.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_set>

#include "common/text_folding.h"

namespace pressroom {
namespace {

constexpr size_t kSampleBytes = 3000;

// Function words that are frequent in one language and rare in the other.
// Left out on purpose: words both languages use ("a", "no", "me", "he",
// "son", "con") and the Spanish articles that start English place names
// ("el", "la", "los", "las": El Paso, La Paz, Los Angeles).
const std::unordered_set<std::string>& english_words() {
  static const std::unordered_set<std::string> words = {
      "the", "and", "of", "to", "in", "is", "that", "for", "it", "with", "as", "was", "on",
      "are", "be", "by", "this", "have", "from", "or", "at", "an", "they", "not", "we",
      "their", "has", "were", "would", "been", "who", "will", "its", "which", "but", "our",
      "there", "what", "when", "can", "more", "into", "than", "them", "these", "because",
      "should", "about", "after", "before", "every", "your", "you", "said", "she", "his",
      "her", "had", "did", "does", "how", "where", "while", "without"};
  return words;
}

const std::unordered_set<std::string>& spanish_words() {
  static const std::unordered_set<std::string> words = {
      "de", "que", "en", "y", "del", "se", "por", "un", "para", "una", "su", "al", "es",
      "lo", "como", "mas", "pero", "sus", "le", "ya", "o", "este", "porque", "esta", "entre",
      "cuando", "muy", "sin", "sobre", "tambien", "hasta", "hay", "donde", "quien", "desde",
      "todo", "nos", "durante", "todos", "les", "ni", "contra", "otros", "ese", "eso", "ante",
      "ellos", "esto", "antes", "algunos", "unos", "otro", "otras", "otra", "tanto", "esa",
      "estos", "mucho", "quienes", "nada", "muchos", "cual", "ella", "estar", "estas", "dijo",
      "fue", "han", "ha", "estan", "ser", "cada", "despues", "pueden", "tiene", "tienen"};
  return words;
}

}  // namespace

std::string detect_language(std::string_view text) {
  // A few hundred words tell the language as well as a whole report does.
  if (text.size() > kSampleBytes) {
    size_t cut = text.rfind(' ', kSampleBytes);
    text = text.substr(0, cut == std::string_view::npos ? kSampleBytes : cut);
  }
  const auto& en = english_words();
  const auto& es = spanish_words();
  int en_hits = 0, es_hits = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    auto letter = [&](size_t k) {
      unsigned char c = static_cast<unsigned char>(text[k]);
      return std::isalpha(c) || c >= 0x80;
    };
    while (pos < text.size() && !letter(pos)) ++pos;
    size_t start = pos;
    bool ascii = true;
    for (; pos < text.size() && letter(pos); ++pos)
      if (static_cast<unsigned char>(text[pos]) >= 0x80) ascii = false;
    if (pos == start) break;
    // Folded so that "más" and "MAS" count alike; ICU only for the few
    // words that need it.
    std::string word(text.substr(start, pos - start));
    if (ascii) {
      for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      word = fold_key(word);
    }
    if (en.count(word)) ++en_hits;
    if (es.count(word)) ++es_hits;
  }
  int best = std::max(en_hits, es_hits), other = std::min(en_hits, es_hits);
  if (best < 3 || best * 2 < other * 3) return {};
  return en_hits > es_hits ? "en" : "es";
}

}  // namespace pressroom
