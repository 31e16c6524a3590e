package io.newsflow.enrich.text.html;

import org.jsoup.nodes.Element;

/**
 * One run of text between block-level boundaries of a page.
 *
 * @param text whitespace-normalised text
 * @param linkChars how many of its characters sit inside links
 * @param owner the nearest block-level element holding the text
 * @param kind what the owner is: p, h (heading), li, quote, pre, cell, other
 */
record Block(String text, int linkChars, Element owner, String kind) {
  double linkDensity() {
    return text.isEmpty() ? 0 : (double) linkChars / text.length();
  }

  int length() {
    return text.length();
  }
}
