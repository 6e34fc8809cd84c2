#include "common/html_reader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "common/date_text.h"
#include "common/release_date.h"
#include "common/html_text.h"
#include "common/html_url.h"
#include "common/listing_dedup.h"
#include "common/listing_extract.h"
#include "common/listing_type_label.h"
#include "common/text_folding.h"

namespace pressroom {
namespace {

using html::attribute;
using html::inline_text;
using html::is_tag;
using nlohmann::json;

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_heading1(const GumboNode* node) { return is_tag(node, GUMBO_TAG_H1); }

// ------------------------------------------------------------------ metadata

// What the page says about itself, outside its text.
struct PageMeta {
  std::unordered_map<std::string, std::string> meta;  // name/property/itemprop → first content
  std::vector<std::string> tags;                      // article:tag, in order
  std::string title_element;
  std::string canonical;
  std::string base_href;
  std::string lang;
  json article = json::object();  // the JSON-LD object that describes the page
  std::string ld_site_name;

  std::string get(const std::string& key) const {
    auto it = meta.find(key);
    return it == meta.end() ? std::string() : it->second;
  }
};

std::string ld_string(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_array() && !value.empty()) return ld_string(value.front());
  if (value.is_object()) {
    for (const char* key : {"@id", "url", "name", "@value", "alternateName"})
      if (auto it = value.find(key); it != value.end() && it->is_string()) return it->get<std::string>();
  }
  return {};
}

std::vector<std::string> ld_types(const json& object) {
  std::vector<std::string> types;
  auto it = object.find("@type");
  if (it == object.end()) return types;
  if (it->is_string()) types.push_back(it->get<std::string>());
  if (it->is_array())
    for (const json& t : *it)
      if (t.is_string()) types.push_back(t.get<std::string>());
  return types;
}

void flatten_ld(const json& value, std::vector<const json*>& out, int depth = 0) {
  if (depth > 8) return;
  if (value.is_array()) {
    for (const json& item : value) flatten_ld(item, out, depth + 1);
  } else if (value.is_object()) {
    out.push_back(&value);
    if (auto graph = value.find("@graph"); graph != value.end()) flatten_ld(*graph, out, depth + 1);
  }
}

// The JSON-LD object that describes the release: an Article-like type first
// (Yoast's @graph also holds a WebPage, a WebSite and an Organization), then
// anything with a publication date.
void read_json_ld(std::string_view text, PageMeta& meta) {
  json parsed = json::parse(text.begin(), text.end(), nullptr, false);
  if (parsed.is_discarded()) return;
  std::vector<const json*> objects;
  flatten_ld(parsed, objects);
  int best_score = meta.article.empty() ? 0 : 3;
  for (const json* object : objects) {
    std::vector<std::string> types = ld_types(*object);
    bool article_like = false;
    for (const std::string& t : types) {
      if (t.find("Article") != std::string::npos || t == "Report" || t == "BlogPosting" || t == "PressRelease")
        article_like = true;
      if ((t == "WebSite" || t == "Organization") && meta.ld_site_name.empty())
        meta.ld_site_name = ld_string(object->value("name", json()));
    }
    int score = (article_like ? 2 : 0) + (object->contains("datePublished") ? 1 : 0);
    if (score > best_score) {
      best_score = score;
      meta.article = *object;
    }
  }
}

PageMeta read_meta(const html::Document& page) {
  PageMeta meta;
  meta.lang = std::string(attribute(page.root(), "lang"));
  html::walk(page.root(), [&](const GumboNode* node) {
    if (node->type != GUMBO_NODE_ELEMENT) return false;
    switch (node->v.element.tag) {
      case GUMBO_TAG_META: {
        std::string_view content = attribute(node, "content");
        for (const char* key_attr : {"property", "name", "itemprop", "http-equiv"}) {
          std::string key = lower(collapse_whitespace(attribute(node, key_attr)));
          if (key.empty()) continue;
          if (key == "article:tag") {
            meta.tags.push_back(html::normalize_space(content));
          } else {
            meta.meta.emplace(key, html::normalize_space(content));
          }
        }
        return false;
      }
      case GUMBO_TAG_LINK:
        if (collapse_whitespace(lower(attribute(node, "rel"))) == "canonical" && meta.canonical.empty())
          meta.canonical = std::string(attribute(node, "href"));
        return false;
      case GUMBO_TAG_BASE:
        if (meta.base_href.empty()) meta.base_href = std::string(attribute(node, "href"));
        return false;
      case GUMBO_TAG_TITLE:
        if (meta.title_element.empty()) meta.title_element = inline_text(node);
        return false;
      case GUMBO_TAG_SCRIPT:
        if (lower(collapse_whitespace(attribute(node, "type"))) == "application/ld+json") {
          std::string text;
          for (unsigned i = 0; i < node->v.element.children.length; ++i) {
            auto* child = static_cast<const GumboNode*>(node->v.element.children.data[i]);
            if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA ||
                child->type == GUMBO_NODE_WHITESPACE)
              text += child->v.text.text;
          }
          read_json_ld(text, meta);
        }
        return false;
      default:
        return true;
    }
  });
  return meta;
}

// ------------------------------------------------------------------ title

constexpr std::array<std::string_view, 8> kTitleSeparators = {
    " | ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " - ", " :: ", " \xC2\xB7 ", " \xC2\xBB ", " \xE2\x80\xA2 "};

bool same_site(std::string_view part, const std::vector<std::string>& site_names) {
  std::string key = fold_key(part);
  if (key.empty()) return false;
  for (const std::string& name : site_names) {
    std::string site = fold_key(name);
    if (site.empty()) continue;
    // "Puentes" against "Puentes Human Rights Center"; "Puentes El Paso"
    // against the host's first label, "puentes". A long part is a headline
    // that happens to start with the name ("Puentes Sues County ...").
    if (key == site || site.rfind(key + " ", 0) == 0) return true;
    if (key.rfind(site + " ", 0) == 0 && std::count(key.begin(), key.end(), ' ') < 4) return true;
  }
  return false;
}

bool looks_like_site_name(std::string_view part, std::string_view separator) {
  size_t words = std::count(part.begin(), part.end(), ' ') + 1;
  if (std::any_of(part.begin(), part.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return false;
  return separator == " | " ? words <= 6 : words <= 2;
}

// "Families Reunited | Puentes" → "Families Reunited". A suffix or prefix that
// matches a known site name goes; so does a suffix when the rest stands on
// the page by itself as a block (the headline) and the suffix does not.
// With `guess`, a short last part after " | " (or, for dashes, one or two
// words) is taken for the site's name too.
std::string strip_site_name(const std::string& title, const std::vector<std::string>& site_names,
                            const std::unordered_set<std::string>& page_blocks, bool guess) {
  // Surer signs first, over every separator: a known site name at either
  // end, then the headline standing alone on the page; then the guess.
  for (std::string_view separator : kTitleSeparators) {
    size_t last = title.rfind(separator);
    if (last == std::string::npos || last == 0) continue;
    std::string_view suffix = std::string_view(title).substr(last + separator.size());
    if (same_site(suffix, site_names)) return collapse_whitespace(title.substr(0, last));
    size_t first = title.find(separator);
    if (same_site(title.substr(0, first), site_names))
      return collapse_whitespace(title.substr(first + separator.size()));
  }
  for (std::string_view separator : kTitleSeparators) {
    size_t last = title.rfind(separator);
    if (last == std::string::npos || last == 0) continue;
    std::string_view suffix = std::string_view(title).substr(last + separator.size());
    std::string rest = collapse_whitespace(title.substr(0, last));
    if (page_blocks.count(fold_key(rest)) && !page_blocks.count(fold_key(suffix))) return rest;
  }
  if (guess) {
    for (std::string_view separator : kTitleSeparators) {
      size_t last = title.rfind(separator);
      if (last == std::string::npos || last == 0) continue;
      std::string_view suffix = std::string_view(title).substr(last + separator.size());
      if (looks_like_site_name(suffix, separator)) return collapse_whitespace(title.substr(0, last));
    }
  }
  return title;
}

std::vector<std::string> site_names(const PageMeta& meta, const std::string& page_url) {
  std::vector<std::string> names;
  for (const char* key : {"og:site_name", "application-name", "twitter:site"}) {
    std::string value = meta.get(key);
    if (!value.empty() && value[0] == '@') value.erase(0, 1);
    if (!value.empty()) names.push_back(value);
  }
  if (!meta.ld_site_name.empty()) names.push_back(meta.ld_site_name);
  if (auto publisher = meta.article.find("publisher"); publisher != meta.article.end())
    if (std::string name = publisher->is_object() ? ld_string(publisher->value("name", json())) : "";
        !name.empty())
      names.push_back(name);
  // The host's first label ("puentes" of puentes.example.org) names the site too.
  if (size_t scheme = page_url.find("://"); scheme != std::string::npos) {
    std::string host = page_url.substr(scheme + 3, page_url.find('/', scheme + 3) - scheme - 3);
    if (host.rfind("www.", 0) == 0) host.erase(0, 4);
    names.push_back(host.substr(0, host.find('.')));
  }
  return names;
}

// ------------------------------------------------------------------ content

// Element → score of paragraph text it holds directly or one level down,
// link text discounted: Readability's idea, kept small.
const GumboNode* densest_block(const GumboNode* body, const html::TextSizes& sizes) {
  std::unordered_map<const GumboNode*, double> scores;
  html::walk(body, [&](const GumboNode* node) {
    if (node->type != GUMBO_NODE_ELEMENT) return false;
    if (node != body && html::is_chrome_in(node, body, sizes)) return false;
    GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_P || tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_BLOCKQUOTE) {
      double own = static_cast<double>(sizes.text(node)) - static_cast<double>(sizes.link_text(node));
      if (own >= 20 && node->parent) {
        scores[node->parent] += own;
        if (node->parent->parent) scores[node->parent->parent] += own / 2;
      }
      return false;
    }
    // Text set straight into a block with <br>s between lines, as old CMSs do.
    size_t direct = 0;
    for (unsigned i = 0; i < node->v.element.children.length; ++i) {
      auto* child = static_cast<const GumboNode*>(node->v.element.children.data[i]);
      if (child->type == GUMBO_NODE_TEXT) direct += collapse_whitespace(child->v.text.text).size();
    }
    if (direct >= 40) scores[node] += static_cast<double>(direct);
    return true;
  });
  const GumboNode* best = nullptr;
  double best_score = 0;
  for (const auto& [node, score] : scores) {
    // Ties go to the earlier element, so the choice does not depend on hashing.
    bool earlier = best && node->v.element.start_pos.offset < best->v.element.start_pos.offset;
    if (!best || score > best_score || (score == best_score && earlier)) {
      best = node;
      best_score = score;
    }
  }
  return best ? best : body;
}

// The element that holds the release: the largest <article>, else <main> or
// [role=main], else the densest block. A candidate holding less than a
// quarter of the page's content (a teaser card, an empty shell) is passed over.
const GumboNode* content_root(const GumboNode* body, const html::TextSizes& sizes) {
  const GumboNode* article = nullptr;
  const GumboNode* main = nullptr;
  html::walk(body, [&](const GumboNode* node) {
    if (node->type != GUMBO_NODE_ELEMENT) return false;
    if (node != body && html::is_chrome_in(node, body, sizes)) return false;
    if (is_tag(node, GUMBO_TAG_ARTICLE) && (!article || sizes.text(node) > sizes.text(article))) article = node;
    if (!main && (is_tag(node, GUMBO_TAG_MAIN) || lower(attribute(node, "role")) == "main")) main = node;
    return true;
  });
  size_t quarter = html::content_size(body, sizes) / 4;
  if (article && sizes.text(article) < quarter) article = nullptr;
  if (main && sizes.text(main) < quarter) main = nullptr;
  if (article && main) return sizes.text(article) * 4 >= sizes.text(main) ? article : main;
  if (article) return article;
  if (main) return main;
  return densest_block(body, sizes);
}

// The first <time> of `scope` outside its chrome and widgets; an article's
// own <header> and <footer> are where the date usually is, so they are
// searched.
const GumboNode* first_time(const GumboNode* scope, const html::TextSizes& sizes) {
  const GumboNode* found = nullptr;
  html::walk(scope, [&](const GumboNode* node) {
    if (found || node->type != GUMBO_NODE_ELEMENT) return false;
    if (node != scope) {
      // Related links and share boxes carry other releases' dates, however big.
      html::Chrome chrome = sizes.chrome(node);
      if (chrome == html::Chrome::Always || chrome == html::Chrome::Widget) return false;
      if (chrome == html::Chrome::Furniture && !is_tag(node, GUMBO_TAG_HEADER) &&
          !is_tag(node, GUMBO_TAG_FOOTER) && html::is_chrome_in(node, scope, sizes))
        return false;
    }
    if (is_tag(node, GUMBO_TAG_TIME)) {
      found = node;
      return false;
    }
    return true;
  });
  return found;
}


// ------------------------------------------------------------------ release

struct Field {
  std::string value;
  Provenance provenance = Provenance::Source;
};

void set(Release& release, std::string Release::*member, const char* name, const Field& field) {
  if (field.value.empty()) return;
  release.*member = field.value;
  release.provenance[name] = field.provenance;
}

Field first_of(std::initializer_list<std::string> values) {
  for (const std::string& v : values)
    if (!v.empty()) return {v};
  return {};
}

std::vector<std::string> split_keywords(const json& value) {
  std::vector<std::string> out;
  if (value.is_array()) {
    for (const json& v : value)
      if (v.is_string() && !v.get<std::string>().empty()) out.push_back(html::normalize_space(v.get<std::string>()));
  } else if (value.is_string()) {
    std::string all = value.get<std::string>();
    size_t start = 0;
    while (start <= all.size()) {
      size_t comma = all.find(',', start);
      if (comma == std::string::npos) comma = all.size();
      std::string item = html::normalize_space(std::string_view(all).substr(start, comma - start));
      if (!item.empty()) out.push_back(item);
      start = comma + 1;
    }
  }
  return out;
}

std::string type_from_meta(const PageMeta& meta) {
  for (const char* key : {"pressroom:type", "release-type", "type", "dc.type", "dcterms.type",
                          "article:section", "category"})
    if (std::string type = release_type_from_label(meta.get(key)); !type.empty()) return type;
  for (const std::string& t : ld_types(meta.article))
    if (std::string type = release_type_from_label(t); !type.empty()) return type;
  if (auto section = meta.article.find("articleSection"); section != meta.article.end())
    for (const std::string& label : split_keywords(*section))
      if (std::string type = release_type_from_label(label); !type.empty()) return type;
  return {};
}

Release full_page(const html::Document& page, const std::optional<html::TextSizes>& sizes, const PageMeta& meta,
                  const std::string& page_url, const std::string& url) {
  Release release;
  const json& ld = meta.article;
  auto ld_field = [&](const char* key) {
    auto it = ld.find(key);
    return it == ld.end() ? std::string() : html::normalize_space(ld_string(*it));
  };
  const GumboNode* body = page.body();
  const GumboNode* root = body ? content_root(body, *sizes) : nullptr;

  // Title.
  std::vector<std::string> sites = site_names(meta, page_url);
  const std::unordered_set<std::string> no_blocks;
  Field title = first_of({strip_site_name(meta.get("og:title"), sites, no_blocks, false),
                          strip_site_name(meta.get("twitter:title"), sites, no_blocks, false),
                          ld_field("headline")});
  if (title.value.empty() && root) {
    const GumboNode* h1 = html::find_first(root, is_heading1);
    if (!h1) h1 = html::find_first(body, [&](const GumboNode* n) { return is_heading1(n); });
    if (h1) title = {inline_text(h1), Provenance::Extracted};
  }
  if (title.value.empty() && !meta.title_element.empty()) {
    std::unordered_set<std::string> blocks;
    if (body) {
      auto skip = [&](const GumboNode* n) { return html::is_chrome_in(n, body, *sizes); };
      for (const std::string& block : html::paragraphs(body, skip)) blocks.insert(fold_key(block));
    }
    title = {strip_site_name(meta.title_element, sites, blocks, true)};
  }
  set(release, &Release::title, "title", title);

  // Date: article:published_time, <time datetime>, JSON-LD, other metas.
  Field date;
  if (auto d = parse_release_date(meta.get("article:published_time"))) date = {*d};
  const GumboNode* time = root ? first_time(root, *sizes) : nullptr;
  if (!time && body) time = first_time(body, *sizes);
  if (date.value.empty() && time)
    if (auto d = parse_release_date(attribute(time, "datetime"))) date = {*d};
  if (date.value.empty())
    if (auto d = parse_release_date(ld_field("datePublished"))) date = {*d};
  for (const char* key : {"og:article:published_time", "article:published", "datepublished", "date",
                          "dc.date.issued", "dc.date", "dcterms.issued", "dcterms.date", "pubdate",
                          "publishdate", "publish-date", "sailthru.date", "parsely-pub-date"}) {
    if (!date.value.empty()) break;
    if (auto d = parse_release_date(meta.get(key))) date = {*d};
  }
  if (date.value.empty() && time)
    if (auto d = find_written_date(inline_text(time))) date = {*d, Provenance::Extracted};
  set(release, &Release::date, "date", date);

  set(release, &Release::url, "url", {url});
  set(release, &Release::lang, "lang",
      first_of({html::normalize_space(meta.lang), meta.get("content-language"), meta.get("og:locale"),
                ld_field("inLanguage")}));
  set(release, &Release::summary, "summary",
      first_of({meta.get("description"), meta.get("og:description"), meta.get("twitter:description"),
                ld_field("description")}));
  set(release, &Release::type, "type", {type_from_meta(meta)});

  std::vector<std::string> topics = meta.tags;
  if (topics.empty())
    if (auto keywords = ld.find("keywords"); keywords != ld.end()) topics = split_keywords(*keywords);
  topics.erase(std::remove(topics.begin(), topics.end(), std::string()), topics.end());
  if (!topics.empty()) {
    release.topics = std::move(topics);
    release.provenance["topics"] = Provenance::Source;
  }

  if (root) {
    auto skip = [&](const GumboNode* n) { return html::is_chrome_in(n, root, *sizes); };
    std::vector<std::string> paragraphs = html::paragraphs(root, skip);
    // The headline usually opens the article; it is the title, not body text.
    if (!paragraphs.empty() && fold_key(paragraphs.front()) == fold_key(release.title))
      paragraphs.erase(paragraphs.begin());
    release.body = html::join_paragraphs(paragraphs);
  }
  return release;
}

}  // namespace

ReadBatch HtmlReader::read(const std::string& file, std::string_view content,
                           const std::string& default_id) const {
  ReadBatch batch;
  if (size_t depth = html::nesting_estimate(content); depth > html::kMaxNesting) {
    batch.issues.push_back({file, 0, "HTML nested too deeply to read (about " + std::to_string(depth) +
                                         " levels; real pages stay under " + std::to_string(html::kMaxNesting) + ")"});
    return batch;
  }
  html::Document page(content);
  PageMeta meta = read_meta(page);

  // The page's own address: what its links are relative to, and its url.
  std::string base_href = collapse_whitespace(meta.base_href);
  std::string page_url;
  std::string declared_url;
  for (const std::string& candidate :
       {meta.canonical, meta.get("og:url"), html::normalize_space(ld_string(meta.article.value("url", json()))),
        html::normalize_space(ld_string(meta.article.value("mainEntityOfPage", json())))}) {
    std::string trimmed = collapse_whitespace(candidate);
    if (trimmed.empty()) continue;
    if (declared_url.empty()) declared_url = trimmed;
    std::string absolute = is_absolute_http_url(base_href) ? resolve_url(base_href, trimmed) : trimmed;
    if (is_absolute_http_url(absolute)) {
      page_url = absolute;
      break;
    }
  }
  std::string link_base = is_absolute_http_url(base_href) ? base_href
                          : page_url.empty()              ? std::string()
                          : base_href.empty()             ? page_url
                                                          : resolve_url(page_url, base_href);

  std::optional<html::TextSizes> sizes;
  if (page.body()) sizes.emplace(page.body());
  std::vector<ListingEntry> entries = find_listing_entries(page, link_base, sizes ? &*sizes : nullptr);
  if (!entries.empty()) {
    std::string lang = first_of({html::normalize_space(meta.lang), meta.get("og:locale")}).value;
    for (size_t i = 0; i < entries.size(); ++i) {
      ListingEntry& entry = entries[i];
      Release release;
      release.id = is_absolute_http_url(entry.url) ? id_from_url(entry.url)
                                                    : default_id + "/" + std::to_string(i + 1);
      set(release, &Release::title, "title", {entry.title, Provenance::Extracted});
      set(release, &Release::url, "url", {entry.url, Provenance::Extracted});
      set(release, &Release::date, "date", {entry.date, Provenance::Extracted});
      set(release, &Release::type, "type", {entry.type, Provenance::Extracted});
      set(release, &Release::summary, "summary", {entry.summary, Provenance::Extracted});
      set(release, &Release::lang, "lang", {entry.lang.empty() ? lang : entry.lang});
      release.body = std::move(entry.summary);
      release.provenance[kListingMarker] = Provenance::Extracted;
      release.source = file;
      release.source_line = entry.line;
      batch.releases.push_back(std::move(release));
    }
    return batch;
  }

  Release release = full_page(page, sizes, meta, page_url, page_url.empty() ? declared_url : page_url);
  release.id = default_id;
  release.source = file;
  release.source_line = 1;
  batch.releases.push_back(std::move(release));
  return batch;
}

}  // namespace pressroom
