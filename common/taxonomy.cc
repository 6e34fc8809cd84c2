#include "common/taxonomy.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>
#include <xapian.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <sstream>

#include "common/schema.h"
#include "common/text_folding.h"

namespace pressroom {
namespace {

constexpr double kTitleEvidence = 2;  // weighted title hits that make a topic the title's

// The words of a text, lower case with their accents: runs of letters and
// digits; apostrophes, hyphens, dashes and quotation marks split words, as
// they do for the indexer ("children's" → "children", "s"). ICU is paid only
// for words that are not ASCII, which most are.
std::vector<std::string> lower_words(std::string_view text) {
  std::vector<std::string> words;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  int32_t n = static_cast<int32_t>(text.size()), i = 0, start = -1;
  bool ascii = true;
  auto flush = [&](int32_t end) {
    if (start < 0) return;
    std::string_view word = text.substr(static_cast<size_t>(start), static_cast<size_t>(end - start));
    std::string lower;
    if (ascii) {
      lower.assign(word);
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())))
          .toLower()
          .toUTF8String(lower);
    }
    words.push_back(std::move(lower));
    start = -1;
    ascii = true;
  };
  while (i < n) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    if (c >= 0 && u_isalnum(c)) {
      if (start < 0) start = at;
      if (c >= 0x80) ascii = false;
    } else {
      flush(at);
    }
  }
  flush(n);
  return words;
}

bool is_ascii(std::string_view word) {
  return std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Accents folded away ("detención" → "detencion").
std::vector<std::string> folded(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  out.reserve(words.size());
  for (const std::string& word : words) out.push_back(is_ascii(word) ? word : fold_key(word));
  return out;
}

// Stemmed with their accents, then folded: the Spanish stemmer needs the
// accent to see that "deportación" and "deportaciones" share a stem.
template <typename Stem>
std::vector<std::string> stemmed(const std::vector<std::string>& words, const Stem& stem) {
  std::vector<std::string> out;
  out.reserve(words.size());
  for (const std::string& word : words) {
    std::string s = stem(word);
    out.push_back(is_ascii(s) ? s : fold_key(s));
  }
  return out;
}

}  // namespace

void Taxonomy::add(Index& index, std::vector<std::string> words, size_t topic, double weight) {
  if (words.empty()) return;
  std::vector<Phrase>& list = index[words.front()];
  list.push_back({std::move(words), topic, weight});
  std::stable_sort(list.begin(), list.end(),
                   [](const Phrase& a, const Phrase& b) { return a.words.size() > b.words.size(); });
}

void Taxonomy::hits(const std::vector<std::string>& stems, const std::vector<std::string>& plain,
                    const Index& index, std::vector<double>& out) const {
  auto matches = [](const std::vector<std::string>& text, size_t at, const Phrase& phrase) {
    if (at + phrase.words.size() > text.size()) return false;
    for (size_t k = 0; k < phrase.words.size(); ++k)
      if (text[at + k] != phrase.words[k]) return false;
    return true;
  };
  size_t i = 0;
  while (i < stems.size()) {
    // The longest phrase at this position, stemmed or `any`; every topic
    // that lists it gets its weight.
    size_t best = 0;
    std::vector<const Phrase*> found;
    auto consider = [&](const Index& from, const std::vector<std::string>& text) {
      auto it = from.find(text[i]);
      if (it == from.end()) return;
      for (const Phrase& phrase : it->second) {
        if (phrase.words.size() < best || !matches(text, i, phrase)) continue;
        if (phrase.words.size() > best) found.clear();
        best = phrase.words.size();
        found.push_back(&phrase);
      }
    };
    consider(index, stems);
    consider(any_, plain);
    if (best == 0) {
      ++i;
      continue;
    }
    std::vector<size_t> credited;
    for (const Phrase* phrase : found) {
      if (std::find(credited.begin(), credited.end(), phrase->topic) != credited.end()) continue;
      credited.push_back(phrase->topic);
      out[phrase->topic] += phrase->weight;
    }
    i += best;
  }
}

std::vector<TopicScore> Taxonomy::score(std::string_view title, std::string_view body, std::string_view lang) const {
  std::string language = lang.substr(0, 2) == "es" ? "es" : "en";
  const Xapian::Stem& stem = schema::stemmer_for(language);
  static const Index kNone;
  auto found = by_language_.find(language);
  const Index& index = found == by_language_.end() ? kNone : found->second;

  std::vector<double> title_hits(topics_.size()), body_hits(topics_.size());
  std::vector<std::string> title_words = lower_words(title), body_words = lower_words(body);
  hits(stemmed(title_words, stem), folded(title_words), index, title_hits);
  hits(stemmed(body_words, stem), folded(body_words), index, body_hits);

  // Long reports repeat their subject more often without being more about it.
  double scale = body_words.size() > settings_.reference_words
                     ? settings_.reference_words / static_cast<double>(body_words.size())
                     : 1.0;
  std::vector<TopicScore> scores;
  for (size_t t = 0; t < topics_.size(); ++t) {
    if (title_hits[t] == 0 && body_hits[t] == 0) continue;
    TopicScore s;
    s.topic = topics_[t];
    s.title = title_hits[t];
    s.body = body_hits[t] * scale;
    s.score = s.title * settings_.title_weight + s.body;
    scores.push_back(std::move(s));
  }
  std::stable_sort(scores.begin(), scores.end(), [](const TopicScore& a, const TopicScore& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.title > b.title;
  });
  return scores;
}

std::vector<std::string> Taxonomy::classify(std::string_view title, std::string_view body, std::string_view lang) const {
  std::vector<std::string> out;
  std::vector<TopicScore> scores = score(title, body, lang);
  if (scores.empty()) return out;
  double best = scores.front().score;
  for (const TopicScore& s : scores) {
    if (out.size() >= settings_.max_topics) break;
    // One weak word in a title ("Youth", "Detention") is not the title
    // naming the topic; it needs a phrase or two words.
    bool titled = s.title >= kTitleEvidence;
    double needed = titled ? settings_.min_score : settings_.body_only_min_score;
    if (s.score < needed || s.score < settings_.min_share * best) continue;
    out.push_back(s.topic);
  }
  return out;
}

std::optional<std::string> parse_taxonomy(std::string_view yaml, const std::string& where, Taxonomy& out) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    return where + ": line " + std::to_string(e.mark.line + 1) + ": " + e.msg;
  }
  if (!root.IsMap() || !root["topics"] || !root["topics"].IsMap())
    return where + ": expected a mapping with a 'topics' mapping of topic → phrases";
  Taxonomy taxonomy;
  // Stemmers of our own: loading happens once, before any worker runs.
  const Xapian::Stem english("english"), spanish("spanish");
  try {
    if (const YAML::Node settings = root["settings"]) {
      if (!settings.IsMap()) return where + ": 'settings' must be a mapping";
      for (const auto& entry : settings) {
        std::string key = entry.first.as<std::string>();
        double value = entry.second.as<double>();
        if (value < 0) return where + ": setting '" + key + "' must not be negative";
        TaxonomySettings& s = taxonomy.settings_;
        if (key == "title_weight") s.title_weight = value;
        else if (key == "reference_words") s.reference_words = std::max(1.0, value);
        else if (key == "min_score") s.min_score = value;
        else if (key == "body_only_min_score") s.body_only_min_score = value;
        else if (key == "min_share") s.min_share = value;
        else if (key == "max_topics") s.max_topics = static_cast<size_t>(value);
        else return where + ": unknown setting '" + key + "'";
      }
    }
    for (const auto& topic : root["topics"]) {
      std::string name = collapse_whitespace(topic.first.as<std::string>());
      if (name.empty()) return where + ": a topic has an empty name";
      if (std::find(taxonomy.topics_.begin(), taxonomy.topics_.end(), name) != taxonomy.topics_.end())
        return where + ": topic '" + name + "' is listed twice";
      if (!topic.second.IsMap()) return where + ": topic '" + name + "' must map en/es/any to phrase lists";
      size_t index = taxonomy.topics_.size();
      taxonomy.topics_.push_back(name);
      size_t phrases = 0;
      for (const auto& language : topic.second) {
        std::string lang = language.first.as<std::string>();
        if (lang != "en" && lang != "es" && lang != "any")
          return where + ": topic '" + name + "': unknown language '" + lang + "' (use en, es or any)";
        if (!language.second.IsSequence())
          return where + ": topic '" + name + "': '" + lang + "' must be a list of phrases";
        for (const auto& item : language.second) {
          std::string phrase;
          double weight = 1;
          if (item.IsScalar()) {
            phrase = item.as<std::string>();
          } else if (item.IsMap() && item.size() == 1) {
            phrase = item.begin()->first.as<std::string>();
            weight = item.begin()->second.as<double>();
          } else {
            return where + ": topic '" + name + "': each phrase is a string or 'phrase: weight'";
          }
          if (weight <= 0) return where + ": topic '" + name + "': weight of '" + phrase + "' must be positive";
          std::vector<std::string> words = lower_words(phrase);
          if (words.empty()) return where + ": topic '" + name + "': empty phrase";
          if (lang == "any") taxonomy.add(taxonomy.any_, folded(words), index, weight);
          else taxonomy.add(taxonomy.by_language_[lang], stemmed(words, lang == "es" ? spanish : english), index, weight);
          ++phrases;
        }
      }
      if (phrases == 0) return where + ": topic '" + name + "' has no phrases";
    }
  } catch (const YAML::Exception& e) {
    return where + ": line " + std::to_string(e.mark.line + 1) + ": " + e.msg;
  }
  out = std::move(taxonomy);
  return std::nullopt;
}

std::optional<std::string> load_taxonomy(const std::filesystem::path& file, Taxonomy& out) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return file.string() + ": cannot read the file";
  std::ostringstream text;
  text << in.rdbuf();
  return parse_taxonomy(text.str(), file.string(), out);
}

}  // namespace pressroom
