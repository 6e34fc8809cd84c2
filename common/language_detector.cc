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
  // fold_key lowers case and strips accents, so "más" and "MAS" count alike.
  std::string folded = fold_key(text);
  const auto& en = english_words();
  const auto& es = spanish_words();
  int en_hits = 0, es_hits = 0;
  size_t start = 0;
  while (start < folded.size()) {
    while (start < folded.size() && !std::isalpha(static_cast<unsigned char>(folded[start]))) ++start;
    size_t end = start;
    while (end < folded.size() && std::isalpha(static_cast<unsigned char>(folded[end]))) ++end;
    if (end > start) {
      std::string word = folded.substr(start, end - start);
      if (en.count(word)) ++en_hits;
      if (es.count(word)) ++es_hits;
    }
    start = end + 1;
  }
  int best = std::max(en_hits, es_hits), other = std::min(en_hits, es_hits);
  if (best < 3 || best * 2 < other * 3) return {};
  return en_hits > es_hits ? "en" : "es";
}

}  // namespace pressroom
