#include "bench/synthetic_corpus.h"

#include <algorithm>
#include <array>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <set>
#include <string_view>
#include <unordered_set>

namespace pressroom {
namespace {

// ---- Word lists -------------------------------------------------------------

// Function words in rough order of English frequency: they take the top ranks,
// so the body reads like text and stopword handling gets exercised.
constexpr std::string_view kStopwords =
    "the of and to a in for is on that with by as at from be this are it an will has was have "
    "its which or not been their also more were but than all new can who about into over these "
    "other our would they after up one two such we had there said out under any may between "
    "through during including most while per only so should could each both where those them "
    "many when what some first against since before very because three then however within among "
    "across well further he his she her you your us him no nor if how why just now being do does "
    "did done here whom whose own same too off again once upon via yet every few much must might "
    "shall";

// Press vocabulary: ranked just below the stopwords, so that the broad queries
// of a benchmark (df 5-60%) are words a journalist would actually type.
constexpr std::string_view kPressWords =
    "government minister announced today national public support programme program funding "
    "million billion policy development community health services economic minister's department "
    "agency council committee report released according year years president prime secretary "
    "federal state local regional international global security climate energy education research "
    "innovation infrastructure investment project projects initiative partnership partners "
    "organisation organization industry business businesses market markets growth jobs employment "
    "workers families children students schools hospital hospitals patients care data digital "
    "technology network systems system management strategy plan plans budget financial finance tax "
    "taxes trade agreement agreements cooperation environment environmental water transport housing "
    "safety emergency response police justice court law legislation bill parliament congress "
    "election european union country countries region city cities citizens people president's "
    "spokesperson statement conference meeting summit visit week month months percent increase "
    "reduce reduced decrease improve improved ensure provide provided providing help helping "
    "continue continued important significant key major additional launch launched launches "
    "announce announcement announces welcome welcomed welcomes commitment committed committee's "
    "access quality standards service private sector sectors training skills science scientific "
    "study studies survey results information media press release contact office offices official "
    "officials chief executive director board members member chair chairman renewable carbon "
    "emissions green sustainable sustainability food agriculture farmers rural urban coastal ocean "
    "forest wildlife defence defense military forces veterans peace human rights freedom women "
    "youth older disability indigenous migrants refugees vaccine vaccination disease outbreak "
    "pandemic testing treatment cost costs price prices inflation interest rate rates bank banks "
    "export exports import imports supply chain manufacturing production road rail airport port "
    "ports bridge construction building buildings broadband mobile online cyber artificial "
    "intelligence software culture arts heritage museum sport sports tourism events festival "
    "ministry commission commissioner governor mayor senator cabinet campaign fund funds grant "
    "grants scheme reform reforms consultation review audit inquiry investigation evidence analysis "
    "findings recommendations guidance regulation regulations framework priority priorities "
    "challenge challenges opportunity opportunities impact impacts measures action actions progress "
    "target targets goal goals delivery deliver delivered record period quarter annual nationwide";

constexpr std::array<std::string_view, 30> kOnsets = {
    "b", "br", "c", "cr", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "l", "m",
    "n", "p", "pl", "pr", "r", "s", "st", "t", "tr", "v", "w", "z", "sh", "ch", "th"};
// The last syllable's onset: a digraph before the final vowel reads oddly.
constexpr std::size_t kFinalOnsets = 27;
constexpr std::array<std::string_view, 13> kVowels = {"a", "e", "i", "o", "u", "a", "e",
                                                      "i", "o", "u", "ai", "ei", "ou"};
constexpr std::array<std::string_view, 12> kCodas = {"", "", "", "", "", "n",
                                                     "r", "l", "m", "st", "nd", "k"};
// No Porter or Snowball English rule removes a final -a or -o, so every engine
// indexes a pseudo-word as itself and their hit counts stay comparable.
constexpr std::array<std::string_view, 2> kFinalVowels = {"a", "o"};

constexpr std::array<std::string_view, 40> kTopics = {
    "economy", "trade", "health", "education", "environment", "climate", "energy", "transport",
    "housing", "justice", "security", "defence", "foreign-affairs", "agriculture", "fisheries",
    "science", "technology", "digital", "culture", "sport", "tourism", "employment",
    "social-welfare", "immigration", "finance", "taxation", "infrastructure", "public-safety",
    "elections", "local-government", "human-rights", "research", "industry", "innovation", "water",
    "telecommunications", "mining", "forestry", "veterans", "youth"};

constexpr std::array<std::string_view, 40> kFirstNames = {
    "Maria", "John", "Anna", "Peter", "Sarah", "David", "Laura", "Michael", "Emma", "James",
    "Sofia", "Thomas", "Elena", "Daniel", "Julia", "Robert", "Clara", "Martin", "Nina", "Paul",
    "Helen", "Marco", "Eva", "Lukas", "Grace", "Omar", "Fatima", "Ken", "Aiko", "Raj",
    "Priya", "Lars", "Ingrid", "Pablo", "Lucia", "Ahmed", "Leila", "Tomasz", "Olga", "Sean"};
constexpr std::array<std::string_view, 30> kLastNames = {
    "Keller", "Smith", "Novak", "Rossi", "Garcia", "Mueller", "Jensen", "Dubois",
    "Kowalski", "Silva", "Brown", "Tanaka", "Patel", "Okafor", "Larsen", "Moreau",
    "Costa", "Nowak", "Fischer", "Hansen", "Murphy", "Schmidt", "Ivanova", "Lopez",
    "Berg", "Kim", "Nguyen", "Haddad", "Svensson", "Varga"};
constexpr std::array<std::string_view, 10> kRoles = {
    "Minister", "Director", "Chief Executive", "Spokesperson", "Secretary", "Chair",
    "Commissioner", "Head of Communications", "Deputy Minister", "Mayor"};

constexpr std::array<std::string_view, 50> kLocations = {
    "Brussels", "London", "Paris", "Berlin", "Madrid", "Rome", "Vienna", "Dublin",
    "Lisbon", "Warsaw", "Prague", "Copenhagen", "Stockholm", "Oslo", "Helsinki", "Amsterdam",
    "Geneva", "Zurich", "Luxembourg", "Athens", "Budapest", "Bucharest", "Sofia", "Zagreb",
    "Ljubljana", "Tallinn", "Riga", "Vilnius", "Ottawa", "Washington", "New York", "Canberra",
    "Wellington", "Tokyo", "Seoul", "Singapore", "Nairobi", "Lagos", "Cairo", "Johannesburg",
    "Brasilia", "Mexico City", "Buenos Aires", "Santiago", "Lima", "Bogota", "Toronto", "Sydney",
    "Melbourne", "Edinburgh"};

constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December"};

constexpr std::array<std::string_view, 4> kTypes = {"press-release", "statement", "report",
                                                    "media-advisory"};

// ---- Shape of the corpus ----------------------------------------------------

constexpr std::size_t kVocabularySize = 50'000;
constexpr double kWordZipf = 1.05;
constexpr std::size_t kCollocations = 3'000;
// Collocation words come from the commoner content words, so that phrase
// queries have hit counts from a handful to thousands.
constexpr std::size_t kCollocationWordRanks = 20'000;
constexpr double kCollocationRate = 0.03;
constexpr std::size_t kTopicWords = 40;
// Topic words sit in the middle of the distribution: common enough to matter,
// rare enough that the boost makes them topical.
constexpr std::size_t kTopicWordLo = 50;
constexpr std::size_t kTopicWordSpan = 8'000;
constexpr double kTopicWordRate = 0.06;
constexpr std::size_t kSpokespeople = 300;
constexpr double kQuoteRate = 0.08;
constexpr double kTitleTopicWordRate = 0.35;

constexpr std::chrono::sys_days kFirstDate{std::chrono::year{2000} / 1 / 1};
constexpr std::chrono::sys_days kLastDate{std::chrono::year{2026} / 6 / 30};

// Independent streams, so that resizing one table leaves the others as they were.
enum class Stream : std::uint64_t { Vocabulary = 1, Collocations, TopicWords, People, Release };

// ---- Randomness -------------------------------------------------------------

constexpr std::uint64_t mix64(std::uint64_t z) {  // the splitmix64 finaliser
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// xoshiro256**: small, fast, and the same sequence everywhere, unlike the
// std:: distributions layered on top of std:: engines.
class Rng {
 public:
  Rng(std::uint64_t seed, Stream stream, std::uint64_t index = 0) {
    std::uint64_t key = mix64(mix64(mix64(seed) + static_cast<std::uint64_t>(stream)) + index);
    for (auto& word : s_) {
      key += 0x9E3779B97F4A7C15ULL;
      word = mix64(key);
    }
  }

  std::uint64_t next() {
    const std::uint64_t result = std::rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = std::rotl(s_[3], 45);
    return result;
  }

  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)

  std::size_t below(std::size_t n) {  // [0, n)
    return std::min(n - 1, static_cast<std::size_t>(uniform() * static_cast<double>(n)));
  }

  int between(int lo, int hi) { return lo + static_cast<int>(below(static_cast<std::size_t>(hi - lo + 1))); }

  bool chance(double p) { return uniform() < p; }

 private:
  std::array<std::uint64_t, 4> s_{};
};

// Walker's alias method: O(1) draws from a fixed discrete distribution, which
// is what makes 600 Zipf draws per release cheap.
class AliasTable {
 public:
  AliasTable() = default;
  explicit AliasTable(const std::vector<double>& weights) : slots_(weights.size()) {
    double total = 0;
    for (double w : weights) total += w;
    std::vector<double> scaled(weights.size());
    std::vector<std::uint32_t> small, large;
    for (std::size_t i = 0; i < weights.size(); ++i) {
      scaled[i] = weights[i] * static_cast<double>(weights.size()) / total;
      (scaled[i] < 1.0 ? small : large).push_back(static_cast<std::uint32_t>(i));
    }
    while (!small.empty() && !large.empty()) {
      const std::uint32_t s = small.back();
      small.pop_back();
      const std::uint32_t l = large.back();
      large.pop_back();
      slots_[s] = {scaled[s], l};
      scaled[l] = (scaled[l] + scaled[s]) - 1.0;
      (scaled[l] < 1.0 ? small : large).push_back(l);
    }
    // What is left is 1 up to rounding error.
    for (std::uint32_t i : small) slots_[i] = {1.0, i};
    for (std::uint32_t i : large) slots_[i] = {1.0, i};
  }

  std::size_t sample(Rng& rng) const {
    const std::size_t i = rng.below(slots_.size());
    const Slot& slot = slots_[i];
    return rng.uniform() < slot.keep ? i : slot.alias;
  }

 private:
  struct Slot {
    double keep = 1.0;
    std::uint32_t alias = 0;
  };
  std::vector<Slot> slots_;
};

std::vector<double> zipf_weights(std::size_t n, double s) {
  std::vector<double> w(n);
  for (std::size_t r = 0; r < n; ++r) w[r] = 1.0 / std::pow(static_cast<double>(r + 1), s);
  return w;
}

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::unordered_set<std::string_view> seen;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find(' '), text.size());
    const std::string_view word = text.substr(0, end);
    if (!word.empty() && seen.insert(word).second) words.emplace_back(word);
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  return words;
}

// Picks k distinct items; k is at most 3 of 40 or 300, so rejection is cheap.
template <std::size_t N>
std::size_t sample_distinct(Rng& rng, const AliasTable& table, std::size_t k,
                            std::array<std::size_t, N>& out) {
  std::size_t n = 0;
  while (n < k) {
    const std::size_t x = table.sample(rng);
    if (std::find(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(n), x) ==
        out.begin() + static_cast<std::ptrdiff_t>(n)) {
      out[n++] = x;
    }
  }
  return n;
}

char ascii_upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

void append_capitalised(std::string& out, std::string_view word) {
  const std::size_t at = out.size();
  out.append(word);
  if (!word.empty()) out[at] = ascii_upper(out[at]);
}

void append_json_string(std::string& out, std::string_view s) {
  out.push_back('"');
  std::size_t run = 0;  // start of the pending run of characters that need no escape
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.substr(run, i - run));
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default: {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out += buf;
      }
    }
  }
  out.append(s.substr(run));
  out.push_back('"');
}

void append_json_array(std::string& out, const std::vector<std::string>& values) {
  out.push_back('[');
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out.push_back(',');
    append_json_string(out, values[i]);
  }
  out.push_back(']');
}

}  // namespace

// ---- The shared tables --------------------------------------------------------

struct SyntheticCorpus::Model {
  std::uint64_t seed;

  std::vector<std::string> vocabulary;  // by rank
  std::size_t real_words = 0;
  AliasTable word_dist;
  std::vector<std::uint32_t> content_ranks;  // vocabulary ranks that are not stopwords
  AliasTable content_dist;

  struct Collocation {
    std::array<std::uint32_t, 3> ranks;
    std::size_t size;
  };
  std::vector<Collocation> collocations;
  AliasTable collocation_dist;

  std::vector<std::string> topics{kTopics.begin(), kTopics.end()};
  AliasTable topic_dist{zipf_weights(kTopics.size(), 0.8)};
  AliasTable topic_count_dist{{5, 3, 2}};  // 1, 2 or 3 topics
  std::vector<std::array<std::uint32_t, kTopicWords>> topic_words;

  std::vector<std::string> people;
  std::vector<std::string_view> roles;  // parallel to people
  AliasTable person_dist{zipf_weights(kSpokespeople, 1.0)};
  AliasTable speaker_count_dist{{3, 5, 2}};  // 0, 1 or 2 spokespeople

  std::vector<std::string> location_caps;  // for the dateline
  AliasTable location_dist{zipf_weights(kLocations.size(), 0.9)};
  AliasTable type_dist{{62, 20, 10, 8}};  // parallel to kTypes
  std::size_t days = static_cast<std::size_t>((kLastDate - kFirstDate).count());

  // Each step reads what the steps before it built.
  explicit Model(std::uint64_t s) : seed(s) {
    build_vocabulary();
    word_dist = AliasTable(zipf_weights(vocabulary.size(), kWordZipf));
    find_content_ranks();
    content_dist = AliasTable(zipf_weights(content_ranks.size(), kWordZipf));
    build_collocations();
    collocation_dist = AliasTable(zipf_weights(collocations.size(), 1.0));
    build_topic_words();
    build_people();
    for (std::string_view city : kLocations) {
      std::string caps(city);
      std::transform(caps.begin(), caps.end(), caps.begin(), ascii_upper);
      location_caps.push_back(std::move(caps));
    }
  }

  // Stopwords first (the 60 commonest outright, the rest each followed by three
  // press words), then the remaining press words, then pseudo-words.
  void build_vocabulary() {
    Rng rng(seed, Stream::Vocabulary);
    const std::vector<std::string> stop = split_words(kStopwords);
    const std::unordered_set<std::string> stopset(stop.begin(), stop.end());
    std::vector<std::string> press;
    for (std::string& w : split_words(kPressWords)) {
      if (!stopset.count(w)) press.push_back(std::move(w));
    }
    for (std::size_t i = press.size(); i > 1; --i) std::swap(press[i - 1], press[rng.below(i)]);

    vocabulary.reserve(kVocabularySize);
    constexpr std::size_t kTopStopwords = 60;
    std::size_t next_press = 0;
    for (std::size_t i = 0; i < stop.size(); ++i) {
      vocabulary.push_back(stop[i]);
      for (int k = 0; i >= kTopStopwords && k < 3 && next_press < press.size(); ++k) {
        vocabulary.push_back(press[next_press++]);
      }
    }
    while (next_press < press.size()) vocabulary.push_back(press[next_press++]);
    real_words = vocabulary.size();

    std::unordered_set<std::string> seen(vocabulary.begin(), vocabulary.end());
    const AliasTable syllables({5, 5, 1});  // 1, 2 or 3 syllables before the final one
    std::string w;
    while (vocabulary.size() < kVocabularySize) {
      w.clear();
      for (std::size_t n = syllables.sample(rng) + 1; n > 0; --n) {
        w += kOnsets[rng.below(kOnsets.size())];
        w += kVowels[rng.below(kVowels.size())];
        w += kCodas[rng.below(kCodas.size())];
      }
      w += kOnsets[rng.below(kFinalOnsets)];
      w += kFinalVowels[rng.below(kFinalVowels.size())];
      if (w.size() < 4 || w.size() > 13 || !seen.insert(w).second) continue;
      vocabulary.push_back(w);
    }
  }

  void find_content_ranks() {
    const std::vector<std::string> stop = split_words(kStopwords);
    const std::unordered_set<std::string> stopset(stop.begin(), stop.end());
    for (std::size_t r = 0; r < vocabulary.size(); ++r) {
      if (!stopset.count(vocabulary[r])) content_ranks.push_back(static_cast<std::uint32_t>(r));
    }
  }

  void build_collocations() {
    Rng rng(seed, Stream::Collocations);
    const AliasTable length_dist({4, 1});  // 2 or 3 words
    std::set<std::array<std::uint32_t, 3>> seen;
    while (collocations.size() < kCollocations) {
      Collocation c{{UINT32_MAX, UINT32_MAX, UINT32_MAX}, length_dist.sample(rng) + 2};
      for (std::size_t k = 0; k < c.size; ++k) {
        std::size_t content;
        do content = content_dist.sample(rng);
        while (content >= kCollocationWordRanks);
        c.ranks[k] = content_ranks[content];
      }
      const bool repeats = c.ranks[0] == c.ranks[1] || c.ranks[1] == c.ranks[2] ||
                           (c.size == 3 && c.ranks[0] == c.ranks[2]);
      if (repeats || !seen.insert(c.ranks).second) continue;
      collocations.push_back(c);
    }
  }

  void build_topic_words() {
    Rng rng(seed, Stream::TopicWords);
    topic_words.resize(topics.size());
    for (auto& words : topic_words) {
      for (std::size_t n = 0; n < kTopicWords;) {
        const auto rank = content_ranks[kTopicWordLo + rng.below(kTopicWordSpan)];
        if (std::find(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(n), rank) ==
            words.begin() + static_cast<std::ptrdiff_t>(n)) {
          words[n++] = rank;
        }
      }
    }
  }

  void build_people() {
    Rng rng(seed, Stream::People);
    std::unordered_set<std::string> seen;
    while (people.size() < kSpokespeople) {
      std::string name(kFirstNames[rng.below(kFirstNames.size())]);
      name += ' ';
      name += kLastNames[rng.below(kLastNames.size())];
      if (!seen.insert(name).second) continue;
      people.push_back(std::move(name));
      roles.push_back(kRoles[rng.below(kRoles.size())]);
    }
  }

  SyntheticRelease release(std::uint64_t index) const;
};

SyntheticRelease SyntheticCorpus::Model::release(std::uint64_t index) const {
  using namespace std::chrono;
  Rng rng(seed, Stream::Release, index);
  SyntheticRelease r;

  std::array<std::size_t, 3> topic_ix{};
  const std::size_t ntopics = sample_distinct(rng, topic_dist, topic_count_dist.sample(rng) + 1, topic_ix);
  for (std::size_t k = 0; k < ntopics; ++k) r.topics.push_back(topics[topic_ix[k]]);

  std::array<std::size_t, 2> speaker_ix{};
  const std::size_t nspeakers = sample_distinct(rng, person_dist, speaker_count_dist.sample(rng), speaker_ix);
  for (std::size_t k = 0; k < nspeakers; ++k) r.spokespeople.push_back(people[speaker_ix[k]]);

  // Density 1 + 2x over the range, x in [0, 1): about three times as many
  // releases a day at the end as at the start. Inverse CDF of (x + x^2) / 2.
  const double x = (-1.0 + std::sqrt(1.0 + 8.0 * rng.uniform())) / 2.0;
  const auto offset = std::min(days, static_cast<std::size_t>(x * static_cast<double>(days + 1)));
  const year_month_day ymd{kFirstDate + std::chrono::days{static_cast<int>(offset)}};
  const int year = static_cast<int>(ymd.year());
  const unsigned month = static_cast<unsigned>(ymd.month());
  const unsigned day = static_cast<unsigned>(ymd.day());
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year, month, day);
  r.date = buf;

  r.type = kTypes[type_dist.sample(rng)];
  const std::size_t location = location_dist.sample(rng);
  r.location = kLocations[location];

  // Title: content words only, sometimes one of the first topic's words.
  std::array<std::uint32_t, 14> title_words{};
  const auto ntitle = static_cast<std::size_t>(rng.between(8, 14));
  for (std::size_t k = 0; k < ntitle; ++k) title_words[k] = content_ranks[content_dist.sample(rng)];
  if (rng.chance(kTitleTopicWordRate)) {
    title_words[rng.below(ntitle)] = topic_words[topic_ix[0]][rng.below(kTopicWords)];
  }
  for (std::size_t k = 0; k < ntitle; ++k) {
    const std::string& w = vocabulary[title_words[k]];
    if (k) r.title += ' ';
    if (k == 0 || w.size() > 3) {
      append_capitalised(r.title, w);
    } else {
      r.title += w;
    }
  }

  std::string slug;
  for (std::size_t k = 0; k < std::min<std::size_t>(6, ntitle); ++k) {
    if (k) slug += '-';
    for (char c : vocabulary[title_words[k]]) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) slug += c;
    }
  }
  std::snprintf(buf, sizeof buf, "/%04d/%02u/%07llu-", year, month, static_cast<unsigned long long>(index));
  r.url = "https://press.example.org";
  r.url += buf;
  r.url += slug;
  std::snprintf(buf, sizeof buf, "pr%07llu", static_cast<unsigned long long>(index));
  r.id = buf;
  r.lang = "en";

  // Body tokens: Zipf words, with collocations and topic words mixed in.
  const auto nbody = static_cast<std::size_t>(rng.between(300, 900));
  std::vector<std::uint32_t> tokens;
  tokens.reserve(nbody + 2);
  while (tokens.size() < nbody) {
    const double u = rng.uniform();
    if (u < kCollocationRate) {
      const Collocation& c = collocations[collocation_dist.sample(rng)];
      tokens.insert(tokens.end(), c.ranks.begin(), c.ranks.begin() + static_cast<std::ptrdiff_t>(c.size));
    } else if (u < kCollocationRate + kTopicWordRate) {
      tokens.push_back(topic_words[topic_ix[rng.below(ntopics)]][rng.below(kTopicWords)]);
    } else {
      tokens.push_back(static_cast<std::uint32_t>(word_dist.sample(rng)));
    }
  }
  tokens.resize(nbody);

  // Dateline, then sentences of 8-25 words in paragraphs of 3-6 sentences.
  std::string& body = r.body;
  body.reserve(nbody * 9 + 256);
  body += location_caps[location];
  std::snprintf(buf, sizeof buf, ", %u ", day);
  body += buf;
  body += kMonths[month - 1];
  std::snprintf(buf, sizeof buf, " %d \u2014 ", year);
  body += buf;
  std::size_t pos = 0;
  int in_paragraph = 0;
  int paragraph_length = rng.between(3, 6);
  while (pos < nbody) {
    std::size_t end = std::min(nbody, pos + static_cast<std::size_t>(rng.between(8, 25)));
    if (nbody - end < 4) end = nbody;  // no stub sentence at the end
    const bool quote = nspeakers > 0 && rng.chance(kQuoteRate);
    if (in_paragraph) body += ' ';
    if (quote) body += "\u201c";
    append_capitalised(body, vocabulary[tokens[pos]]);
    for (std::size_t k = pos + 1; k < end; ++k) {
      body += ' ';
      body += vocabulary[tokens[k]];
    }
    if (quote) {
      const std::size_t who = speaker_ix[rng.below(nspeakers)];
      body += ",\u201d said ";
      body += people[who];
      body += ", ";
      body += roles[who];
    }
    body += '.';
    pos = end;
    if (++in_paragraph == paragraph_length && pos < nbody) {
      body += "\n\n";
      in_paragraph = 0;
      paragraph_length = rng.between(3, 6);
    }
  }
  return r;
}

// ---- Public interface -----------------------------------------------------------

SyntheticCorpus::SyntheticCorpus(std::uint64_t seed) : model_(std::make_shared<const Model>(seed)) {}

std::uint64_t SyntheticCorpus::seed() const { return model_->seed; }

SyntheticRelease SyntheticCorpus::release(std::uint64_t index) const { return model_->release(index); }

std::string SyntheticCorpus::release_json(std::uint64_t index) const { return to_json(release(index)); }

void SyntheticCorpus::append_json_line(std::uint64_t index, std::string& out) const {
  pressroom::append_json_line(release(index), out);
}

const std::vector<std::string>& SyntheticCorpus::vocabulary() const { return model_->vocabulary; }

std::size_t SyntheticCorpus::real_word_count() const { return model_->real_words; }

const std::vector<std::string>& SyntheticCorpus::topics() const { return model_->topics; }

const std::vector<std::string>& SyntheticCorpus::spokespeople() const { return model_->people; }

void append_json_line(const SyntheticRelease& r, std::string& out) {
  out += "{\"id\":";
  append_json_string(out, r.id);
  out += ",\"title\":";
  append_json_string(out, r.title);
  out += ",\"date\":";
  append_json_string(out, r.date);
  out += ",\"type\":";
  append_json_string(out, r.type);
  out += ",\"topics\":";
  append_json_array(out, r.topics);
  out += ",\"spokespeople\":";
  append_json_array(out, r.spokespeople);
  out += ",\"location\":";
  append_json_string(out, r.location);
  out += ",\"url\":";
  append_json_string(out, r.url);
  out += ",\"lang\":";
  append_json_string(out, r.lang);
  out += ",\"body\":";
  append_json_string(out, r.body);
  out += "}\n";
}

std::string to_json(const SyntheticRelease& release) {
  std::string out;
  out.reserve(release.body.size() + release.title.size() + 512);
  append_json_line(release, out);
  out.pop_back();  // the "\n"
  return out;
}

}  // namespace pressroom
