#include "common/html_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

#include "common/legacy_encoding.h"
#include "common/text_folding.h"

namespace pressroom::html {
namespace {

// ------------------------------------------------------------------ charset

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  return out;
}

// The charset a page declares (<meta charset=…> or the http-equiv form), by
// the byte-level prescan browsers do before parsing; "" when none.
std::string declared_charset(std::string_view bytes) {
  std::string head = ascii_lower(bytes.substr(0, 4096));
  size_t pos = head.find("charset=");
  if (pos == std::string::npos) return {};
  pos += 8;
  while (pos < head.size() && (head[pos] == '"' || head[pos] == '\'' || head[pos] == ' ')) ++pos;
  size_t end = pos;
  while (end < head.size() && (std::isalnum(static_cast<unsigned char>(head[end])) ||
                               head[end] == '-' || head[end] == '_' || head[end] == '.' || head[end] == ':'))
    ++end;
  return head.substr(pos, end - pos);
}

// ------------------------------------------------------------------ tags

bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_NAV:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_THEAD: case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT: case GUMBO_TAG_CAPTION: case GUMBO_TAG_PRE: case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_HR: case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_CENTER:
    case GUMBO_TAG_BODY: case GUMBO_TAG_HTML: case GUMBO_TAG_HGROUP: case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_MENU:
      return true;
    default:
      return false;
  }
}

bool is_never_text(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_INPUT: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_OPTION: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO: case GUMBO_TAG_MAP: case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE: case GUMBO_TAG_META: case GUMBO_TAG_LINK: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_LABEL:
      return true;
    default:
      return false;
  }
}

bool is_furniture(GumboTag tag) {
  return tag == GUMBO_TAG_HEADER || tag == GUMBO_TAG_FOOTER || tag == GUMBO_TAG_ASIDE ||
         tag == GUMBO_TAG_FORM;
}

// Words in a class or id that name widgets rather than content, as
// WordPress, Drupal and the common share/consent plugins spell them.
constexpr std::array<const char*, 33> kWidgetWords = {
    "share",        "sharing",     "social",       "cookie",      "consent",     "gdpr",
    "newsletter",   "subscribe",   "signup",       "breadcrumb",  "related",     "comment",
    "sidebar",      "skip-link",   "skiplink",     "skip-to",     "caption",     "credit",
    "donate",       "donation",    "pagination",   "pager",       "popup",       "modal",
    "menu",         "toolbar",     "sr-only",      "screen-reader", "visually-hidden",
    "addtoany",     "a2a_",        "advert",       "sponsor"};

// Words that name the structure of a page around its content.
constexpr std::array<const char*, 5> kFurnitureWords = {"header", "footer", "navigation", "navbar",
                                                       "masthead"};

template <size_t N>
bool names_any(std::string_view names, const std::array<const char*, N>& words) {
  if (names.empty()) return false;
  std::string lower = ascii_lower(names);
  for (const char* word : words)
    if (lower.find(word) != std::string::npos) return true;
  return false;
}

bool names_widget(std::string_view names) { return names_any(names, kWidgetWords); }
bool names_furniture(std::string_view names) { return names_any(names, kFurnitureWords); }

// Paragraphs that are a photo credit or a share prompt, not release text.
bool is_credit_or_prompt(const std::string& paragraph) {
  if (paragraph.size() > 300) return false;
  std::string lower = ascii_lower(paragraph.size() <= 30 ? paragraph : paragraph.substr(0, 24));
  for (const char* prefix : {"photo:", "photo credit", "photo by", "photo courtesy", "photos:", "(photo",
                             "foto:", "fotos:", "foto de", "foto cortes", "crédito", "credito",
                             "image:", "image credit", "courtesy of", "cortesía", "cortesia"})
    if (lower.rfind(prefix, 0) == 0) return true;
  // Share prompts, and the conventional release markers that frame the text.
  for (const char* prompt : {"share", "share this", "share this:", "share:", "tweet", "print", "email",
                             "compartir", "compartir:", "comparte", "imprimir", "for immediate release",
                             "for immediate release:", "para publicación inmediata", "para difusión inmediata",
                             "###", "# # #", "-30-", "- 30 -"})
    if (lower == prompt) return true;
  return false;
}

void append_text(std::string& out, const GumboNode* node) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA)
    out += node->v.text.text;
  else if (node->type == GUMBO_NODE_WHITESPACE)
    out += ' ';
}

const GumboVector* children_of(const GumboNode* node) {
  if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) return &node->v.element.children;
  if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
  return nullptr;
}

size_t non_space_bytes(const char* text) {
  size_t n = 0;
  for (const char* p = text; *p; ++p)
    if (!std::isspace(static_cast<unsigned char>(*p))) ++n;
  return n;
}

}  // namespace

// ------------------------------------------------------------------ Document

// Gumbo allocates every node, string and vector through the options'
// allocator; a bump arena freed at once is faster than malloc/free per node
// and spares gumbo's recursive destructor on deeply nested input.
struct Document::Arena {
  static constexpr size_t kBlock = 64 * 1024;
  std::vector<std::unique_ptr<char[]>> blocks;
  char* next = nullptr;
  size_t left = 0;

  void* allocate(size_t size) {
    size = (size + 15) & ~size_t{15};
    if (size > kBlock / 4) {
      blocks.emplace_back(new char[size]);
      return blocks.back().get();
    }
    if (size > left) {
      blocks.emplace_back(new char[kBlock]);
      next = blocks.back().get();
      left = kBlock;
    }
    void* out = next;
    next += size;
    left -= size;
    return out;
  }
  static void* allocate_for(void* arena, size_t size) { return static_cast<Arena*>(arena)->allocate(size); }
  static void release(void*, void*) {}
};

Document::Document(std::string_view bytes) : arena_(std::make_unique<Arena>()) {
  bytes = without_byte_order_mark(bytes);
  text_ = is_valid_utf8(bytes) ? std::string(bytes) : legacy_to_utf8(bytes, declared_charset(bytes));
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &Arena::allocate_for;
  options.deallocator = &Arena::release;
  options.userdata = arena_.get();
  options.max_errors = 0;  // parse errors are repaired; recording them only costs time
  output_ = gumbo_parse_with_options(&options, text_.data(), text_.size());
}

Document::~Document() = default;  // the arena holds every byte gumbo allocated

const GumboNode* Document::root() const { return output_->root; }

const GumboNode* Document::head() const {
  return find_first(root(), [](const GumboNode* n) { return is_tag(n, GUMBO_TAG_HEAD); });
}

const GumboNode* Document::body() const {
  const GumboVector& children = root()->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (is_tag(child, GUMBO_TAG_BODY)) return child;
  }
  return nullptr;
}

// ------------------------------------------------------------------ helpers

size_t nesting_estimate(std::string_view html) {
  // Elements that never nest: void ones, and those a parser closes by itself.
  static const std::array<std::string_view, 26> kUncounted = {
      "area", "base", "br",   "col", "embed", "hr",    "img", "input",  "link", "meta", "source", "track", "wbr",
      "p",    "li",   "td",   "th",  "tr",    "dt",    "dd",  "option", "param", "keygen", "basefont", "frame", "colgroup"};
  size_t depth = 0, deepest = 0;
  size_t pos = 0;
  while ((pos = html.find('<', pos)) != std::string_view::npos) {
    if (html.compare(pos, 4, "<!--") == 0) {
      size_t end = html.find("-->", pos + 4);
      if (end == std::string_view::npos) break;
      pos = end + 3;
      continue;
    }
    bool closing = pos + 1 < html.size() && html[pos + 1] == '/';
    size_t name_start = pos + (closing ? 2 : 1);
    size_t name_end = name_start;
    while (name_end < html.size() && std::isalnum(static_cast<unsigned char>(html[name_end]))) ++name_end;
    if (name_end == name_start) {
      ++pos;
      continue;
    }
    std::string name = ascii_lower(html.substr(name_start, name_end - name_start));
    size_t tag_end = html.find('>', name_end);
    if (tag_end == std::string_view::npos) break;
    pos = tag_end + 1;
    if (std::find(kUncounted.begin(), kUncounted.end(), name) != kUncounted.end()) continue;
    if (closing) {
      if (depth > 0) --depth;
      continue;
    }
    if (html[tag_end - 1] == '/') continue;
    deepest = std::max(deepest, ++depth);
    if (name == "script" || name == "style" || name == "textarea" || name == "title") {
      // Raw text: a '<' inside is not a tag.
      size_t end = ascii_lower(html.substr(pos, std::min<size_t>(html.size() - pos, 1 << 20))).find("</" + name);
      if (end == std::string::npos) break;
      pos += end;
    }
  }
  return deepest;
}

bool is_tag(const GumboNode* node, GumboTag tag) {
  return node && node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag;
}

std::string_view attribute(const GumboNode* node, const char* name) {
  if (!node || node->type != GUMBO_NODE_ELEMENT) return {};
  const GumboAttribute* attr = gumbo_get_attribute(&node->v.element.attributes, name);
  return attr ? std::string_view(attr->value) : std::string_view();
}

bool has_attribute(const GumboNode* node, const char* name) {
  return node && node->type == GUMBO_NODE_ELEMENT &&
         gumbo_get_attribute(&node->v.element.attributes, name) != nullptr;
}

void walk(const GumboNode* root, const std::function<bool(const GumboNode*)>& visit) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (!visit(node)) continue;
    if (const GumboVector* children = children_of(node))
      for (unsigned i = children->length; i-- > 0;)
        stack.push_back(static_cast<const GumboNode*>(children->data[i]));
  }
}

const GumboNode* find_first(const GumboNode* root, const std::function<bool(const GumboNode*)>& match) {
  const GumboNode* found = nullptr;
  walk(root, [&](const GumboNode* node) {
    if (found) return false;
    if (node->type == GUMBO_NODE_ELEMENT && match(node)) {
      found = node;
      return false;
    }
    return true;
  });
  return found;
}

std::string normalize_space(std::string_view text) {
  std::string spaced;
  spaced.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    unsigned char c1 = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    unsigned char c2 = i + 2 < text.size() ? static_cast<unsigned char>(text[i + 2]) : 0;
    if (c == 0xC2 && (c1 == 0xA0 || c1 == 0xAD)) {  // no-break space, soft hyphen
      if (c1 == 0xA0) spaced += ' ';
      ++i;
    } else if (c == 0xE2 && c1 == 0x80 && ((c2 >= 0x80 && c2 <= 0x8D) || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF)) {
      if (c2 < 0x8B || c2 >= 0xA8) spaced += ' ';  // U+2000–U+200A, separators, narrow nbsp
      i += 2;                                       // U+200B–U+200D vanish
    } else if (c == 0xE2 && c1 == 0x81 && (c2 == 0x9F || c2 == 0xA0)) {
      if (c2 == 0x9F) spaced += ' ';
      i += 2;
    } else if (c == 0xE3 && c1 == 0x80 && c2 == 0x80) {
      spaced += ' ';
      i += 2;
    } else if (c == 0xEF && c1 == 0xBB && c2 == 0xBF) {
      i += 2;
    } else {
      spaced += static_cast<char>(c);
    }
  }
  return collapse_whitespace(spaced);
}

std::string inline_text(const GumboNode* node) {
  std::string out;
  walk(node, [&](const GumboNode* n) {
    if (n->type == GUMBO_NODE_ELEMENT) {
      GumboTag tag = n->v.element.tag;
      if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NOSCRIPT ||
          tag == GUMBO_TAG_TEMPLATE)
        return false;
      if (tag == GUMBO_TAG_BR || is_block(tag)) out += ' ';
      return true;
    }
    append_text(out, n);
    return n->type != GUMBO_NODE_TEMPLATE;
  });
  return normalize_space(out);
}

// ------------------------------------------------------------------ chrome

Chrome chrome_of(const GumboNode* node) {
  if (!node) return Chrome::None;
  if (node->type == GUMBO_NODE_TEMPLATE) return Chrome::Always;
  if (node->type != GUMBO_NODE_ELEMENT) return Chrome::None;
  GumboTag tag = node->v.element.tag;
  if (is_never_text(tag)) return Chrome::Always;
  std::string role = ascii_lower(attribute(node, "role"));
  if (role == "navigation" || role == "search" || role == "menu" || role == "menubar") return Chrome::Always;
  if (role == "main") return Chrome::None;
  if (names_widget(attribute(node, "class")) || names_widget(attribute(node, "id"))) return Chrome::Widget;
  if (role == "banner" || role == "contentinfo" || role == "complementary" || role == "dialog" ||
      role == "alertdialog")
    return Chrome::Furniture;
  if (is_furniture(tag) || has_attribute(node, "hidden") || attribute(node, "aria-hidden") == "true")
    return Chrome::Furniture;
  std::string style = ascii_lower(attribute(node, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  if (style.find("display:none") != std::string::npos) return Chrome::Furniture;
  if (names_furniture(attribute(node, "class")) || names_furniture(attribute(node, "id"))) return Chrome::Furniture;
  return Chrome::None;
}

TextSizes::TextSizes(const GumboNode* root) {
  struct Frame {
    const GumboNode* node;
    unsigned next;
    Sizes* sizes;
    bool in_link;
    bool in_paragraph;
  };
  std::vector<Frame> stack;
  sizes_.reserve(1024);
  Sizes* root_sizes = &sizes_[root];
  root_sizes->chrome = chrome_of(root);
  stack.push_back({root, 0, root_sizes, false, false});
  while (!stack.empty()) {
    Frame& frame = stack.back();
    const GumboVector* children = children_of(frame.node);
    if (children && frame.next < children->length) {
      auto* child = static_cast<const GumboNode*>(children->data[frame.next++]);
      if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA) {
        size_t n = non_space_bytes(child->v.text.text);
        frame.sizes->text += n;
        if (frame.in_link) frame.sizes->link += n;
        if (frame.in_paragraph) frame.sizes->paragraph += n;
      } else if (child->type == GUMBO_NODE_ELEMENT) {
        Chrome chrome = chrome_of(child);
        if (chrome == Chrome::Always) continue;
        GumboTag tag = child->v.element.tag;
        bool link = frame.in_link || (tag == GUMBO_TAG_A && has_attribute(child, "href"));
        bool paragraph = frame.in_paragraph || tag == GUMBO_TAG_P || tag == GUMBO_TAG_PRE ||
                         tag == GUMBO_TAG_BLOCKQUOTE;
        Sizes* sizes = &sizes_[child];
        sizes->chrome = chrome;
        stack.push_back({child, 0, sizes, link, paragraph});
      }
      continue;
    }
    Sizes done = *frame.sizes;
    stack.pop_back();
    if (!stack.empty()) {
      stack.back().sizes->text += done.text;
      stack.back().sizes->link += done.link;
      stack.back().sizes->paragraph += done.paragraph;
    }
  }
}

const TextSizes::Sizes* TextSizes::find(const GumboNode* node) const {
  auto it = sizes_.find(node);
  return it == sizes_.end() ? nullptr : &it->second;
}

Chrome TextSizes::chrome(const GumboNode* node) const {
  const Sizes* s = find(node);
  return s ? s->chrome : chrome_of(node);
}

size_t TextSizes::text(const GumboNode* node) const {
  const Sizes* s = find(node);
  return s ? s->text : 0;
}
size_t TextSizes::link_text(const GumboNode* node) const {
  const Sizes* s = find(node);
  return s ? s->link : 0;
}
size_t TextSizes::paragraph_text(const GumboNode* node) const {
  const Sizes* s = find(node);
  return s ? s->paragraph : 0;
}

bool is_chrome_in(const GumboNode* node, const GumboNode* scope, const TextSizes& sizes) {
  switch (sizes.chrome(node)) {
    case Chrome::Always:
      return true;
    case Chrome::Furniture:
    case Chrome::Widget:
      return sizes.text(node) * 2 < sizes.text(scope) || sizes.text(scope) == 0;
    case Chrome::None:
      break;
  }
  return false;
}

size_t content_size(const GumboNode* scope, const TextSizes& sizes) {
  size_t chrome = 0;
  walk(scope, [&](const GumboNode* node) {
    if (node->type != GUMBO_NODE_ELEMENT) return false;
    if (node != scope && is_chrome_in(node, scope, sizes)) {
      chrome += sizes.text(node);
      return false;
    }
    return true;
  });
  size_t total = sizes.text(scope);
  return total > chrome ? total - chrome : 0;
}

// ------------------------------------------------------------------ paragraphs

std::vector<std::string> paragraphs(const GumboNode* root,
                                    const std::function<bool(const GumboNode*)>& skip) {
  std::vector<std::string> out;
  std::string block;
  auto flush = [&] {
    std::string clean = normalize_space(block);
    block.clear();
    if (!clean.empty() && !is_credit_or_prompt(clean)) out.push_back(std::move(clean));
  };
  struct Frame {
    const GumboNode* node;
    unsigned next;
  };
  std::vector<Frame> stack{{root, 0}};
  while (!stack.empty()) {
    Frame& frame = stack.back();
    const GumboVector* children = children_of(frame.node);
    if (children && frame.next < children->length) {
      auto* child = static_cast<const GumboNode*>(children->data[frame.next++]);
      if (child->type != GUMBO_NODE_ELEMENT) {
        append_text(block, child);
        continue;
      }
      if (skip(child)) continue;
      GumboTag tag = child->v.element.tag;
      if (tag == GUMBO_TAG_BR || is_block(tag)) flush();
      if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) block += ' ';
      stack.push_back({child, 0});
      continue;
    }
    if (frame.node->type == GUMBO_NODE_ELEMENT) {
      GumboTag tag = frame.node->v.element.tag;
      if (is_block(tag)) flush();
      if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) block += ' ';
    }
    stack.pop_back();
  }
  flush();
  return out;
}

std::string join_paragraphs(const std::vector<std::string>& paragraphs) {
  std::string out;
  for (const std::string& p : paragraphs) {
    if (!out.empty()) out += "\n\n";
    out += p;
  }
  return out;
}

namespace {

// f(name, closing) for each tag ("<name" or "</name" followed by '>', '/' or
// white space; the name lowercased) until f returns true; whether it did.
template <typename F>
bool any_tag(std::string_view text, F f) {
  for (size_t lt = text.find('<'); lt != std::string_view::npos; lt = text.find('<', lt + 1)) {
    bool closing = lt + 1 < text.size() && text[lt + 1] == '/';
    size_t start = lt + 1 + closing;
    size_t end = start;
    while (end < text.size() && std::isalnum(static_cast<unsigned char>(text[end]))) ++end;
    if (end == start || end >= text.size()) continue;
    char after = text[end];
    if (after != '>' && after != ' ' && after != '/' && after != '\t' && after != '\n') continue;
    std::string name(text.substr(start, end - start));
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (f(name, closing)) return true;
  }
  return false;
}

template <size_t N>
bool one_of(const std::string& name, const std::string_view (&names)[N]) {
  return std::find(std::begin(names), std::end(names), name) != std::end(names);
}

}  // namespace

bool has_block_markup(std::string_view text) {
  static constexpr std::string_view kTags[] = {"p", "br", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li",
                                               "ul", "ol", "table", "tr", "blockquote"};
  return any_tag(text, [](const std::string& name, bool) { return one_of(name, kTags); });
}

bool has_inline_element(std::string_view text) {
  static constexpr std::string_view kTags[] = {"a",    "abbr", "b", "cite", "code", "em",  "i",   "mark",
                                               "q",    "s",    "small", "span", "strong", "sub", "sup", "u"};
  std::vector<std::string> opened;
  return any_tag(text, [&](const std::string& name, bool closing) {
    if (!one_of(name, kTags)) return false;
    if (!closing) opened.push_back(name);
    return closing && std::find(opened.begin(), opened.end(), name) != opened.end();
  });
}

bool has_character_references(std::string_view text) {
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  for (size_t amp = text.find('&'); amp != std::string_view::npos; amp = text.find('&', amp + 1)) {
    size_t end = text.find(';', amp);
    if (end == std::string_view::npos) return false;
    if (end - amp > 10 || end == amp + 1) continue;
    std::string_view name = text.substr(amp + 1, end - amp - 1);
    bool numeric = name[0] == '#' && name.size() > 1 &&
                   name.substr(name[1] == 'x' || name[1] == 'X' ? 2 : 1).find_first_not_of("0123456789abcdefABCDEF") ==
                       std::string_view::npos;
    // &amp; &nbsp; &rsquo; &Eacute;, but not the "&T;" of "AT&T;".
    bool named = name.size() >= 2 && std::all_of(name.begin(), name.end(), letter) &&
                 std::all_of(name.begin() + 1, name.end(), lower) && (lower(name[0]) || name.size() >= 4);
    if (numeric || named) return true;
  }
  return false;
}

std::string decode_references(std::string_view text) {
  std::string out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, end - start);
    if (has_character_references(line)) {
      // Escaped, a '<' stays text: only the references are read as HTML.
      std::string escaped;
      escaped.reserve(line.size() + 16);
      for (size_t at = 0; at < line.size();) {
        size_t lt = std::min(line.find('<', at), line.size());
        escaped.append(line.substr(at, lt - at));
        if (lt < line.size()) escaped.append("&lt;");
        at = lt + 1;
      }
      out += fragment_inline_text(escaped);
    } else {
      out += line;
    }
    if (end == text.size()) break;
    out += '\n';
    start = end + 1;
  }
  return out;
}

std::string fragment_text(std::string_view html) {
  if (nesting_estimate(html) > kMaxNesting) return std::string(html);
  Document document(html);
  const GumboNode* body = document.body() ? document.body() : document.root();
  return join_paragraphs(paragraphs(body, [](const GumboNode*) { return false; }));
}

std::string fragment_inline_text(std::string_view html) {
  if (nesting_estimate(html) > kMaxNesting) return std::string(html);
  Document document(html);
  return inline_text(document.body() ? document.body() : document.root());
}

}  // namespace pressroom::html
