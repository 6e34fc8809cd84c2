#include "common/synonyms.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <stdexcept>

#include "common/query_text.h"
#include "common/text_folding.h"

namespace pressroom {
namespace {

std::vector<std::string> folded_words(const std::string& text) { return folded_words_of(fold_key(text)); }

// The folded word of a query token, without the punctuation people type around words.
std::string token_key(const std::string& token) {
  std::string key = fold_key(token);
  while (!key.empty() && (key.back() == ',' || key.back() == '.' || key.back() == '?' || key.back() == '!' ||
                          key.back() == ';'))
    key.pop_back();
  return key;
}

std::string as_query_term(const std::string& member) {
  return member.find(' ') == std::string::npos ? member : "\"" + member + "\"";
}

}  // namespace

Synonyms Synonyms::load(const std::string& path) {
  Synonyms synonyms;
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::BadFile&) {
    throw std::runtime_error("cannot read synonyms file '" + path + "'");
  } catch (const YAML::Exception& e) {
    throw std::runtime_error(path + ":" + std::to_string(e.mark.line + 1) + ": invalid YAML: " + e.msg);
  }
  if (!root.IsSequence())
    throw std::runtime_error(path + ": expected a list of groups, e.g. - [ICE, Immigration and Customs Enforcement]");
  for (const auto& group : root) {
    if (!group.IsSequence())
      throw std::runtime_error(path + ":" + std::to_string(group.Mark().line + 1) + ": a group must be a list");
    std::vector<std::string> members;
    for (const auto& member : group) members.push_back(member.as<std::string>());
    synonyms.add_group(members);
  }
  return synonyms;
}

void Synonyms::add_group(const std::vector<std::string>& members) {
  std::vector<std::string> clean;
  for (const std::string& m : members) {
    std::string c = collapse_whitespace(m);
    // A member with no word in it ("|" or a lone symbol) could match
    // anywhere without consuming anything.
    if (!c.empty() && !folded_words(c).empty()) clean.push_back(c);
  }
  if (clean.size() < 2) return;
  size_t group = groups_.size();
  groups_.push_back(clean);
  for (const std::string& m : clean) members_.push_back({folded_words(m), m, group});
  std::stable_sort(members_.begin(), members_.end(),
                   [](const Member& a, const Member& b) { return a.words.size() > b.words.size(); });
}

std::string Synonyms::expand(const std::string& query, std::vector<SynonymUse>& uses) const {
  if (members_.empty()) return query;
  std::vector<QuerySpan> spans = split_query(query);
  // Word spans that may take part in a match, as indexes into `spans`.
  std::vector<size_t> words;
  for (size_t i = 0; i < spans.size(); ++i)
    if (spans[i].rewritable) words.push_back(i);

  std::vector<std::string> replacement(spans.size());
  std::vector<bool> consumed(spans.size(), false);
  for (size_t w = 0; w < words.size();) {
    const Member* hit = nullptr;
    for (const Member& member : members_) {
      size_t n = member.words.size();
      if (n == 0 || w + n > words.size()) continue;
      bool match = true;
      for (size_t k = 0; k < n && match; ++k) {
        // consecutive words only: just whitespace between them
        if (k > 0 && words[w + k] != words[w + k - 1] + 2) match = false;
        else if (token_key(spans[words[w + k]].text) != member.words[k]) match = false;
      }
      if (match) {
        hit = &member;
        break;
      }
    }
    if (!hit) {
      ++w;
      continue;
    }
    size_t first = words[w], last = words[w + hit->words.size() - 1];
    std::string typed;
    for (size_t s = first; s <= last; ++s) typed += spans[s].text;
    SynonymUse use{typed, {}};
    // Several words keep the meaning they have without synonyms (all of
    // them, anywhere, under the default operator): as a phrase they would
    // lose the releases that say "detention of families". The phrase is
    // ORed in as well, so that releases with the words together rank first.
    std::string expansion("(");
    if (hit->words.size() > 1) expansion.append("(").append(typed).append(") OR \"").append(typed).append("\"");
    else expansion.append(typed);
    for (const std::string& other : groups_[hit->group]) {
      if (folded_words(other) == hit->words) continue;
      expansion += " OR " + as_query_term(other);
      use.added.push_back(other);
    }
    expansion += ")";
    replacement[first] = expansion;
    for (size_t s = first; s <= last; ++s) consumed[s] = true;
    uses.push_back(std::move(use));
    w += hit->words.size();
  }
  std::string out;
  for (size_t i = 0; i < spans.size(); ++i) {
    if (!replacement[i].empty()) out += replacement[i];
    else if (!consumed[i]) out += spans[i].text;
  }
  return out;
}

}  // namespace pressroom
