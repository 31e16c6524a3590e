package io.newsflow.enrich.text.html;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Cuts a cleaned page into text blocks at block-level boundaries. Iterative: deep pages are safe.
 */
final class BlockSplitter {
  static final Set<String> BLOCK_TAGS =
      Set.of(
          "p",
          "div",
          "section",
          "article",
          "main",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "ul",
          "ol",
          "li",
          "dl",
          "dt",
          "dd",
          "blockquote",
          "pre",
          "table",
          "thead",
          "tbody",
          "tfoot",
          "tr",
          "td",
          "th",
          "figure",
          "header",
          "footer",
          "aside",
          "nav",
          "hr",
          "form",
          "fieldset",
          "address",
          "center",
          "details",
          "summary",
          "caption",
          "body",
          "html",
          "br",
          "legend",
          "menu",
          "hgroup");

  private BlockSplitter() {}

  static List<Block> split(Element root, Map<Element, String> marks) {
    List<Block> out = new ArrayList<>();
    Deque<Element> owners = new ArrayDeque<>();
    Deque<Element> marked = new ArrayDeque<>();
    owners.push(root);
    StringBuilder buf = new StringBuilder();
    int[] linkChars = {0};
    int[] inLink = {0};
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
              String s = t.getWholeText();
              int before = buf.length();
              appendCollapsed(buf, s);
              if (inLink[0] > 0) {
                linkChars[0] += buf.length() - before;
              }
            } else if (node instanceof Element e && node != root) {
              String tag = e.normalName();
              if (tag.equals("a")) {
                inLink[0]++;
              } else if (BLOCK_TAGS.contains(tag)) {
                flush(out, owners.peek(), buf, linkChars, marked);
                if (!tag.equals("br") && !tag.equals("hr")) {
                  owners.push(e);
                }
              }
              if (marks.containsKey(e)) {
                flush(out, owners.peek(), buf, linkChars, marked);
                marked.push(e);
              }
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element e && node != root) {
              String tag = e.normalName();
              if (marks.containsKey(e)) {
                flush(out, owners.peek(), buf, linkChars, marked);
                marked.pop();
              }
              if (tag.equals("a")) {
                inLink[0]--;
              } else if (BLOCK_TAGS.contains(tag) && !tag.equals("br") && !tag.equals("hr")) {
                flush(out, owners.peek(), buf, linkChars, marked);
                owners.pop();
              }
            }
          }
        },
        root);
    flush(out, owners.peek(), buf, linkChars, marked);
    return out;
  }

  private static void appendCollapsed(StringBuilder buf, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ws = Character.isWhitespace(c) || c == '\u00a0' || c == '\u200b';
      if (ws) {
        if (buf.length() > 0 && buf.charAt(buf.length() - 1) != ' ') {
          buf.append(' ');
        }
      } else {
        buf.append(c);
      }
    }
  }

  private static void flush(
      List<Block> out, Element owner, StringBuilder buf, int[] linkChars, Deque<Element> marked) {
    String text = buf.toString().strip();
    if (!text.isEmpty()) {
      List<Element> m = marked.isEmpty() ? List.of() : List.copyOf(marked);
      out.add(Block.of(text, Math.min(linkChars[0], text.length()), owner, kindOf(owner), m));
    }
    buf.setLength(0);
    linkChars[0] = 0;
  }

  static String kindOf(Element e) {
    String tag = e.normalName();
    return switch (tag) {
      case "p" -> "p";
      case "h1", "h2", "h3", "h4", "h5", "h6" -> tag;
      case "li", "dt", "dd" -> "li";
      case "blockquote" -> "quote";
      case "pre" -> "pre";
      case "td", "th" -> "cell";
      default -> "other";
    };
  }
}
