#include "indexer/html_text.h"

#include <gumbo.h>

#include <cstring>
#include <memory>

namespace portal {
namespace {

using Output = std::unique_ptr<GumboOutput, void (*)(GumboOutput*)>;

void destroy_output(GumboOutput* out) { gumbo_destroy_output(&kGumboDefaultOptions, out); }

Output parse(std::string_view html) {
  return Output(gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()),
                destroy_output);
}

std::string attr(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT) return {};
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? a->value : "";
}

bool has_attr(const GumboNode* node, const char* name) {
  return node->type == GUMBO_NODE_ELEMENT &&
         gumbo_get_attribute(&node->v.element.attributes, name) != nullptr;
}

GumboTag tag(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT ? node->v.element.tag : GUMBO_TAG_UNKNOWN;
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// True when the space-separated list `tokens` holds `word`.
bool has_token(const std::string& tokens, std::string_view word) {
  size_t i = 0;
  while (i < tokens.size()) {
    size_t j = tokens.find(' ', i);
    if (j == std::string::npos) j = tokens.size();
    if (std::string_view(tokens).substr(i, j - i) == word) return true;
    i = j + 1;
  }
  return false;
}

bool is_dropped(const GumboNode* node) {
  switch (tag(node)) {
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_HEAD:
      return true;
    default:
      break;
  }
  if (has_attr(node, "hidden") || lower(attr(node, "aria-hidden")) == "true") return true;
  std::string role = lower(attr(node, "role"));
  for (const char* r :
       {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"}) {
    if (role == r) return true;
  }
  std::string names = lower(attr(node, "class") + " " + attr(node, "id"));
  for (const char* hint : {"breadcrumb", "cookie", "navbar", "sidebar", "skip-link", "share"}) {
    if (names.find(hint) != std::string::npos) return true;
  }
  return false;
}

bool is_block(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_BODY:
      return true;
    default:
      return false;
  }
}

// Blocks that are dropped when most of their text is link text.
bool is_link_list_candidate(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_P:
      return true;
    default:
      return false;
  }
}

// Text gathered from a subtree, with how much of it is link text.
struct Extract {
  std::string text;
  size_t chars = 0;       // non-space bytes
  size_t link_chars = 0;  // non-space bytes inside <a href>
};

void append_text(Extract& out, std::string_view s, bool in_link) {
  for (char c : s) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    if (space) {
      if (out.text.empty() || (out.text.back() != ' ' && out.text.back() != '\n'))
        out.text.push_back(' ');
      continue;
    }
    out.text.push_back(c);
    ++out.chars;
    if (in_link) ++out.link_chars;
  }
}

void new_line(Extract& out) {
  while (!out.text.empty() && out.text.back() == ' ') out.text.pop_back();
  if (out.text.empty()) return;
  if (out.text.back() != '\n') out.text.push_back('\n');
}

void extract(const GumboNode* node, bool in_link, bool is_root, Extract& out) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
      node->type == GUMBO_NODE_WHITESPACE) {
    append_text(out, node->v.text.text, in_link);
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return;
  if (node->type == GUMBO_NODE_ELEMENT && !is_root && is_dropped(node)) return;
  GumboTag t = tag(node);
  bool link = in_link || (t == GUMBO_TAG_A && has_attr(node, "href"));
  const GumboVector& children =
      node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
  Extract inner;
  for (unsigned i = 0; i < children.length; ++i)
    extract(static_cast<const GumboNode*>(children.data[i]), link, false, inner);
  if (!is_root && is_link_list_candidate(t) && inner.chars > 0 &&
      inner.link_chars * 2 > inner.chars)
    return;
  bool block = is_block(t);
  if (block) new_line(out);
  if (!inner.text.empty() && inner.text.front() == ' ' &&
      (block || (!out.text.empty() && (out.text.back() == ' ' || out.text.back() == '\n'))))
    inner.text.erase(0, 1);
  out.text += inner.text;
  out.chars += inner.chars;
  out.link_chars += inner.link_chars;
  if (block) new_line(out);
}

std::string finish(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  size_t start = text.find_first_not_of(" \n");
  return start == std::string::npos ? std::string() : text.substr(start);
}

std::string text_of(const GumboNode* node) {
  Extract e;
  extract(node, false, true, e);
  return finish(std::move(e.text));
}

// Depth-first search for elements matching `pred`, not descending into them.
template <class Pred>
void find_all(const GumboNode* node, Pred pred, std::vector<const GumboNode*>& out) {
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return;
  if (node->type == GUMBO_NODE_ELEMENT && pred(node)) {
    out.push_back(node);
    return;
  }
  const GumboVector& children =
      node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i)
    find_all(static_cast<const GumboNode*>(children.data[i]), pred, out);
}

const GumboNode* main_root(const GumboOutput* out) {
  std::vector<const GumboNode*> found;
  find_all(
      out->root,
      [](const GumboNode* n) {
        return tag(n) == GUMBO_TAG_MAIN || lower(attr(n, "role")) == "main";
      },
      found);
  if (!found.empty()) return found.front();
  find_all(
      out->root, [](const GumboNode* n) { return tag(n) == GUMBO_TAG_ARTICLE; }, found);
  const GumboNode* best = nullptr;
  size_t best_size = 0;
  for (const GumboNode* n : found) {
    size_t size = text_of(n).size();
    if (!best || size > best_size) best = n, best_size = size;
  }
  if (best) return best;
  find_all(
      out->root, [](const GumboNode* n) { return tag(n) == GUMBO_TAG_BODY; }, found);
  return found.empty() ? out->root : found.front();
}

// Plain text of an element, all of it (for <title>, <h1>).
std::string plain_text(const GumboNode* node) {
  Extract e;
  std::vector<const GumboNode*> stack{node};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
        n->type == GUMBO_NODE_WHITESPACE) {
      append_text(e, n->v.text.text, false);
    } else if (n->type == GUMBO_NODE_ELEMENT) {
      const GumboVector& c = n->v.element.children;
      for (unsigned i = c.length; i-- > 0;)
        stack.push_back(static_cast<const GumboNode*>(c.data[i]));
    }
  }
  return finish(std::move(e.text));
}

void split_keywords(const std::string& s, std::vector<std::string>& out) {
  size_t i = 0;
  while (i <= s.size()) {
    size_t j = s.find(',', i);
    if (j == std::string::npos) j = s.size();
    std::string k = finish(s.substr(i, j - i));
    if (!k.empty()) out.push_back(k);
    i = j + 1;
  }
}

}  // namespace

std::string html_to_text(std::string_view html) {
  Output out = parse(html);
  return text_of(main_root(out.get()));
}

HtmlPage parse_html_page(std::string_view html) {
  Output out = parse(html);
  HtmlPage page;
  page.lang = attr(out->root, "lang");
  std::vector<const GumboNode*> nodes;
  find_all(
      out->root,
      [](const GumboNode* n) {
        GumboTag t = tag(n);
        return t == GUMBO_TAG_META || t == GUMBO_TAG_LINK || t == GUMBO_TAG_TITLE ||
               t == GUMBO_TAG_TIME || t == GUMBO_TAG_H1;
      },
      nodes);
  std::string og_title, title, h1, og_locale, content_language, description, og_description,
      published, time_datetime, keywords, og_url;
  for (const GumboNode* n : nodes) {
    switch (tag(n)) {
      case GUMBO_TAG_TITLE:
        if (title.empty()) title = plain_text(n);
        break;
      case GUMBO_TAG_H1:
        if (h1.empty()) h1 = plain_text(n);
        break;
      case GUMBO_TAG_TIME:
        if (time_datetime.empty()) time_datetime = attr(n, "datetime");
        break;
      case GUMBO_TAG_LINK: {
        std::string rel = lower(attr(n, "rel"));
        if (has_token(rel, "canonical") && page.url.empty()) page.url = attr(n, "href");
        std::string hreflang = lower(attr(n, "hreflang"));
        if (has_token(rel, "alternate") && !hreflang.empty() && hreflang != "x-default" &&
            !attr(n, "href").empty())
          page.translations.push_back(attr(n, "href"));
        break;
      }
      case GUMBO_TAG_META: {
        std::string key = lower(attr(n, "property"));
        if (key.empty()) key = lower(attr(n, "name"));
        std::string http_equiv = lower(attr(n, "http-equiv"));
        std::string content = attr(n, "content");
        if (key == "og:title" && og_title.empty()) og_title = content;
        if (key == "og:locale" && og_locale.empty()) og_locale = content;
        if (key == "og:url" && og_url.empty()) og_url = content;
        if (key == "description" && description.empty()) description = content;
        if (key == "og:description" && og_description.empty()) og_description = content;
        if (key == "article:published_time" && published.empty()) published = content;
        if (key == "article:tag" && !content.empty()) page.topics.push_back(content);
        if (key == "keywords" && keywords.empty()) keywords = content;
        if (http_equiv == "content-language" && content_language.empty())
          content_language = content;
        break;
      }
      default:
        break;
    }
  }
  page.title = !og_title.empty() ? og_title : !title.empty() ? title : h1;
  if (page.lang.empty()) page.lang = !og_locale.empty() ? og_locale : content_language;
  page.date = !published.empty() ? published : time_datetime;
  page.summary = !description.empty() ? description : og_description;
  if (page.url.empty()) page.url = og_url;
  if (page.topics.empty()) split_keywords(keywords, page.topics);
  page.text = text_of(main_root(out.get()));
  return page;
}

}  // namespace portal
