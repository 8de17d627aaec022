#include "indexer/html_text.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "indexer/html_article.h"
#include "tests/support/test_env.h"

namespace portal {
namespace {

std::string page(const std::string& name) {
  std::ifstream in(test::source_dir() + "/tests/data/html/" + name);
  std::ostringstream text;
  text << in.rdbuf();
  EXPECT_FALSE(text.str().empty()) << name;
  return text.str();
}

void expect_contains(const std::string& text, const std::vector<std::string>& words) {
  for (const auto& w : words) EXPECT_NE(text.find(w), std::string::npos) << w << " in\n" << text;
}

void expect_lacks(const std::string& text, const std::vector<std::string>& words) {
  for (const auto& w : words) EXPECT_EQ(text.find(w), std::string::npos) << w << " in\n" << text;
}

TEST(HtmlTextTest, ReadsMetadataOfAPortalPage) {
  HtmlPage p = parse_html_page(page("news/2024/grain-corridor.html"));
  EXPECT_EQ(p.title, "Grain corridor reopens after talks");
  EXPECT_EQ(p.lang, "en-GB");
  EXPECT_EQ(p.date, "2024-03-14T09:30:00+02:00");
  EXPECT_EQ(p.topics, (std::vector<std::string>{"Trade", "Food security"}));
  EXPECT_EQ(p.summary, "Ships carrying wheat left Odesa as the Black Sea grain corridor reopened.");
  EXPECT_EQ(p.url, "https://portal.example.org/en/news/2024/grain-corridor");
  EXPECT_EQ(p.translations, (std::vector<std::string>{
                                "https://portal.example.org/en/news/2024/grain-corridor",
                                "https://portal.example.org/fr/actualites/corridor-cereales"}));
}

TEST(HtmlTextTest, KeepsTheArticleAndDropsTheMenuAndChrome) {
  HtmlPage p = parse_html_page(page("news/2024/grain-corridor.html"));
  expect_contains(
      p.text, {"Three ships carrying wheat and maize left the port of Odesa",
               "inspections would take place in Istanbul", "sunflower oil to follow next week"});
  expect_lacks(p.text,
               {"Vacancies", "Procurement", "overview", "Skip to content", "Search the portal",
                "Français", "Newsroom", "Ports resume work", "Facebook", "Most read", "cookies",
                "All rights reserved", "dataLayer", "font-family", "tracking pixel", "Tenders"});
  // The main text is a small part of the page: the 50-item menu is gone.
  EXPECT_LT(p.text.size(), 600u);
}

TEST(HtmlTextTest, FallsBackToTheLongestArticleAndOtherMetadata) {
  HtmlPage p = parse_html_page(page("fr/actualites/corridor-cereales.html"));
  EXPECT_EQ(p.title, "Le corridor céréalier rouvre");
  EXPECT_EQ(p.lang, "fr_FR");
  EXPECT_EQ(p.date, "2024-03-14T10:00:00+01:00");
  EXPECT_EQ(p.topics, (std::vector<std::string>{"Commerce", "Sécurité alimentaire"}));
  EXPECT_EQ(p.url, "https://portal.example.org/fr/actualites/corridor-cereales");
  expect_contains(p.text, {"Trois navires chargés de blé", "huile de tournesol"});
  expect_lacks(p.text, {"Autre actualité", "Vacancies", "All rights reserved"});
}

TEST(HtmlTextTest, DropsLinkDenseBlocksAndHiddenTextFromABody) {
  HtmlPage p = parse_html_page(page("about.htm"));
  EXPECT_EQ(p.title, "About the portal");
  EXPECT_EQ(p.url, "");
  expect_contains(p.text, {"official statements, speeches and press releases",
                           "Questions about the content can be sent to the editorial office."});
  expect_lacks(p.text, {"Vacancies", "Embassies", "Visas", "Hidden maintenance notice"});
}

TEST(HtmlTextTest, ExtractsFragmentsWithSpacingAndBlocks) {
  EXPECT_EQ(html_to_text("<p>One <b>two</b><i> three</i></p><p>Four&amp;five</p>"),
            "One two three\nFour&five");
  EXPECT_EQ(html_to_text(""), "");
  EXPECT_EQ(html_to_text("<script>only()</script>"), "");
  EXPECT_EQ(html_to_text("<div><p>unclosed <b>bold"), "unclosed bold");
}

TEST(HtmlTextTest, BuildsArticlesFromPages) {
  Article a = html_article(page("news/2024/grain-corridor.html"), "html/news/2024/x.html");
  EXPECT_EQ(a.id, "https://portal.example.org/en/news/2024/grain-corridor");
  EXPECT_EQ(a.lang, "en");
  EXPECT_EQ(a.day, "2024-03-14");
  EXPECT_EQ(a.translations,
            std::vector<std::string>{"https://portal.example.org/fr/actualites/corridor-cereales"});
  Article about = html_article(page("about.htm"), "html/about.htm");
  EXPECT_EQ(about.id, "html/about.htm");
  EXPECT_EQ(about.url, "html/about.htm");
  EXPECT_THROW(html_article("<html><body><p>no title</p></body></html>", "x.html"), ArticleError);
  EXPECT_THROW(html_article("<title>Caf\xe9</title>", "x.html"), ArticleError);
  EXPECT_THROW(
      html_article(R"(<title>T</title><meta property="article:published_time" content="soon">)",
                   "x.html"),
      ArticleError);
}

}  // namespace
}  // namespace portal
