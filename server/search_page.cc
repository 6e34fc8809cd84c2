#include "server/search_page.h"

#include <algorithm>
#include <map>
#include <set>

#include "common/schema.h"
#include "common/slug_names.h"
#include "server/snippet_markup.h"

namespace pressroom {
namespace {

// Facets in the sidebar, in display order: URL parameter, facet name, label.
struct FacetSpec {
  const char* param;
  const char* facet;
  const char* legend;
  const char* more;  // "more topics"
};
constexpr FacetSpec kFacets[] = {{"topic", "topic", "Topic", "topics"},
                                 {"spokesperson", "spokesperson", "Spokesperson", "spokespeople"},
                                 {"type", "type", "Type", "types"}};
constexpr size_t kFacetShown = 8;  // the rest behind "More …"
constexpr int kBarLevels = 20;     // bar heights are CSS classes h0..h20 (no style= under the CSP)

// A filter value as a reader should see it: a type's label, the name a
// topic's or an author's slug stands for (a link from the organisation's own
// site may carry "topic=user-experience").
std::string display_value(const char* param, const std::string& value) {
  std::string_view p(param);
  if (p == "type") return type_label(value);
  if (p == "topic") return topic_name(value);
  if (p == "spokesperson") return person_name(value);
  return value;
}

// Two values of a facet are one when they give one term: "angela-hooker"
// and "Angela Hooker", "COVID-19" and "covid-19".
std::string facet_key(const char* param, const std::string& value) {
  std::string_view p(param);
  if (p == "topic") return schema::topic_term(value);
  if (p == "spokesperson") return schema::spokesperson_term(value);
  return schema::boolean_term(p, value);
}

const std::vector<FacetValue>* facet_of(const SearchResult* result, const std::string& name) {
  if (!result) return nullptr;
  auto it = result->facets.find(name);
  return it == result->facets.end() ? nullptr : &it->second;
}

// A filter's value as the index names it ("ICE", as the releases write it,
// for "topic=ice"): from the facet it ticks, else as most releases on the
// page name it (each has it when it is the only value asked), else as
// display_value() reads it.
std::string shown_value(const SearchPageView& view, const FacetSpec& spec, const std::string& value) {
  std::string key = facet_key(spec.param, value);
  if (const std::vector<FacetValue>* values = facet_of(view.result, spec.facet))
    for (const FacetValue& v : *values)
      if (facet_key(spec.param, v.value) == key) return display_value(spec.param, v.value);
  std::string_view p(spec.param);
  std::map<std::string, size_t> names;
  if (view.result && (p == "topic" || p == "spokesperson"))
    for (const SearchHit& hit : view.result->hits)
      for (const std::string& named : p == "topic" ? hit.release.topics : hit.release.spokespeople)
        if (facet_key(spec.param, named) == key) ++names[named];
  auto most = std::max_element(names.begin(), names.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  return most != names.end() ? most->first : display_value(spec.param, value);
}

// ---- the search form ----------------------------------------------------

std::string search_form(const SearchPageView& view) {
  const SearchParams& p = view.params;
  std::string h;
  h += "<form id=\"search\" class=\"search\" role=\"search\" action=\"/\" method=\"get\">\n";
  h += "<h1 class=\"search-title\"><label for=\"q\">Search the press archive</label></h1>\n";
  h += "<div class=\"search-row\">\n<div class=\"search-field\" data-suggest>\n";
  h += "<input id=\"q\" name=\"q\" type=\"search\"" + attr("value", p.get("q")) +
       " autocomplete=\"off\" autocapitalize=\"off\" spellcheck=\"false\" enterkeyhint=\"search\""
       " aria-describedby=\"q-hint\" placeholder=\"Words, a phrase in quotes, a spokesperson…\">\n";
  h += "</div>\n<button type=\"submit\" class=\"button primary\">Search</button>\n</div>\n";
  h += "<p id=\"q-hint\" class=\"hint\">\"family detention\" finds the phrase · <kbd>OR</kbd> either word · "
       "<kbd>-word</kbd> leaves one out · <kbd>detain*</kbd> any ending · <kbd>title:</kbd> titles only</p>\n";
  // State the form does not show still belongs to the search it submits.
  for (const char* name : {"match", "size"})
    if (std::string v = p.get(name); !v.empty()) h += "<input type=\"hidden\" name=\"" + std::string(name) + "\"" + attr("value", v) + ">\n";
  h += "</form>\n";
  return h;
}

// ---- the sidebar --------------------------------------------------------

std::string facet_item(const FacetSpec& spec, const std::string& value, const uint64_t* count, bool checked) {
  std::string h = "<li><label class=\"check\"><input type=\"checkbox\" form=\"search\"" + attr("name", spec.param) +
                  attr("value", value) + (checked ? " checked" : "") + "><span class=\"check-label\">" +
                  esc(display_value(spec.param, value)) + "</span>";
  if (count) h += "<span class=\"count\">" + thousands(*count) + "</span>";
  return h + "</label></li>\n";
}

std::string facet_fieldset(const SearchPageView& view, const FacetSpec& spec) {
  const std::vector<FacetValue>* values = facet_of(view.result, spec.facet);
  std::set<std::string> selected;
  for (const std::string& value : view.params.all(spec.param)) selected.insert(facet_key(spec.param, value));
  std::vector<std::string> items;  // rendered <li>s
  std::set<std::string> listed;
  if (values) {
    for (const FacetValue& v : *values) {
      std::string key = facet_key(spec.param, v.value);
      items.push_back(facet_item(spec, v.value, &v.count, selected.count(key) > 0));
      listed.insert(key);
    }
  }
  // A selected value outside the most frequent ones still shows, ticked, so
  // it can be unticked.
  std::vector<std::string> extra;
  for (const std::string& value : view.params.all(spec.param))
    if (listed.insert(facet_key(spec.param, value)).second)
      extra.push_back(facet_item(spec, shown_value(view, spec, value), nullptr, true));
  if (items.empty() && extra.empty()) return {};

  std::string id = std::string("facet-") + spec.param;
  std::string h = "<fieldset class=\"facet\"" + attr("id", id) + ">\n<legend>" + spec.legend + "</legend>\n";
  h += "<ul class=\"facet-list\">\n";
  for (const std::string& item : extra) h += item;
  size_t shown = std::min(items.size(), kFacetShown);
  for (size_t i = 0; i < shown; ++i) h += items[i];
  h += "</ul>\n";
  if (items.size() > shown) {
    h += "<details class=\"facet-more\"><summary>More " + std::string(spec.more) + " (" +
         std::to_string(items.size() - shown) + ")</summary>\n<ul class=\"facet-list\">\n";
    for (size_t i = shown; i < items.size(); ++i) h += items[i];
    h += "</ul>\n</details>\n";
  }
  return h + "</fieldset>\n";
}

std::string filters(const SearchPageView& view) {
  const SearchParams& p = view.params;
  std::string h = "<aside class=\"filters\" aria-labelledby=\"filters-title\">\n";
  h += "<details class=\"filters-panel\" open>\n<summary class=\"filters-toggle\"><span id=\"filters-title\">Filters</span>";
  size_t active = p.all("topic").size() + p.all("spokesperson").size() + p.all("type").size() +
                  (p.get("from").empty() && p.get("to").empty() ? 0 : 1);
  if (active) h += "<span class=\"filters-active\">" + std::to_string(active) + " active</span>";
  h += "</summary>\n";
  h += "<fieldset class=\"facet dates\">\n<legend>Date</legend>\n<div class=\"date-fields\">\n";
  h += "<label class=\"date-field\"><span>From</span><input type=\"text\" id=\"from\" name=\"from\" form=\"search\" inputmode=\"numeric\""
       " pattern=\"\\d{4}(-\\d{2}(-\\d{2})?)?\" placeholder=\"YYYY-MM-DD\" aria-describedby=\"date-hint\"" +
       attr("value", p.get("from")) + "></label>\n";
  h += "<label class=\"date-field\"><span>To</span><input type=\"text\" id=\"to\" name=\"to\" form=\"search\" inputmode=\"numeric\""
       " pattern=\"\\d{4}(-\\d{2}(-\\d{2})?)?\" placeholder=\"YYYY-MM-DD\" aria-describedby=\"date-hint\"" +
       attr("value", p.get("to")) + "></label>\n";
  h += "</div>\n<p id=\"date-hint\" class=\"hint\">A year, a month (2019-06) or a day; both ends included.</p>\n";
  h += "<button type=\"submit\" form=\"search\" id=\"apply-dates\" class=\"button small date-apply\">Apply dates</button>\n</fieldset>\n";
  for (const FacetSpec& spec : kFacets) h += facet_fieldset(view, spec);
  h += "<button type=\"submit\" form=\"search\" class=\"button js-hide\">Apply filters</button>\n";
  h += "</details>\n</aside>\n";
  return h;
}

// ---- histograms ---------------------------------------------------------

struct Bar {
  std::string label;       // shown under the bar
  std::string long_label;  // for screen readers: "2019" / "March 2019"
  uint64_t count = 0;
  std::string href;        // empty: not a link (no releases)
  bool selected = false;
};

std::string histogram(const std::string& title, const std::string& id, const std::vector<Bar>& bars,
                      const std::string& clear_href) {
  uint64_t most = 0;
  for (const Bar& b : bars) most = std::max(most, b.count);
  std::string h = "<figure class=\"histogram\"" + attr("id", id) + ">\n<figcaption><span class=\"histogram-title\">" +
                  esc(title) + "</span>";
  if (!clear_href.empty()) h += " <a class=\"histogram-clear\"" + attr("href", clear_href) + ">Any date</a>";
  h += "</figcaption>\n<ol class=\"bars\">\n";
  // Labels every year while they fit, then every other, then every fifth.
  size_t step = bars.size() <= 14 ? 1 : bars.size() <= 28 ? 2 : 5;
  for (size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    bool labelled = i + 1 == bars.size() || (i % step == 0 && bars.size() - 1 - i >= step);
    int level = most == 0 || b.count == 0 ? 0 : std::max<int>(1, static_cast<int>((b.count * kBarLevels + most - 1) / most));
    std::string cls = "bar h" + std::to_string(level) + (b.selected ? " selected" : "") + (b.href.empty() ? " empty" : "") +
                      (labelled ? "" : " unlabelled");
    std::string label = b.long_label + ": " + count_noun(b.count, "release", "releases");
    std::string inner = "<span class=\"bar-count\" aria-hidden=\"true\">" + thousands(b.count) +
                        "</span><span class=\"bar-fill\" aria-hidden=\"true\"></span><span class=\"bar-label\" aria-hidden=\"true\">" +
                        esc(b.label) + "</span><span class=\"visually-hidden\">" + esc(label) + "</span>";
    if (b.href.empty()) {
      h += "<li><span" + attr("class", cls) + ">" + inner + "</span></li>\n";
    } else {
      h += "<li><a" + attr("class", cls) + attr("href", b.href) +
           (b.selected ? " aria-current=\"true\"" : "") + ">" + inner + "</a></li>\n";
    }
  }
  return h + "</ol>\n</figure>\n";
}

std::string year_histogram(const SearchPageView& view) {
  const std::vector<FacetValue>* years = facet_of(view.result, "year");
  if (!years || years->empty()) return {};
  std::map<int, uint64_t> counts;
  for (const FacetValue& v : *years) counts[std::stoi(v.value)] = v.count;
  const SearchParams& p = view.params;
  std::string from = view.request->from, to = view.request->to;  // YYYYMMDD or empty
  SearchParams base = p.first_page().without("from").without("to");
  std::vector<Bar> bars;
  for (int year = counts.begin()->first; year <= counts.rbegin()->first; ++year) {
    Bar b;
    b.label = std::to_string(year);
    b.long_label = b.label;
    b.count = counts.count(year) ? counts[year] : 0;
    std::string y = b.label;
    bool only_this = p.get("from") == y && p.get("to") == y;
    b.selected = (!from.empty() || !to.empty()) && (from.empty() || from.substr(0, 4) <= y) && (to.empty() || to.substr(0, 4) >= y);
    // Clicking the one selected year again clears the date filter.
    if (b.count > 0) b.href = only_this ? base.href("/") : base.with("from", y).with("to", y).href("/");
    bars.push_back(std::move(b));
  }
  std::string clear = p.get("from").empty() && p.get("to").empty() ? "" : base.href("/");
  return histogram("Releases by year", "years", bars, clear);
}

// Months of the one year the date filter covers, when it covers one.
std::string month_histogram(const SearchPageView& view) {
  const std::string& from = view.request->from;
  const std::string& to = view.request->to;
  if (from.size() != 8 || to.size() != 8 || from.substr(0, 4) != to.substr(0, 4)) return {};
  const std::vector<FacetValue>* months = facet_of(view.result, "month");
  if (!months) return {};
  std::string year = from.substr(0, 4);
  std::map<std::string, uint64_t> counts;
  for (const FacetValue& v : *months) counts[v.value] = v.count;
  SearchParams base = view.params.first_page().without("from").without("to");
  std::vector<Bar> bars;
  for (int m = 1; m <= 12; ++m) {
    std::string mm = (m < 10 ? "0" : "") + std::to_string(m);
    std::string key = year + "-" + mm;
    Bar b;
    b.label = month_name(m).substr(0, 3);
    b.long_label = month_name(m) + " " + year;
    b.count = counts.count(key) ? counts[key] : 0;
    bool only_this = view.params.get("from") == key && view.params.get("to") == key;
    std::string month_first = year + mm + "01", month_last = year + mm + "31";
    b.selected = from <= month_last && to >= month_first && !(from.substr(4) == "0101" && to.substr(4) == "1231");
    if (b.count > 0)
      b.href = only_this ? base.with("from", year).with("to", year).href("/") : base.with("from", key).with("to", key).href("/");
    bars.push_back(std::move(b));
  }
  return histogram("Releases by month in " + year, "months", bars, "");
}

// ---- results ------------------------------------------------------------

std::string hit_item(const SearchHit& hit) {
  const Release& r = hit.release;
  std::string lang = !r.lang.empty() && r.lang != "en" ? attr("lang", r.lang) : "";
  std::string h = "<li class=\"hit\"><article" + lang + ">\n";
  h += "<h3 class=\"hit-title\"><a" + attr("href", release_path(r.id)) + ">" + esc(r.title) + "</a></h3>\n";
  h += "<p class=\"hit-meta\"><time" + attr("datetime", r.date) + ">" + esc(long_date(r.date)) + "</time>";
  h += "<span class=\"type-tag\">" + esc(type_label(r.type)) + "</span>";
  if (!r.location.empty()) h += "<span class=\"hit-location\">" + esc(r.location) + "</span>";
  h += "</p>\n";
  if (!hit.snippet.empty()) h += "<p class=\"hit-snippet\">" + snippet_html(hit.snippet) + "</p>\n";
  if (!hit.duplicates.empty()) {
    size_t n = hit.duplicates.size();
    h += "<p class=\"hit-duplicates\"><a" + attr("href", release_path(r.id) + "#duplicates") + ">" + std::to_string(n) +
         (n == 1 ? " duplicate" : " duplicates") + "</a></p>\n";
  }
  if (!r.spokespeople.empty() || !r.topics.empty()) {
    h += "<ul class=\"hit-tags\">";
    for (const std::string& person : r.spokespeople)
      h += "<li class=\"tag person\"><a" + attr("href", SearchParams().with("spokesperson", person).href("/")) +
           "><span class=\"visually-hidden\">Spokesperson: </span>" + esc(person) + "</a></li>";
    for (const std::string& topic : r.topics)
      h += "<li class=\"tag topic\"><a" + attr("href", SearchParams().with("topic", topic).href("/")) +
           "><span class=\"visually-hidden\">Topic: </span>" + esc(topic) + "</a></li>";
    h += "</ul>\n";
  }
  return h + "</article></li>\n";
}

std::string pager(const SearchPageView& view) {
  const SearchRequest& rq = *view.request;
  uint64_t pages = (view.result->total + rq.size - 1) / rq.size;
  pages = std::min<uint64_t>(pages, static_cast<uint64_t>(kMaxResultWindow / rq.size));
  if (pages <= 1) return {};
  uint64_t current = static_cast<uint64_t>(rq.page);
  auto link = [&](uint64_t page) {
    return page == 1 ? view.params.without("page").href("/") : view.params.with_only("page", std::to_string(page)).href("/");
  };
  std::string h = "<nav class=\"pager\" aria-label=\"Pages of results\"><ul>\n";
  if (current > 1)
    h += "<li class=\"pager-prev\"><a rel=\"prev\"" + attr("href", link(current - 1)) + ">‹ Previous</a></li>\n";
  // First, last, and two either side of the current page.
  uint64_t last_shown = 0;
  for (uint64_t page = 1; page <= pages; ++page) {
    bool show = page == 1 || page == pages || (page + 2 >= current && page <= current + 2);
    if (!show) continue;
    if (last_shown && page > last_shown + 1) h += "<li class=\"pager-gap\" aria-hidden=\"true\">…</li>\n";
    if (page == current) {
      h += "<li><a aria-current=\"page\"" + attr("href", link(page)) + "><span class=\"visually-hidden\">Page </span>" +
           std::to_string(page) + "</a></li>\n";
    } else {
      h += "<li><a" + attr("href", link(page)) + "><span class=\"visually-hidden\">Page </span>" + std::to_string(page) +
           "</a></li>\n";
    }
    last_shown = page;
  }
  if (current < pages)
    h += "<li class=\"pager-next\"><a rel=\"next\"" + attr("href", link(current + 1)) + ">Next ›</a></li>\n";
  return h + "</ul></nav>\n";
}

std::string sort_control(const SearchPageView& view) {
  bool has_q = !view.params.get("q").empty();
  std::string chosen = view.params.get("sort");
  if (chosen == "date-desc") chosen = "date";
  // The first option is "" (the default for this search), so a new query
  // typed on a browse page is ranked by relevance again.
  std::vector<std::pair<std::string, std::string>> options;
  if (has_q) {
    options = {{"", "Best match"}, {"date", "Newest first"}, {"date-asc", "Oldest first"}};
    if (chosen == "relevance") chosen = "";
  } else {
    options = {{"", "Newest first"}, {"date-asc", "Oldest first"}};
    if (chosen == "date" || chosen == "relevance") chosen = "";
  }
  std::string h = "<div class=\"sort\"><label for=\"sort\">Sort</label><select id=\"sort\" name=\"sort\" form=\"search\">";
  for (const auto& [value, label] : options)
    h += "<option" + attr("value", value) + (value == chosen ? " selected" : "") + ">" + label + "</option>";
  h += "</select><button type=\"submit\" form=\"search\" class=\"button small js-hide\">Sort</button></div>\n";
  return h;
}

std::string downloads(const SearchPageView& view) {
  SearchParams p = view.params.without("page").without("size");
  return "<p class=\"downloads\"><span class=\"downloads-label\">Take these results:</span> "
         "<a" + attr("href", p.href("/export.csv")) + " download>CSV</a>"
         "<a" + attr("href", p.href("/export.jsonl")) + " download>JSON Lines</a>"
         "<a class=\"feed-link\"" + attr("href", view.feed_href) + ">Atom feed</a></p>\n";
}

std::string headline(const SearchPageView& view) {
  const SearchResult& r = *view.result;
  std::string q = view.params.get("q");
  bool filtered = view.params.all("topic").size() + view.params.all("spokesperson").size() +
                      view.params.all("type").size() > 0 || !view.params.get("from").empty() || !view.params.get("to").empty();
  std::string h = "<h2 id=\"results-count\" class=\"results-count\"><span class=\"results-number\">" +
                  count_noun(r.total, "release", "releases") + "</span> ";
  if (!r.corrected_from.empty()) {
    h += "match <q>" + esc(quotable_query(q.empty() ? r.corrected_from : q)) + "</q>";
  } else if (!q.empty()) {
    h += r.total == 1 ? "matches " : "match ";
    h += "<q>" + esc(quotable_query(q)) + "</q>";
    if (filtered) h += " with these filters";
  } else if (filtered) {
    h += r.total == 1 ? "matches these filters" : "match these filters";
  } else {
    h += "in the archive";
  }
  h += "</h2>\n";
  const SearchRequest& rq = *view.request;
  std::string shown;
  if (!r.hits.empty()) {
    uint64_t first = static_cast<uint64_t>(rq.page - 1) * rq.size + 1;
    uint64_t last = first + r.hits.size() - 1;
    shown = "Showing " + thousands(first) + "–" + thousands(last) + " · ";
  }
  char took[32];
  std::snprintf(took, sizeof took, "%.1f", view.took_ms);
  h += "<p class=\"results-meta\">" + shown + "<span class=\"took\">searched in " + took + " ms</span></p>\n";
  return h;
}

std::string notes(const SearchPageView& view) {
  const SearchResult& r = *view.result;
  std::string h;
  if (!view.missing_shards.empty())
    h += "<p class=\"notice error\" role=\"alert\">Part of the archive could not be searched (" +
         esc(std::to_string(view.missing_shards.size())) +
         (view.missing_shards.size() == 1 ? " shard does" : " shards do") +
         " not answer): these results and counts are incomplete.</p>\n";
  if (!r.did_you_mean.empty()) {
    h += "<p class=\"notice did-you-mean\">Did you mean <a" +
         attr("href", view.params.first_page().with_only("q", r.did_you_mean).href("/")) + "><q>" + esc(r.did_you_mean) +
         "</q></a>?</p>\n";
  }
  if (r.reparsed_as_plain)
    h += "<p class=\"notice\">The query's syntax could not be read (an unclosed quote or a dangling operator?), "
         "so its words were searched as they are.</p>\n";
  if (!r.synonyms.empty()) {
    h += "<p class=\"notice synonyms\">Also searched: ";
    for (size_t i = 0; i < r.synonyms.size(); ++i) {
      if (i) h += "; ";
      const SynonymUse& use = r.synonyms[i];
      for (size_t j = 0; j < use.added.size(); ++j) h += (j ? ", <q>" : "<q>") + esc(use.added[j]) + "</q>";
      h += " for <q>" + esc(use.matched) + "</q>";
    }
    h += ".</p>\n";
  }
  return h;
}

std::string active_filters(const SearchPageView& view) {
  const SearchParams& p = view.params;
  std::vector<std::string> chips;
  for (const FacetSpec& spec : kFacets)
    for (const std::string& value : p.all(spec.param))
      chips.push_back("<li><a class=\"chip\"" + attr("href", p.first_page().without(spec.param, value).href("/")) + ">" +
                      spec.legend + ": " + esc(shown_value(view, spec, value)) +
                      "<span class=\"chip-x\" aria-hidden=\"true\">×</span><span class=\"visually-hidden\"> (remove)</span></a></li>");
  std::string from = p.get("from"), to = p.get("to");
  if (!from.empty() || !to.empty()) {
    std::string label = from == to ? long_date(from)
                        : from.empty() ? "until " + long_date(to)
                        : to.empty()   ? "from " + long_date(from)
                                       : long_date(from) + " – " + long_date(to);
    chips.push_back("<li><a class=\"chip\"" + attr("href", p.first_page().without("from").without("to").href("/")) +
                    ">Date: " + esc(label) +
                    "<span class=\"chip-x\" aria-hidden=\"true\">×</span><span class=\"visually-hidden\"> (remove)</span></a></li>");
  }
  if (chips.empty()) return {};
  std::string h = "<div class=\"active-filters\"><h3 class=\"visually-hidden\">Active filters</h3><ul class=\"chips\">";
  for (const std::string& chip : chips) h += chip;
  if (chips.size() > 1) h += "<li><a class=\"chip-clear\"" + attr("href", SearchParams().with("q", p.get("q")).href("/")) + ">Clear all</a></li>";
  return h + "</ul></div>\n";
}

std::string no_results(const SearchPageView& view) {
  std::string h = "<div class=\"empty\"><p>Nothing in the archive matches";
  std::string q = view.params.get("q");
  if (!q.empty()) h += " <q>" + esc(quotable_query(q)) + "</q>";
  h += ".</p><ul>";
  if (view.params.all("topic").size() + view.params.all("spokesperson").size() + view.params.all("type").size() > 0 ||
      !view.params.get("from").empty() || !view.params.get("to").empty())
    h += "<li><a" + attr("href", SearchParams().with("q", q).href("/")) + ">Search again without the filters</a></li>";
  h += "<li>Check the spelling, or use fewer words.</li><li>Add <kbd>*</kbd> to a word to match any ending: "
       "<kbd>deport*</kbd>.</li></ul></div>\n";
  return h;
}

std::string results(const SearchPageView& view) {
  std::string h = "<section id=\"results\" class=\"results\" aria-labelledby=\"results-count\" tabindex=\"-1\">\n";
  if (!view.request) {
    h += "<h2 id=\"results-count\" class=\"results-count\">This search cannot be run</h2>\n";
    h += "<p class=\"notice error\" role=\"alert\">" + esc(view.error) + "</p>\n";
    h += "<p><a href=\"/\">Start a new search</a></p>\n</section>\n";
    return h;
  }
  const SearchResult& r = *view.result;
  h += "<header class=\"results-head\">\n<div class=\"results-summary\">\n" + headline(view) + "</div>\n";
  h += "<div class=\"results-tools\">\n" + sort_control(view) + downloads(view) + "</div>\n</header>\n";
  h += notes(view);
  h += active_filters(view);
  h += year_histogram(view);
  h += month_histogram(view);
  if (r.hits.empty() && r.total > 0) {
    h += "<div class=\"empty\"><p>This page is past the last page of results.</p><p><a" +
         attr("href", view.params.without("page").href("/")) + ">Back to the first page</a></p></div>\n";
  } else if (r.hits.empty()) {
    h += no_results(view);
  } else {
    uint64_t first = static_cast<uint64_t>(view.request->page - 1) * view.request->size + 1;
    h += "<ol class=\"hits\"" + std::string(first > 1 ? " start=\"" + std::to_string(first) + "\"" : "") + ">\n";
    for (const SearchHit& hit : r.hits) h += hit_item(hit);
    h += "</ol>\n";
    h += pager(view);
  }
  return h + "</section>\n";
}

std::string page_title(const SearchPageView& view) {
  std::string q = view.params.get("q");
  std::string title = q.empty() ? "Search" : "“" + quotable_query(q) + "”";
  if (view.request && view.request->page > 1) title += " · page " + std::to_string(view.request->page);
  return title;
}

}  // namespace

std::string render_search_page(const SearchPageView& view, const PageAssets& assets) {
  std::string main = "<div class=\"wrap search-page\">\n" + search_form(view);
  main += "<p id=\"live-status\" class=\"visually-hidden\" role=\"status\" aria-live=\"polite\"></p>\n";
  main += "<div id=\"results-area\" class=\"layout\"" + attr("data-title", page_title(view) + " · " + std::string(kSiteName)) +
          attr("data-feed", view.feed_href) + ">\n";
  main += "<a class=\"skip-link\" href=\"#results\">Skip to results</a>\n";
  main += filters(view);
  main += results(view);
  main += "</div>\n</div>\n";

  PageShell shell;
  shell.title = page_title(view);
  shell.description = "Search every press release, statement and report in the archive.";
  shell.canonical = view.canonical;
  shell.feed_href = view.feed_href;
  std::string q = view.params.get("q");
  shell.feed_title = q.empty() ? "New releases" : "Releases matching “" + quotable_query(q) + "”";
  shell.body_class = "page-search";
  shell.section = Section::Search;
  shell.header_search = false;
  return render_page(shell, assets, main);
}

}  // namespace pressroom
