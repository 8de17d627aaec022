// Text and metadata of HTML pages (gumbo). A portal page repeats its whole
// navigation on every page; the extraction keeps the article's own text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace portal {

struct HtmlPage {
  std::string title;                      // og:title, else <title>, else the first <h1>
  std::string lang;                       // <html lang>, else og:locale, else Content-Language
  std::string date;                       // article:published_time, else the first <time datetime>
  std::string summary;                    // meta description, else og:description
  std::string url;                        // <link rel=canonical>, else og:url
  std::vector<std::string> topics;        // article:tag metas, else keywords
  std::vector<std::string> translations;  // <link rel=alternate hreflang> hrefs
  std::string text;                       // main text, see html_to_text()
};

// Parses a page. Never throws on malformed HTML (it is parsed as browsers do);
// fields absent from the page are empty. Values are raw (not cleaned).
HtmlPage parse_html_page(std::string_view html);

// The main text of a page or fragment: the content of <main> (or role=main),
// else of its longest <article>, else of <body>; without nav, header, footer,
// aside, script, style, noscript, form and similar elements, hidden elements,
// navigation roles, and link-dense blocks (lists and blocks whose text is
// mostly link text: menus, "related" lists). Blocks are separated by newlines.
std::string html_to_text(std::string_view html);

}  // namespace portal
