#include "common/record_fields.h"

#include <cctype>
#include <chrono>
#include <cstdint>
#include <initializer_list>

#include "common/dates.h"
#include "common/html_text.h"
#include "common/release_date.h"

namespace pressroom {
namespace {

using json = nlohmann::json;

// The first alias present in the record, or nullptr.
const json* find_field(const json& record, std::initializer_list<const char*> names,
                       std::string& found_name) {
  for (const char* name : names) {
    auto it = record.find(name);
    if (it != record.end() && !it->is_null()) {
      found_name = name;
      return &*it;
    }
  }
  return nullptr;
}

std::string scalar_text(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  return value.dump();  // numbers and booleans as written
}

// An item of a list field (a topic, a spokesperson): a string, or the name
// of an object as CMS exports write them (Ghost's {"name": "Asylum", "slug":
// …}). A number is a CMS's reference to a term or user (WordPress's
// "categories": [12, 15]), not a name: nullopt, as for null and for an
// object without a name.
std::optional<std::string> named_item(const json& item) {
  if (item.is_string()) return item.get<std::string>();
  if (item.is_boolean()) return scalar_text(item);
  if (!item.is_object()) return std::nullopt;
  for (const char* key : {"name", "display_name", "title", "label", "value"}) {
    auto it = item.find(key);
    if (it != item.end() && it->is_string()) return it->get<std::string>();
  }
  return std::nullopt;
}

// What a text field does with HTML in it: CMS exports carry HTML bodies
// (<p>, &nbsp;) and titles with character references (&#8211;).
enum class Markup { Kept, Inline, Paragraphs };

// WordPress's REST API wraps its texts ({"rendered": "<p>…"}), Drupal's
// exports too ({"value": "<p>…", "format": "full_html"}): the text is inside,
// and it is HTML (`html` is set), inline tags and all — but for Drupal's
// "plain_text" format, which is text as typed.
const json* rendered(const json& value, bool& html) {
  html = false;
  if (!value.is_object()) return &value;
  for (const char* key : {"rendered", "value"}) {
    auto it = value.find(key);
    if (it != value.end() && it->is_string()) {
      auto format = value.find("format");
      html = !(format != value.end() && format->is_string() && format->get<std::string>() == "plain_text");
      return &*it;
    }
  }
  return &value;
}

class FieldMapper {
 public:
  FieldMapper(const json& record, Release& out) : record_(record), out_(out) {}

  void text(const char* field, std::string& target, std::initializer_list<const char*> names,
            Markup markup = Markup::Kept) {
    std::string name;
    const json* value = find_field(record_, names, name);
    if (!value || error_) return;
    bool html = false;
    value = rendered(*value, html);
    if (value->is_boolean()) return;  // Jekyll's `published: false` is a flag, not a date
    if (value->is_array() || value->is_object()) {
      error_ = "field '" + name + "' must be a string";
      return;
    }
    target = scalar_text(*value);
    if (markup != Markup::Kept) {
      // A plain string is HTML with block markup, or for a one-line field
      // (a title) with an inline element opened and closed; a stray tag in a
      // plain title stays text, and a plain body keeps its lines. A rendered
      // one is HTML ("<em>Flores</em>").
      bool is_html = html::has_block_markup(target) ||
                     (markup == Markup::Inline && html::has_inline_element(target)) ||
                     (html && target.find('<') != std::string::npos);
      if (is_html)
        target = markup == Markup::Paragraphs ? html::fragment_text(target) : html::fragment_inline_text(target);
      else if (html::has_character_references(target))
        target = html::decode_references(target);
    }
    if (!target.empty()) out_.provenance[field] = Provenance::Source;
  }

  void list(const char* field, std::vector<std::string>& target,
            std::initializer_list<const char*> names) {
    std::string name;
    const json* value = find_field(record_, names, name);
    if (!value || error_) return;
    target.clear();
    auto add = [&](const json& item) {
      auto text = named_item(item);
      if (text) target.push_back(*text);
      return text || item.is_number() || item.is_null();
    };
    if (value->is_array()) {
      for (const json& item : *value) {
        if (!add(item)) {
          error_ = "field '" + name + "' must be a string or a list of strings (or of objects with a name)";
          return;
        }
      }
    } else if (!add(*value)) {
      error_ = "field '" + name + "' must be a string or a list of strings (or of objects with a name)";
      return;
    }
    if (!target.empty()) out_.provenance[field] = Provenance::Source;
  }

  const std::optional<std::string>& error() const { return error_; }

 private:
  const json& record_;
  Release& out_;
  std::optional<std::string> error_;
};

// A flag as JSON or YAML 1.1 write it; nullopt when `value` is no flag.
std::optional<bool> flag_of(const json& value) {
  if (value.is_boolean()) return value.get<bool>();
  if (value.is_number_integer()) return value.get<int64_t>() != 0;
  if (!value.is_string()) return std::nullopt;
  std::string text = value.get<std::string>();
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (text == "true" || text == "yes" || text == "on" || text == "1") return true;
  if (text == "false" || text == "no" || text == "off" || text == "0") return false;
  return std::nullopt;
}

// The last day a release may be dated and be out already: tomorrow in UTC,
// since its own time zone may be up to 14 hours ahead.
std::string last_published_day() {
  using namespace std::chrono;
  year_month_day day{floor<days>(system_clock::now()) + days{1}};
  return format_iso_day(static_cast<int>(day.year()), static_cast<int>(static_cast<unsigned>(day.month())),
                        static_cast<int>(static_cast<unsigned>(day.day())));
}

// Scheduled: Hugo and Jekyll publish nothing dated in the future, CMSs hold
// a release until its publishDate, and an embargoed release must not be
// searchable before its time. Empty when no such date lies ahead.
std::string scheduled_reason(const json& record) {
  static const std::string kLast = last_published_day();  // a run is short
  for (const char* key : {"embargo", "embargoed_until", "embargo_until", "publishDate", "publishdate",
                          "publish_date", "date"}) {
    auto it = record.find(key);
    if (it == record.end() || !(it->is_string() || it->is_number_integer())) continue;
    std::optional<std::string> day = parse_release_date(scalar_text(*it));
    if (day && *day > kLast) return std::string("scheduled (") + key + ": " + *day + ")";
  }
  return {};
}

// Why a record is not published, as the tools that export archives mark it:
// Hugo and Jekyll `draft: true`, Jekyll `published: false`, WordPress and
// Ghost `status: draft | pending | private | future | scheduled | trash`,
// Drupal `status: false`, and a date still ahead (scheduled_reason()). Empty
// when it is published.
std::string withheld_reason(const json& record) {
  if (auto it = record.find("draft"); it != record.end() && flag_of(*it) == true) return "draft: true";
  if (std::string scheduled = scheduled_reason(record); !scheduled.empty()) return scheduled;
  if (auto it = record.find("published"); it != record.end() && flag_of(*it) == false) return "published: false";
  auto it = record.find("status");
  if (it == record.end()) return {};
  if (flag_of(*it) == false) return "status: false";
  if (!it->is_string()) return {};
  std::string status = it->get<std::string>();
  for (char& c : status) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* unpublished : {"draft", "auto-draft", "pending", "private", "future", "scheduled", "trash",
                                  "unpublished"})
    if (status == unpublished) return "status: " + status;
  return {};
}

}  // namespace

std::optional<std::string> release_from_record(const json& record, Release& out) {
  if (!record.is_object()) return std::string("record is not a JSON object");
  FieldMapper map(record, out);
  map.text("id", out.id, {"id"});
  map.text("title", out.title, {"title"}, Markup::Inline);
  out.withheld = withheld_reason(record);
  map.text("date", out.date, {"date", "published", "publishDate", "datePublished", "published_at", "pubDate", "post_date"});
  map.text("type", out.type, {"type", "kind"});
  map.list("topics", out.topics, {"topics", "topic", "tags", "categories"});
  map.list("spokespeople", out.spokespeople, {"spokespeople", "spokesperson", "authors", "author"});
  map.list("contacts", out.contacts, {"contacts"});
  map.text("location", out.location, {"location", "dateline"});
  map.text("url", out.url, {"url", "link", "canonical"});
  map.text("lang", out.lang, {"lang", "language"});
  map.text("summary", out.summary, {"summary", "description", "deck", "excerpt"}, Markup::Inline);
  map.text("body", out.body, {"body", "text", "content", "plaintext", "html"}, Markup::Paragraphs);
  if (map.error()) return map.error();
  if (auto it = record.find("quotes"); it != record.end() && !it->is_null()) {
    if (!it->is_array()) return std::string("field 'quotes' must be a list of objects");
    for (const json& item : *it) {
      if (!item.is_object() || !item.contains("text") || !item["text"].is_string())
        return std::string("each of 'quotes' must be an object with a text");
      Quote q;
      auto str = [&](const char* key) {
        auto f = item.find(key);
        return f != item.end() && f->is_string() ? f->get<std::string>() : std::string();
      };
      q.text = str("text");
      q.speaker = str("speaker");
      q.role = str("role");
      q.organisation = str("organisation");
      q.paragraph = str("paragraph");
      out.quotes.push_back(std::move(q));
    }
    if (!out.quotes.empty()) out.provenance["quotes"] = Provenance::Source;
  }
  return std::nullopt;
}

void add_record(const json& record, const std::string& file, int line, const std::string& default_id,
                ReadBatch& batch) {
  Release release;
  if (auto error = release_from_record(record, release)) {
    batch.issues.push_back({file, line, *error});
    return;
  }
  if (release.id.empty()) release.id = default_id + ":" + std::to_string(line);
  release.source = file;
  release.source_line = line;
  batch.releases.push_back(std::move(release));
}

}  // namespace pressroom
