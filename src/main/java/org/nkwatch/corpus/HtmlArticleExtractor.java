package org.nkwatch.corpus;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The article in an HTML page: visible text only (script, style, navigation, header, footer, aside, forms
 * and hidden elements dropped), one line per block element, from {@code <article>} or {@code <main>} when
 * the page has one. Title from the article's {@code <h1>}, else the page's first {@code <h1>}, else
 * {@code <title>}; date from {@code <time datetime>} or the {@code article:published_time} meta (and its
 * usual cousins); URL from the canonical link; byline from the author meta; language from {@code <html lang>}.
 */
final class HtmlArticleExtractor {
  private static final String FURNITURE = "script, style, noscript, template, nav, header, footer, aside, form, "
      + "iframe, svg, button, select, [hidden], [aria-hidden=true]";

  private HtmlArticleExtractor() {
  }

  static SourceRecord extract(String locator, String html) {
    Document doc = Jsoup.parse(html);
    // metadata first: articles often keep their title and date inside a <header>, which is furniture
    String title = firstText(doc, "article h1", "main h1", "h1");
    if (title == null) {
      title = blankToNull(doc.title());
    }
    String date = firstAttr(doc,
        "article time[datetime]", "datetime",
        "meta[property=article:published_time]", "content",
        "meta[itemprop=datePublished]", "content",
        "[itemprop=datePublished][datetime]", "datetime",
        "meta[name=date]", "content",
        "meta[name=pubdate]", "content",
        "meta[name=publishdate]", "content",
        "meta[property=og:published_time]", "content",
        "time[datetime]", "datetime");
    String url = firstAttr(doc, "link[rel=canonical]", "href", "meta[property=og:url]", "content");
    String byline = firstAttr(doc, "meta[name=author]", "content", "meta[property=article:author]", "content");
    String language = blankToNull(doc.select("html[lang]").attr("lang"));

    doc.select(FURNITURE).remove();
    Element root = doc.selectFirst("article");
    if (root == null) {
      root = doc.selectFirst("main");
    }
    if (root == null) {
      root = doc.body();
    }
    String text = root == null ? "" : visibleText(root);
    return new SourceRecord(locator, text, title, date, url, byline, language, false, false);
  }

  /** Text with a line break around every block element and at {@code <br>}; {@code <pre>} kept as written. */
  static String visibleText(Element root) {
    StringBuilder out = new StringBuilder();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode text) {
          Element parent = text.parentElement();
          boolean pre = parent != null && parent.closest("pre") != null;
          out.append(pre ? text.getWholeText() : text.text());
        } else if (node instanceof Element element && (element.isBlock() || element.nameIs("br"))) {
          out.append('\n');
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element element && element.isBlock()) {
          out.append('\n');
        }
      }
    }, root);
    return out.toString();
  }

  private static String firstText(Document doc, String... selectors) {
    for (String selector : selectors) {
      Element e = doc.selectFirst(selector);
      if (e != null && !e.text().isBlank()) {
        return e.text();
      }
    }
    return null;
  }

  private static String firstAttr(Document doc, String... selectorAttributePairs) {
    for (int i = 0; i < selectorAttributePairs.length; i += 2) {
      Element e = doc.selectFirst(selectorAttributePairs[i]);
      if (e != null && !e.attr(selectorAttributePairs[i + 1]).isBlank()) {
        return e.attr(selectorAttributePairs[i + 1]).strip();
      }
    }
    return null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
