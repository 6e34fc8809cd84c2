#include "bench/synthetic_corpus.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace pressroom {
namespace {

// Building the tables takes milliseconds; share one corpus between tests.
const SyntheticCorpus& corpus42() {
  static const SyntheticCorpus corpus(42);
  return corpus;
}

std::chrono::year_month_day parse_date(const std::string& s) {
  return std::chrono::year{std::stoi(s.substr(0, 4))} /
         std::chrono::month{static_cast<unsigned>(std::stoi(s.substr(5, 2)))} /
         std::chrono::day{static_cast<unsigned>(std::stoi(s.substr(8, 2)))};
}

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'') {
      word += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

TEST(SyntheticCorpus, SameSeedAndIndexGiveIdenticalRelease) {
  const SyntheticCorpus a(42), b(42);
  for (std::uint64_t i : {0ULL, 1ULL, 77ULL, 999'999ULL}) {
    EXPECT_EQ(a.release_json(i), b.release_json(i)) << "index " << i;
    EXPECT_EQ(a.release_json(i), a.release_json(i)) << "index " << i;
  }
}

TEST(SyntheticCorpus, DifferentSeedsGiveDifferentCorpora) {
  const SyntheticCorpus a(42), b(43);
  EXPECT_NE(a.vocabulary(), b.vocabulary());
  for (std::uint64_t i = 0; i < 10; ++i) {
    EXPECT_NE(a.release(i).body, b.release(i).body) << "index " << i;
  }
}

TEST(SyntheticCorpus, DifferentIndicesGiveDifferentReleases) {
  std::set<std::string> bodies;
  for (std::uint64_t i = 0; i < 500; ++i) bodies.insert(corpus42().release(i).body);
  EXPECT_EQ(bodies.size(), 500u);
}

// The prefix property, and what makes --start slices concatenate: a release
// does not depend on which releases were generated before it.
TEST(SyntheticCorpus, ReleaseDoesNotDependOnGenerationOrder) {
  const SyntheticCorpus forward(42), backward(42);
  std::vector<std::string> small;
  for (std::uint64_t i = 0; i < 100; ++i) small.push_back(forward.release_json(i));
  std::vector<std::string> large(300);
  for (std::uint64_t i = 300; i-- > 0;) large[i] = backward.release_json(i);
  for (std::uint64_t i = 0; i < 100; ++i) EXPECT_EQ(small[i], large[i]) << "index " << i;
}

TEST(SyntheticCorpus, EveryLineIsJsonWithAllFields) {
  const std::vector<std::string> fields = {"id",       "title", "date", "type", "topics", "spokespeople",
                                           "location", "url",   "lang", "body"};
  std::string lines;
  for (std::uint64_t i = 0; i < 1000; ++i) corpus42().append_json_line(i, lines);
  std::size_t at = 0;
  for (std::uint64_t i = 0; i < 1000; ++i) {
    const std::size_t nl = lines.find('\n', at);
    ASSERT_NE(nl, std::string::npos) << "line " << i;
    const auto doc = nlohmann::json::parse(lines.substr(at, nl - at));
    at = nl + 1;
    ASSERT_TRUE(doc.is_object());
    std::vector<std::string> keys;
    for (const auto& [key, value] : doc.items()) keys.push_back(key);
    std::vector<std::string> expected = fields;
    std::sort(keys.begin(), keys.end());
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(keys, expected) << "line " << i;
    for (const char* f : {"id", "title", "date", "type", "location", "url", "lang", "body"}) {
      EXPECT_TRUE(doc[f].is_string() && !doc[f].get<std::string>().empty()) << f << " on line " << i;
    }
    EXPECT_TRUE(doc["topics"].is_array());
    EXPECT_TRUE(doc["spokespeople"].is_array());
    char id[16];
    std::snprintf(id, sizeof id, "pr%07llu", static_cast<unsigned long long>(i));
    EXPECT_EQ(doc["id"], id);
    EXPECT_EQ(doc["lang"], "en");
    const std::string date = doc["date"];
    EXPECT_EQ(doc["url"].get<std::string>().rfind(
                  "https://press.example.org/" + date.substr(0, 4) + "/" + date.substr(5, 2) + "/", 0),
              0u)
        << doc["url"];
  }
  EXPECT_EQ(at, lines.size());
}

TEST(SyntheticCorpus, ReleaseJsonMatchesReleaseFields) {
  for (std::uint64_t i = 0; i < 50; ++i) {
    const SyntheticRelease r = corpus42().release(i);
    const auto doc = nlohmann::json::parse(corpus42().release_json(i));
    EXPECT_EQ(doc["id"], r.id);
    EXPECT_EQ(doc["title"], r.title);
    EXPECT_EQ(doc["date"], r.date);
    EXPECT_EQ(doc["type"], r.type);
    EXPECT_EQ(doc["topics"], r.topics);
    EXPECT_EQ(doc["spokespeople"], r.spokespeople);
    EXPECT_EQ(doc["location"], r.location);
    EXPECT_EQ(doc["url"], r.url);
    EXPECT_EQ(doc["lang"], r.lang);
    EXPECT_EQ(doc["body"], r.body);
  }
}

TEST(SyntheticCorpus, JsonEscapesQuotesBackslashesAndControlCharacters) {
  SyntheticRelease r;
  r.id = "a\"b\\c";
  r.title = "tab\there \x01 and \x1f";
  r.body = "line\nbreak\r\n\u201cquoted\u201d \u2014 done\b\f";
  r.topics = {"x\"y"};
  const std::string line = to_json(r);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  const auto doc = nlohmann::json::parse(line);
  EXPECT_EQ(doc["id"], r.id);
  EXPECT_EQ(doc["title"], r.title);
  EXPECT_EQ(doc["body"], r.body);
  EXPECT_EQ(doc["topics"], r.topics);
  EXPECT_EQ(doc["spokespeople"], nlohmann::json::array());
}

TEST(SyntheticCorpus, DatesAreValidAndWithinRange) {
  using namespace std::chrono;
  const sys_days first{year{2000} / 1 / 1}, last{year{2026} / 6 / 30};
  for (std::uint64_t i = 0; i < 2000; ++i) {
    const std::string date = corpus42().release(i).date;
    ASSERT_EQ(date.size(), 10u) << date;
    ASSERT_TRUE(date[4] == '-' && date[7] == '-') << date;
    const year_month_day ymd = parse_date(date);
    ASSERT_TRUE(ymd.ok()) << date;
    EXPECT_GE(sys_days{ymd}, first) << date;
    EXPECT_LE(sys_days{ymd}, last) << date;
  }
}

TEST(SyntheticCorpus, LaterYearsHaveMoreReleases) {
  int early = 0, late = 0;  // 2000-2004 against 2021-2025
  for (std::uint64_t i = 0; i < 5000; ++i) {
    const int year = std::stoi(corpus42().release(i).date.substr(0, 4));
    early += year <= 2004;
    late += year >= 2021 && year <= 2025;
  }
  // Density 1 + 2x: the ratio is about 2.4 for these two five-year spans.
  EXPECT_GT(late, 2 * early) << early << " vs " << late;
  EXPECT_LT(late, 3 * early) << early << " vs " << late;
}

TEST(SyntheticCorpus, BodyWordFrequenciesFollowZipfLaw) {
  const auto& vocabulary = corpus42().vocabulary();
  const std::unordered_set<std::string> known(vocabulary.begin(), vocabulary.end());
  std::unordered_map<std::string, double> counts;
  for (std::uint64_t i = 0; i < 2000; ++i) {
    for (std::string& w : words_of(corpus42().release(i).body)) {
      if (known.count(w)) ++counts[w];
    }
  }
  std::vector<double> freq;
  for (const auto& [word, n] : counts) freq.push_back(n);
  std::sort(freq.rbegin(), freq.rend());
  ASSERT_GT(freq.size(), 1000u);
  EXPECT_GT(freq[0], 100 * freq[999]) << freq[0] << " vs " << freq[999];

  // Least-squares slope of log frequency against log rank over ranks 10-1000.
  double sx = 0, sy = 0, sxx = 0, sxy = 0, n = 0;
  for (std::size_t r = 10; r <= 1000; ++r) {
    const double x = std::log(static_cast<double>(r)), y = std::log(freq[r - 1]);
    sx += x, sy += y, sxx += x * x, sxy += x * y, n += 1;
  }
  const double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
  EXPECT_GT(slope, -1.4);
  EXPECT_LT(slope, -0.8);
}

TEST(SyntheticCorpus, TopicCountsStayWithinBounds) {
  const auto& all = corpus42().topics();
  EXPECT_EQ(all.size(), 40u);
  const std::set<std::string> known(all.begin(), all.end());
  std::map<std::size_t, int> by_count;
  for (std::uint64_t i = 0; i < 2000; ++i) {
    const auto topics = corpus42().release(i).topics;
    ASSERT_GE(topics.size(), 1u);
    ASSERT_LE(topics.size(), 3u);
    EXPECT_EQ(std::set<std::string>(topics.begin(), topics.end()).size(), topics.size());
    for (const auto& t : topics) EXPECT_TRUE(known.count(t)) << t;
    ++by_count[topics.size()];
  }
  EXPECT_EQ(by_count.size(), 3u);  // 1, 2 and 3 all occur
}

TEST(SyntheticCorpus, SpokespersonCountsStayWithinBounds) {
  const auto& all = corpus42().spokespeople();
  EXPECT_EQ(all.size(), 300u);
  EXPECT_EQ(std::set<std::string>(all.begin(), all.end()).size(), 300u);
  const std::set<std::string> known(all.begin(), all.end());
  std::map<std::size_t, int> by_count;
  for (std::uint64_t i = 0; i < 2000; ++i) {
    const auto people = corpus42().release(i).spokespeople;
    ASSERT_LE(people.size(), 2u);
    EXPECT_EQ(std::set<std::string>(people.begin(), people.end()).size(), people.size());
    for (const auto& p : people) EXPECT_TRUE(known.count(p)) << p;
    ++by_count[people.size()];
  }
  EXPECT_EQ(by_count.size(), 3u);  // 0, 1 and 2 all occur
  EXPECT_GT(by_count[1], by_count[0]);  // weights 3:5:2
  EXPECT_GT(by_count[0], by_count[2]);
}

TEST(SyntheticCorpus, QuotesAreAttributedToTheReleasesSpokespeople) {
  const std::string marker = ",\u201d said ";
  int quotes = 0;
  for (std::uint64_t i = 0; i < 1000; ++i) {
    const SyntheticRelease r = corpus42().release(i);
    for (std::size_t at = r.body.find(marker); at != std::string::npos; at = r.body.find(marker, at + 1)) {
      const std::size_t name = at + marker.size();
      const std::string speaker = r.body.substr(name, r.body.find(',', name) - name);
      EXPECT_NE(std::find(r.spokespeople.begin(), r.spokespeople.end(), speaker), r.spokespeople.end())
          << speaker << " in " << r.id;
      ++quotes;
    }
  }
  EXPECT_GT(quotes, 500);
}

TEST(SyntheticCorpus, TypesFollowTheTargetProportions) {
  std::map<std::string, int> counts;
  constexpr int n = 5000;
  for (std::uint64_t i = 0; i < n; ++i) ++counts[corpus42().release(i).type];
  EXPECT_EQ(counts.size(), 4u);
  EXPECT_NEAR(counts["press-release"] / double(n), 0.62, 0.03);
  EXPECT_NEAR(counts["statement"] / double(n), 0.20, 0.03);
  EXPECT_NEAR(counts["report"] / double(n), 0.10, 0.02);
  EXPECT_NEAR(counts["media-advisory"] / double(n), 0.08, 0.02);
}

TEST(SyntheticCorpus, BodyStartsWithDatelineOfLocationAndDate) {
  static const char* const months[] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};
  for (std::uint64_t i = 0; i < 200; ++i) {
    const SyntheticRelease r = corpus42().release(i);
    const auto ymd = parse_date(r.date);
    std::string city = r.location;
    std::transform(city.begin(), city.end(), city.begin(), [](char c) {
      return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    });
    const std::string dateline = city + ", " + std::to_string(static_cast<unsigned>(ymd.day())) + " " +
                                 months[static_cast<unsigned>(ymd.month()) - 1] + " " +
                                 std::to_string(static_cast<int>(ymd.year())) + " \u2014 ";
    EXPECT_EQ(r.body.rfind(dateline, 0), 0u) << r.body.substr(0, 60) << " vs " << dateline;
  }
}

TEST(SyntheticCorpus, BodyIsParagraphsOfSentencesWithinLengthBounds) {
  for (std::uint64_t i = 0; i < 500; ++i) {
    const std::string body = corpus42().release(i).body;
    EXPECT_EQ(body.find("\n\n\n"), std::string::npos);
    for (std::size_t nl = body.find('\n'); nl != std::string::npos; nl = body.find('\n', nl + 2)) {
      ASSERT_EQ(body[nl + 1], '\n') << "lone newline in release " << i;
    }
    EXPECT_NE(body.find("\n\n"), std::string::npos);
    EXPECT_EQ(body.back(), '.');
    // 300-900 generated words, plus the dateline and quote attributions.
    const std::size_t words = words_of(body).size();
    EXPECT_GE(words, 300u);
    EXPECT_LE(words, 1000u);
  }
}

TEST(SyntheticCorpus, TitlesHaveEightToFourteenWords) {
  for (std::uint64_t i = 0; i < 1000; ++i) {
    const std::string title = corpus42().release(i).title;
    const auto words = std::count(title.begin(), title.end(), ' ') + 1;
    EXPECT_GE(words, 8);
    EXPECT_LE(words, 14);
    EXPECT_TRUE(title[0] >= 'A' && title[0] <= 'Z') << title;
  }
}

TEST(SyntheticCorpus, VocabularyIsRealWordsThenStemmerStablePseudoWords) {
  const auto& vocabulary = corpus42().vocabulary();
  EXPECT_EQ(vocabulary.size(), 50'000u);
  EXPECT_EQ(std::unordered_set<std::string>(vocabulary.begin(), vocabulary.end()).size(), vocabulary.size());
  const std::size_t real = corpus42().real_word_count();
  EXPECT_GE(real, 400u);
  EXPECT_LE(real, 500u);
  EXPECT_EQ(vocabulary[0], "the");
  for (std::size_t r = real; r < vocabulary.size(); ++r) {
    const std::string& w = vocabulary[r];
    ASSERT_GE(w.size(), 4u) << w;
    ASSERT_LE(w.size(), 13u) << w;
    ASSERT_TRUE(w.back() == 'a' || w.back() == 'o') << w;
    ASSERT_TRUE(std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; })) << w;
  }
}

}  // namespace
}  // namespace pressroom
