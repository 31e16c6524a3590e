package io.newsflow.enrich.text.html;

import java.util.List;
import org.jsoup.nodes.Element;

/**
 * One run of text between block-level boundaries of a page.
 *
 * @param text whitespace-normalised text
 * @param linkChars how many of its characters sit inside links
 * @param owner the nearest block-level element holding the text
 * @param kind what the owner is: p, h1..h6, li, quote, pre, cell, other
 * @param marks the furniture-named elements around the text, innermost first
 * @param weight its story weight ({@link BodyFinder#storyWeight}), computed once
 */
record Block(
    String text, int linkChars, Element owner, String kind, List<Element> marks, double weight) {
  static Block of(String text, int linkChars, Element owner, String kind, List<Element> marks) {
    Block b = new Block(text, linkChars, owner, kind, marks, 0);
    return new Block(text, linkChars, owner, kind, marks, BodyFinder.storyWeight(b));
  }

  double linkDensity() {
    return text.isEmpty() ? 0 : (double) linkChars / text.length();
  }

  int length() {
    return text.length();
  }
}
