#include "common/listing_extract.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_set>

#include "common/date_text.h"
#include "common/release_date.h"
#include "common/html_url.h"
#include "common/listing_type_label.h"
#include "common/text_folding.h"

namespace pressroom {
namespace {

using html::inline_text;
using html::is_tag;

bool is_heading(const GumboNode* node) {
  if (!node || node->type != GUMBO_NODE_ELEMENT) return false;
  GumboTag tag = node->v.element.tag;
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4 ||
         tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

size_t word_count(std::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// "Read more", "Continue reading »", "Leer más": links that repeat the main
// link rather than name something.
bool is_read_more(std::string_view text) {
  std::string key = fold_key(text);
  while (!key.empty() && (key.back() == '.' || key.back() == ' ' || key.back() == '>'))
    key.pop_back();
  for (std::string_view tail : {"\xC2\xBB", "\xE2\x80\xBA", "\xE2\x86\x92", "\xE2\x80\xA6"}) {
    if (key.size() >= tail.size() && key.compare(key.size() - tail.size(), tail.size(), tail) == 0) {
      key.resize(key.size() - tail.size());
      while (!key.empty() && key.back() == ' ') key.pop_back();
    }
  }
  for (const char* phrase : {"read more", "more", "read the full release", "read the full statement",
                             "read the release", "read the statement", "read the report", "read full release",
                             "full release", "full statement", "continue reading", "learn more",
                             "view more", "details", "leer mas", "seguir leyendo", "ver mas", "mas"})
    if (key == phrase) return true;
  return key.rfind("read more", 0) == 0 || key.rfind("leer mas", 0) == 0;
}

std::string without_fragment(std::string url) {
  size_t hash = url.find('#');
  if (hash != std::string::npos) url.resize(hash);
  return url;
}

bool is_followable(std::string_view href) {
  std::string key = fold_key(href);
  return !key.empty() && key[0] != '#' && key.rfind("javascript:", 0) != 0 &&
         key.rfind("mailto:", 0) != 0 && key.rfind("tel:", 0) != 0;
}

struct Link {
  const GumboNode* anchor;
  std::string url;
  std::string text;             // what the link says
  const GumboNode* heading;     // the heading it stands in or holds, if any
  bool heading_inside = false;  // a whole card is the link: <a><h3>…</h3>…</a>
};

std::vector<Link> links_in(const GumboNode* entry, std::string_view base_url) {
  std::vector<Link> links;
  html::walk(entry, [&](const GumboNode* node) {
    if (node->type != GUMBO_NODE_ELEMENT) return false;
    if (html::chrome_of(node) == html::Chrome::Always) return false;
    if (!is_tag(node, GUMBO_TAG_A)) return true;
    std::string_view href = html::attribute(node, "href");
    if (!is_followable(href)) return false;
    Link link{node, without_fragment(base_url.empty() ? std::string(href) : resolve_url(base_url, href)),
              inline_text(node), nullptr};
    for (const GumboNode* up = node->parent; up && up != entry->parent; up = up->parent)
      if (is_heading(up)) link.heading = up;
    if (!link.heading) {
      link.heading = html::find_first(node, [](const GumboNode* n) { return is_heading(n); });
      link.heading_inside = link.heading != nullptr;
    }
    links.push_back(std::move(link));
    return false;
  });
  return links;
}

// The part of a link that is the entry's title: the heading when the link
// is a whole card, else all of its text.
std::string title_of(const Link& link) {
  return link.heading_inside ? inline_text(link.heading) : link.text;
}

struct Entry {
  const GumboNode* node;
  ListingEntry fields;
};

// The date of an entry: a machine-readable <time> first, else the first date
// written in its text outside the title.
std::string entry_date(const GumboNode* node, const std::vector<std::string>& paragraphs) {
  const GumboNode* time = html::find_first(node, [](const GumboNode* n) { return is_tag(n, GUMBO_TAG_TIME); });
  if (time) {
    std::string_view datetime = html::attribute(time, "datetime");
    if (auto date = parse_release_date(datetime)) return *date;
    if (auto date = find_written_date(inline_text(time))) return *date;
  }
  for (const std::string& p : paragraphs)
    if (auto date = find_written_date(p)) return *date;
  return {};
}

std::vector<std::string> pieces_of(std::string_view text) {
  std::vector<std::string> pieces;
  std::string current;
  auto cut = [&] {
    std::string piece = collapse_whitespace(current);
    current.clear();
    pieces.push_back(std::move(piece));
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '|' || c == '/' || c == ',' || c == ':' || c == ';') {
      cut();
    } else if (text.compare(i, 3, "\xE2\x80\x94") == 0 || text.compare(i, 3, "\xE2\x80\x93") == 0 ||
               text.compare(i, 3, "\xE2\x80\xA2") == 0) {  // em dash, en dash, bullet
      cut();
      i += 2;
    } else if (text.compare(i, 2, "\xC2\xB7") == 0) {  // middle dot
      cut();
      i += 1;
    } else if (c == '-' && i > 0 && i + 1 < text.size() && text[i - 1] == ' ' && text[i + 1] == ' ') {
      cut();
    } else {
      current.push_back(c);
    }
  }
  cut();
  return pieces;
}

// How many bytes of separator (space, punctuation, dash, bullet) stand at
// the start of `text`, or at its end when `at_end`.
size_t separator_length(std::string_view text, bool at_end) {
  for (std::string_view mark : {"\xE2\x80\x93", "\xE2\x80\x94", "\xC2\xB7", "\xE2\x80\xA2"}) {
    if (text.size() < mark.size()) continue;
    if (text.substr(at_end ? text.size() - mark.size() : 0, mark.size()) == mark) return mark.size();
  }
  if (text.empty()) return 0;
  char c = at_end ? text.back() : text.front();
  return std::string_view(" :|-,;/(").find(c) != std::string_view::npos ? 1 : 0;
}

// A title with the date written into it taken out, with the separators that
// joined them: "Nov 18, 2020 – Families Reunited" → "Families Reunited".
std::string title_without(std::string_view title, const WrittenDate& date) {
  std::string_view before = title.substr(0, date.begin), after = title.substr(date.end);
  while (size_t n = separator_length(before, true)) before.remove_suffix(n);
  while (size_t n = separator_length(after, false)) after.remove_prefix(n);
  return collapse_whitespace(std::string(before) + " " + std::string(after));
}

std::string type_in(const std::vector<std::string>& paragraphs) {
  for (const std::string& p : paragraphs)
    for (const std::string& piece : pieces_of(p))
      if (std::string type = release_type_from_label(piece); !type.empty()) return type;
  return {};
}

std::vector<std::string> class_tokens(const GumboNode* node) {
  std::vector<std::string> tokens;
  std::string_view classes = html::attribute(node, "class");
  size_t pos = 0;
  while (pos < classes.size()) {
    size_t start = classes.find_first_not_of(" \t\n\r\f", pos);
    if (start == std::string_view::npos) break;
    size_t end = classes.find_first_of(" \t\n\r\f", start);
    if (end == std::string_view::npos) end = classes.size();
    tokens.emplace_back(classes.substr(start, end - start));
    pos = end;
  }
  return tokens;
}

// CMSs name an entry's kind in its classes even when they print no label:
// WordPress "category-press-releases", Drupal "node--type-statement".
std::string type_in_classes(const GumboNode* entry) {
  std::string type;
  html::walk(entry, [&](const GumboNode* node) {
    if (!type.empty() || node->type != GUMBO_NODE_ELEMENT) return false;
    for (const std::string& token : class_tokens(node)) {
      for (std::string_view prefix : {"category-", "node--type-", "node-type-", "type-", "post-type-", "content-type-"}) {
        if (token.size() <= prefix.size() || token.compare(0, prefix.size(), prefix) != 0) continue;
        std::string label = token.substr(prefix.size());
        std::replace(label.begin(), label.end(), '-', ' ');
        std::replace(label.begin(), label.end(), '_', ' ');
        if (type = release_type_from_label(label); !type.empty()) return false;
      }
    }
    return true;
  });
  return type;
}

// A line of the entry that only dates, labels or points: "Press Release |
// November 18, 2020", "Posted on Nov 18, 2020 by Puentes", "Read more".
bool is_meta_line(const std::string& paragraph) {
  std::string rest = paragraph;
  if (auto date = locate_written_date(paragraph)) {
    rest = paragraph.substr(0, date->begin) + " " + paragraph.substr(date->end);
    if (word_count(collapse_whitespace(rest)) <= 6) return true;
  }
  for (const std::string& piece : pieces_of(rest))
    if (!piece.empty() && release_type_from_label(piece).empty() && !is_read_more(piece)) return false;
  return true;
}

std::optional<Entry> analyze(const GumboNode* node, std::string_view base_url, const html::TextSizes& sizes) {
  std::vector<Link> links = links_in(node, base_url);
  if (links.empty()) return std::nullopt;

  // A label or a date may sit in a heading of its own ("<h4>Statement</h4>"):
  // it names no release.
  auto names_nothing = [](const std::string& text) {
    return is_read_more(text) || !release_type_from_label(text).empty() || parse_written_date(text).has_value();
  };
  std::set<std::string> heading_urls;
  for (const Link& link : links)
    if (link.heading && !title_of(link).empty() && !names_nothing(title_of(link))) heading_urls.insert(link.url);
  std::string main_url;
  if (heading_urls.size() > 1) return std::nullopt;
  if (heading_urls.size() == 1) {
    main_url = *heading_urls.begin();
  } else {
    std::map<std::string, size_t> longest;  // url → longest naming text
    for (const Link& link : links) {
      if (word_count(link.text) < 2 || names_nothing(link.text)) continue;
      size_t& best = longest[link.url];
      best = std::max(best, link.text.size());
    }
    if (longest.empty()) return std::nullopt;
    std::vector<std::pair<size_t, std::string>> ranked;
    for (const auto& [url, length] : longest) ranked.push_back({length, url});
    std::sort(ranked.rbegin(), ranked.rend());
    // Two links that both read like titles: a list of links, not one entry.
    if (ranked.size() > 1 && ranked[1].first * 10 >= ranked[0].first * 6) return std::nullopt;
    main_url = ranked[0].second;
  }

  Entry entry{node, {}};
  std::unordered_set<const GumboNode*> title_nodes;
  entry.fields.lang = std::string(html::attribute(node, "lang"));
  for (const Link& link : links) {
    if (link.url != main_url) continue;
    if (entry.fields.lang.empty()) entry.fields.lang = std::string(html::attribute(link.anchor, "hreflang"));
    if (entry.fields.lang.empty()) entry.fields.lang = std::string(html::attribute(link.anchor, "lang"));
    std::string title = title_of(link);
    if (!is_read_more(title) && title.size() > entry.fields.title.size()) entry.fields.title = title;
    title_nodes.insert(link.heading_inside ? link.heading : link.anchor);
  }
  if (entry.fields.title.empty()) return std::nullopt;

  // An entry's own <header> and <footer> hold its date and label: only
  // widgets (share buttons, screen-reader text) are left out.
  auto skip = [&](const GumboNode* n) {
    if (title_nodes.count(n)) return true;
    html::Chrome chrome = sizes.chrome(n);
    if (chrome == html::Chrome::Always) return true;
    if (chrome == html::Chrome::Widget && html::is_chrome_in(n, node, sizes)) return true;
    return is_tag(n, GUMBO_TAG_A) && is_read_more(inline_text(n));
  };
  std::vector<std::string> paragraphs = html::paragraphs(node, skip);
  entry.fields.date = entry_date(node, paragraphs);
  if (entry.fields.date.empty()) {
    // Hand-made lists often put the date in the link: "Nov 18, 2020: Title".
    auto found = locate_written_date(entry.fields.title);
    if (!found) return std::nullopt;
    std::string title = title_without(entry.fields.title, *found);
    if (word_count(title) < 2) return std::nullopt;
    entry.fields.date = found->date;
    entry.fields.title = title;
  }
  entry.fields.url = main_url;
  entry.fields.type = type_in(paragraphs);
  if (entry.fields.type.empty()) entry.fields.type = type_in_classes(node);
  std::string summary;
  for (const std::string& p : paragraphs) {
    if (is_meta_line(p)) continue;
    if (!summary.empty()) summary += ' ';
    summary += p;
  }
  entry.fields.summary = std::move(summary);
  entry.fields.line = static_cast<int>(node->v.element.start_pos.line);
  return entry;
}

// A run of entries under one parent, and the kind they share: their tag and
// a class token ("" for entries without a class).
struct Run {
  GumboTag tag;
  std::string kind;
  std::vector<Entry> entries;
};

// The class token (or "" for no class) most qualifying siblings share, when
// at least three do.
std::optional<std::string> shared_kind(const std::vector<Entry>& entries) {
  std::map<std::string, size_t> counts;
  for (const Entry& e : entries) {
    std::vector<std::string> tokens = class_tokens(e.node);
    if (tokens.empty()) ++counts[""];
    std::sort(tokens.begin(), tokens.end());
    tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
    for (const std::string& t : tokens) ++counts[t];
  }
  std::optional<std::string> best;
  size_t best_count = 2;
  for (const auto& [token, count] : counts) {
    if (count > best_count) {
      best = token;
      best_count = count;
    }
  }
  return best;
}

bool has_kind(const GumboNode* node, const std::string& kind) {
  std::vector<std::string> tokens = class_tokens(node);
  if (kind.empty()) return tokens.empty();
  return std::find(tokens.begin(), tokens.end(), kind) != tokens.end();
}

bool inside_any(const GumboNode* node, const std::unordered_set<const GumboNode*>& nodes) {
  for (const GumboNode* up = node; up; up = up->parent)
    if (nodes.count(up)) return true;
  return false;
}

std::vector<Run> find_runs(const GumboNode* body, std::string_view base_url, const html::TextSizes& sizes) {
  std::vector<Run> runs;
  html::walk(body, [&](const GumboNode* node) {
    if (node->type != GUMBO_NODE_ELEMENT) return false;
    if (node != body && html::is_chrome_in(node, body, sizes)) return false;
    const GumboVector& children = node->v.element.children;
    std::map<GumboTag, std::vector<const GumboNode*>> by_tag;
    for (unsigned i = 0; i < children.length; ++i) {
      auto* child = static_cast<const GumboNode*>(children.data[i]);
      if (child->type == GUMBO_NODE_ELEMENT && sizes.link_text(child) > 0) by_tag[child->v.element.tag].push_back(child);
    }
    for (const auto& [tag, siblings] : by_tag) {
      if (siblings.size() < 3) continue;
      std::vector<Entry> entries;
      for (const GumboNode* sibling : siblings)
        if (auto entry = analyze(sibling, base_url, sizes)) entries.push_back(std::move(*entry));
      if (entries.size() < 3) continue;
      if (auto kind = shared_kind(entries)) runs.push_back({tag, *kind, std::move(entries)});
    }
    return true;
  });
  return runs;
}

}  // namespace

std::vector<ListingEntry> find_listing_entries(const html::Document& page, std::string_view base_url,
                                               const html::TextSizes* body_sizes) {
  const GumboNode* body = page.body();
  if (!body) return {};
  std::optional<html::TextSizes> own_sizes;
  if (!body_sizes) body_sizes = &own_sizes.emplace(body);
  const html::TextSizes& sizes = *body_sizes;
  std::vector<Run> runs = find_runs(body, base_url, sizes);
  if (runs.empty()) return {};

  size_t best = 0;
  for (size_t i = 1; i < runs.size(); ++i)
    if (runs[i].entries.size() > runs[best].entries.size()) best = i;

  std::vector<Entry> chosen = std::move(runs[best].entries);
  std::unordered_set<const GumboNode*> chosen_nodes;
  for (const Entry& e : chosen) chosen_nodes.insert(e.node);
  for (size_t i = 0; i < runs.size(); ++i) {
    if (i == best || runs[i].tag != runs[best].tag) continue;
    bool same_kind = std::all_of(runs[i].entries.begin(), runs[i].entries.end(),
                                 [&](const Entry& e) { return has_kind(e.node, runs[best].kind); }) ||
                     runs[i].kind == runs[best].kind;
    if (!same_kind) continue;
    bool nested = false;
    std::unordered_set<const GumboNode*> mine;
    for (const Entry& e : runs[i].entries) {
      mine.insert(e.node);
      nested = nested || inside_any(e.node, chosen_nodes);
    }
    for (const Entry& e : chosen) nested = nested || inside_any(e.node->parent, mine);
    if (nested) continue;
    for (Entry& e : runs[i].entries) {
      chosen_nodes.insert(e.node);
      chosen.push_back(std::move(e));
    }
  }

  size_t entry_text = 0;
  for (const Entry& e : chosen) entry_text += sizes.text(e.node);
  if (entry_text * 10 < html::content_size(body, sizes) * 4) return {};

  std::sort(chosen.begin(), chosen.end(), [](const Entry& a, const Entry& b) {
    return a.node->v.element.start_pos.offset < b.node->v.element.start_pos.offset;
  });
  std::vector<ListingEntry> out;
  std::set<std::string> urls;
  for (Entry& e : chosen)
    if (urls.insert(e.fields.url).second) out.push_back(std::move(e.fields));
  return out;
}

}  // namespace pressroom
