package io.newsflow.enrich.text.html;

import io.newsflow.enrich.text.BoilerplateRules;
import io.newsflow.enrich.text.Removed;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Finds the story container of a cleaned page and keeps its story blocks.
 *
 * <p>Every block adds its "story weight" (long, sentence-shaped, few links) to each ancestor and
 * its "furniture weight" (link lists, short labels) likewise; the container is the element whose
 * story weight most exceeds its furniture weight, with a small bonus for semantic hints ({@code
 * <article>}, {@code itemprop=articleBody}, article-body class names). Inside it, each block is
 * kept unless a rule or its link density says otherwise.
 */
final class BodyFinder {
  private static final int MAX_CLIMB = 80;

  /** Cost of one character of furniture inside a candidate container, against one of story. */
  private static final double FURNITURE_COST = 0.9;

  /** Share of story weight kept by text inside a furniture-named element. */
  private static final double MARKED_STORY = 0.1;

  /** Story weight kept per level climbed above a block's parent. */
  private static final double DECAY = 0.9;

  /** A block this long may be link-rich (up to half) and still be story. */
  private static final int LONG = 150;

  /** A sibling of the container joins it when it holds this share of the container's story. */
  private static final double SIBLING_SHARE = 0.2;

  private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?…:;\"”’»)]\\s*$");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern CONTENT_HINT =
      Pattern.compile(
          "article[-_]?body|articlebody|story[-_]?body|entry[-_]?content|post[-_]?content|article[-_]?content|"
              + "content[-_]?body|body[-_]?text|article[-_]?text|story[-_]?content|post[-_]?body|main[-_]?content|rich[-_]?text|article__body");
  private static final Pattern BYLINE =
      Pattern.compile(
          "^(?i:by|por|written by|words by|reporting by|story by|text by|texto de|escrito por)\\s+\\p{Lu}[\\p{L}.'’-]*(\\s+\\p{L}[\\p{L}.'’-]*){0,6}(\\s*(,|and|y|&)\\s*\\p{Lu}[\\p{L}.'’-]*(\\s+\\p{L}[\\p{L}.'’-]*){0,4})*\\s*[,|]?.{0,40}$");
  private static final Pattern DATE_LINE =
      Pattern.compile(
          "^(published|updated|posted|last updated|publicado|actualizado|modified)?[:\\s]*"
              + "((mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s*)?"
              + "((jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4}).{0,40}$",
          Pattern.CASE_INSENSITIVE);

  private BodyFinder() {}

  /**
   * The story, its container, and the body the page-kind model reads ({@code kindParagraphs}): the
   * one found as before 1.6.0, when every unlinked short line counts against its container and only
   * the container's own siblings may join it. The model was fitted on that body; the story's rules
   * let data tables, runs of subheadings and builder blocks in, which makes a listing page's body
   * look like a story's (refitted on the story's body, the model kept 0.63 of the development
   * non-articles out instead of 0.68).
   */
  record Result(List<String> paragraphs, Element container, List<String> kindParagraphs) {}

  static Result find(
      Element body, Map<Element, String> marks, String title, List<Removed> removed) {
    List<Block> blocks = BlockSplitter.split(body, marks);
    Map<Element, double[]> acc = new IdentityHashMap<>();
    List<Element> reached = accumulate(blocks, body, acc);
    double[] hints = hints(reached);
    List<Element> story = choose(acc, reached, hints, body, STORY_FURNITURE);
    List<Element> strict = choose(acc, reached, hints, body, ALL_FURNITURE);
    Verdicts verdicts = new Verdicts(blocks.size(), title);
    List<String> paragraphs = keep(blocks, story, marks, verdicts, removed);
    // the page-kind body needs only the kept lines: no removal log, and the line rules' verdicts
    // of the story's pass are reused for the blocks both containers hold
    List<String> kind =
        strict.equals(story) ? paragraphs : keep(blocks, strict, marks, verdicts, null);
    return new Result(paragraphs, story.get(0), kind);
  }

  /** The best container first, then those of its siblings that hold story text too. */
  static List<Element> chooseContainers(List<Block> blocks, Element body) {
    Map<Element, double[]> acc = new IdentityHashMap<>();
    List<Element> reached = accumulate(blocks, body, acc);
    return choose(acc, reached, hints(reached), body, STORY_FURNITURE);
  }

  /**
   * Adds every block's weights to its ancestors: per element, story (decayed), furniture of every
   * unlinked kind, undecayed story, furniture as {@link #furniture} counts it. Returns the elements
   * in the order they were first reached.
   */
  private static List<Element> accumulate(
      List<Block> blocks, Element body, Map<Element, double[]> acc) {
    // the elements in the order they were first reached: ties are settled by it, not by identity
    // hashes, which differ from run to run (the same page must give the same body every time)
    List<Element> reached = new ArrayList<>();
    // consecutive blocks of one owner (paragraphs split at <br>) climb the tree once
    int i = 0;
    while (i < blocks.size()) {
      Block first = blocks.get(i);
      double story = 0;
      double all = 0;
      double furniture = 0;
      int j = i;
      for (;
          j < blocks.size()
              && blocks.get(j).owner() == first.owner()
              && blocks.get(j).marks().equals(first.marks());
          j++) {
        double w = blocks.get(j).weight();
        story += w;
        all += w > 0 ? 0 : blocks.get(j).length();
        furniture += w > 0 ? 0 : furniture(blocks.get(j));
      }
      i = j;
      climb(acc, reached, first, story, all, furniture, body);
    }
    return reached;
  }

  private static final int ALL_FURNITURE = 1;
  private static final int STORY_FURNITURE = 3;

  /** The content hint of each reached element, in the same order, computed once per page. */
  private static double[] hints(List<Element> reached) {
    double[] out = new double[reached.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = hint(reached.get(i));
    }
    return out;
  }

  private static List<Element> choose(
      Map<Element, double[]> acc,
      List<Element> reached,
      double[] hints,
      Element body,
      int furnitureAt) {
    Element best = body;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < hints.length; i++) {
      Element e = reached.get(i);
      double[] a = acc.get(e);
      double score = a[0] * (1 + hints[i]) - FURNITURE_COST * a[furnitureAt];
      if (score > bestScore) {
        bestScore = score;
        best = e;
      }
    }
    List<Element> chosen = new ArrayList<>();
    chosen.add(best);
    double[] bestAcc = acc.get(best);
    if (best.parent() != null && best != body && bestAcc != null) {
      // the container's wrappers that hold nothing more are the same container: its story may
      // go on in the siblings of the outermost of them (page builders wrap each text block in
      // its own chain of divs)
      Element top = best;
      while (furnitureAt == STORY_FURNITURE && top.parent() != null && top.parent() != body) {
        double[] a = acc.get(top.parent());
        if (a == null || a[2] > bestAcc[2] + 0.5 || a[furnitureAt] > bestAcc[furnitureAt] + 0.5) {
          break;
        }
        top = top.parent();
      }
      for (Element sib : top.parent().children()) {
        double[] a = acc.get(sib);
        if (sib != top
            && a != null
            && a[furnitureAt] < a[2]
            && a[2] >= SIBLING_SHARE * bestAcc[2]) {
          chosen.add(sib);
        }
      }
    }
    return chosen;
  }

  private static void climb(
      Map<Element, double[]> acc,
      List<Element> reached,
      Block b,
      double story,
      double all,
      double furniture,
      Element body) {
    if (!b.marks().isEmpty()) {
      story *= MARKED_STORY;
    }
    double raw = story;
    Element innermostMark = b.marks().isEmpty() ? null : b.marks().get(0);
    Element e = b.owner();
    for (int i = 0; e != null && i < MAX_CLIMB; i++, e = e.parent()) {
      double[] a = acc.get(e);
      if (a == null) {
        a = new double[4];
        acc.put(e, a);
        reached.add(e);
      }
      a[0] += story;
      a[ALL_FURNITURE] += all;
      a[2] += raw;
      a[STORY_FURNITURE] += furniture;
      if (i >= 1) {
        // text far below an element says less about it: wrappers of many small, scattered
        // story-like blocks (teaser lists) lose to the element that holds the story directly
        story *= DECAY;
      }
      if (e == body) {
        break;
      }
      if (e == innermostMark) {
        // above a furniture-named element its text counts as furniture
        all += raw;
        furniture += raw;
        story = 0;
        raw = 0;
      }
    }
  }

  private static double hint(Element e) {
    if ("articleBody".equalsIgnoreCase(e.attr("itemprop"))) {
      return 0.25;
    }
    if (e.normalName().equals("article")) {
      return 0.1;
    }
    String names = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
    // every hint names a body, content or text: most names hold none, and need no regex
    boolean maybe = names.contains("body") || names.contains("content") || names.contains("text");
    return maybe && CONTENT_HINT.matcher(names).find() ? 0.1 : 0;
  }

  /**
   * The furniture weight of a block that is not story: its length, but only its link text for a
   * table cell, a subheading or a short paragraph, which stories hold too (data tables, sections,
   * list-like lines); unlinked text there says nothing against the element holding them.
   */
  static double furniture(Block b) {
    String k = b.kind();
    boolean storyShaped =
        k.equals("cell") || k.equals("p") || (k.startsWith("h") && !k.equals("h1"));
    return storyShaped ? b.linkChars() : b.length();
  }

  /** How much a block looks like story text: its length, discounted by links; 0 for furniture. */
  static double storyWeight(Block b) {
    double ld = b.linkDensity();
    int len = effectiveLength(b.text());
    if (ld > (len >= LONG ? 0.5 : 0.35) || b.kind().startsWith("h")) {
      return 0;
    }
    boolean sentence = SENTENCE_END.matcher(b.text()).matches();
    if (len >= 80 || (len >= 25 && sentence && (b.text().indexOf(' ') > 0 || len > b.length()))) {
      return len * (1 - ld);
    }
    // short plain paragraphs (list-like lines of a story: schedules, results) count for half
    return (b.kind().equals("p") || b.kind().equals("li")) && ld < 0.1 && len >= 15 ? len * 0.5 : 0;
  }

  /** Length in Latin-script characters: a Han, kana or Hangul character carries about three. */
  static int effectiveLength(String t) {
    int n = t.length();
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c >= 0x3040
          && (c <= 0x9FFF || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF))) {
        n += 2;
      }
    }
    return n;
  }

  /**
   * Keeps the container's story blocks; logs every other block in {@code removed}, or nothing when
   * it is null.
   */
  private static List<String> keep(
      List<Block> blocks,
      List<Element> chosen,
      Map<Element, String> marks,
      Verdicts verdicts,
      List<Removed> removed) {
    Map<Element, Element> within = new IdentityHashMap<>();
    for (Element c : chosen) {
      for (Element e : c.getAllElements()) {
        within.putIfAbsent(e, c);
      }
    }
    Element[] containerOf = new Element[blocks.size()];
    int firstStory = -1;
    for (int i = 0; i < blocks.size(); i++) {
      containerOf[i] = within.get(blocks.get(i).owner());
      if (firstStory < 0 && containerOf[i] != null && blocks.get(i).weight() > 0) {
        firstStory = i;
      }
    }
    int tail = tailStart(blocks, containerOf, firstStory);
    List<String> out = new ArrayList<>();
    StringBuilder outside = new StringBuilder();
    String outsideWhy = null;
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      String why;
      if (containerOf[i] == null) {
        why =
            b.marks().isEmpty()
                ? "density:outside-article"
                : "rule:" + marks.get(b.marks().get(b.marks().size() - 1));
      } else {
        why = i >= tail ? "rule:tail" : quoteVerdict(b);
        why = why != null || isQuote(b) ? why : markedInside(b, containerOf[i], marks);
        why = why != null || isQuote(b) ? why : verdicts.of(b, i, i < firstStory);
      }
      if (removed == null) {
        if (why == null) {
          out.add(b.text());
        }
        continue;
      }
      // runs of furniture outside the story are logged as one entry per reason
      if (outsideWhy != null && (!outsideWhy.equals(why) || containerOf[i] != null)) {
        removed.add(new Removed(DomCleaner.clip(outside.toString()), outsideWhy));
        outside.setLength(0);
        outsideWhy = null;
      }
      if (why == null) {
        out.add(b.text());
      } else if (containerOf[i] == null) {
        outside.append(outside.length() == 0 ? "" : " / ").append(b.text());
        outsideWhy = why;
      } else {
        removed.add(new Removed(DomCleaner.clip(b.text()), why));
      }
    }
    if (outsideWhy != null) {
      removed.add(new Removed(DomCleaner.clip(outside.toString()), outsideWhy));
    }
    return out;
  }

  /**
   * Index of a "Related stories" / "Comments" marker after which the container holds little story
   * (less than a tenth of what came before it), or MAX_VALUE.
   */
  private static int tailStart(List<Block> blocks, Element[] containerOf, int firstStory) {
    if (firstStory < 0) {
      return Integer.MAX_VALUE;
    }
    double total = 0;
    for (int i = firstStory; i < blocks.size(); i++) {
      total += containerOf[i] == null ? 0 : blocks.get(i).weight();
    }
    double before = 0;
    for (int i = firstStory; i < blocks.size(); i++) {
      if (containerOf[i] == null) {
        continue;
      }
      Block b = blocks.get(i);
      if (before > 0 && BoilerplateRules.isTailMarker(b.text()) && total - before < 0.1 * before) {
        return i;
      }
      before += b.weight();
    }
    return Integer.MAX_VALUE;
  }

  /** Quoted posts and embedded tweets are story even when mostly links or in a "social" embed. */
  private static boolean isQuote(Block b) {
    return b.kind().equals("quote") || isInsideTag(b.owner(), "blockquote", 6);
  }

  private static String quoteVerdict(Block b) {
    if (!isQuote(b)) {
      return null;
    }
    String rule = BoilerplateRules.match(b.text());
    return rule != null ? "rule:" + rule : b.linkDensity() > 0.9 ? "density:links" : null;
  }

  /**
   * The verdicts of the line rules on a page's blocks, each worked out once: both containers'
   * passes over the blocks ({@link #find}) read them.
   */
  private static final class Verdicts {
    private static final String NONE = "";
    private final String[] rules;
    private final byte[] title;
    private final String normTitle;
    private final TitleShape titleShape;

    Verdicts(int blocks, String title) {
      rules = new String[blocks];
      this.title = new byte[blocks];
      normTitle = title == null ? null : norm(title);
      titleShape = normTitle == null ? null : TitleShape.of(normTitle);
    }

    String of(Block b, int i, boolean beforeStory) {
      if (rules[i] == null) {
        String rule = BoilerplateRules.match(b.text());
        rules[i] = rule == null ? NONE : "rule:" + rule;
      }
      if (rules[i] != NONE) {
        return rules[i];
      }
      if (title[i] == 0) {
        title[i] = isTitle(b) ? (byte) 1 : (byte) 2;
      }
      return title[i] == 1 ? "rule:title" : verdict(b, beforeStory);
    }

    private boolean isTitle(Block b) {
      String t = b.text();
      return b.kind().equals("h1")
          || (normTitle != null
              && t.length() < 300
              && titleShape.mayEqual(t)
              && norm(t).equals(normTitle));
    }
  }

  /**
   * What a line must have for {@link #norm} of it to equal a normalised title. Below U+2000 (where
   * {@code fold} changes only whitespace) and but for U+0130 (which lower-cases to two characters),
   * lower-casing maps each character to one of the same kind, letter or digit or neither, and
   * {@code norm} keeps every letter and digit one for one: such a line's letters and digits must be
   * as many as the title's. Dashes, quotes and the ellipsis (U+2010 to U+2027) make {@code fold}
   * normalise the line (NFKC), which turns them into no letter or digit and leaves the Latin
   * characters that have no other form alone; lines with them are counted when every other
   * character is such a Latin one.
   */
  record TitleShape(int alnums) {
    /** Lines with a character from here on are always normalised, but for {@link #PUNCTUATION}. */
    static final char UNCHECKED = '\u2000';

    /** Typographic dashes, quotes and the ellipsis. */
    static final char PUNCTUATION_FROM = '\u2010';

    static final char PUNCTUATION_TO = '\u2027';

    /** The end of the Latin characters that NFKC may leave beside {@link #PUNCTUATION}. */
    static final char LATIN_END = '\u0250';

    private static final boolean[] NFKC_SAME = new boolean[LATIN_END];

    static {
      for (char c = 0; c < LATIN_END; c++) {
        String s = String.valueOf(c);
        NFKC_SAME[c] = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC).equals(s);
      }
    }

    static TitleShape of(String normTitle) {
      int n = 0;
      for (int i = 0; i < normTitle.length(); i++) {
        n += isAlnum(normTitle.charAt(i)) ? 1 : 0;
      }
      return new TitleShape(n);
    }

    /** False only when {@code norm(line)} cannot equal the title. */
    boolean mayEqual(String line) {
      int n = 0;
      boolean normalised = false;
      boolean latin = true;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c >= PUNCTUATION_FROM && c <= PUNCTUATION_TO) {
          normalised = true;
          continue;
        }
        if (c >= UNCHECKED || c == '\u0130') {
          return true;
        }
        latin &= c < LATIN_END && NFKC_SAME[c];
        n += isAlnum(c) ? 1 : 0;
      }
      return (normalised && !latin) || n == alnums;
    }

    /** Whether {@code [\\p{L}\\p{N}]} (what {@link #norm} keeps) matches the character. */
    static boolean isAlnum(char c) {
      return switch (Character.getType(c)) {
        case Character.UPPERCASE_LETTER,
            Character.LOWERCASE_LETTER,
            Character.TITLECASE_LETTER,
            Character.MODIFIER_LETTER,
            Character.OTHER_LETTER,
            Character.DECIMAL_DIGIT_NUMBER,
            Character.LETTER_NUMBER,
            Character.OTHER_NUMBER ->
            true;
        default -> false;
      };
    }
  }

  /** The rules after the line rules and the headline: byline, date line, links, lead-in label. */
  private static String verdict(Block b, boolean beforeStory) {
    String t = b.text();
    if (t.length() < 120 && BYLINE.matcher(t).matches()) {
      return "rule:byline";
    }
    if (t.length() < 90 && DATE_LINE.matcher(t).matches()) {
      return "rule:date";
    }
    double ld = b.linkDensity();
    if (ld > 0.5 || (ld > 0.3 && t.length() < 150 && !b.kind().equals("p"))) {
      return "density:links";
    }
    if (beforeStory && t.length() < 60 && !SENTENCE_END.matcher(t).matches()) {
      return "density:lead-in";
    }
    return null;
  }

  /** The reason of a furniture-named element around the block and inside the container, or null. */
  private static String markedInside(Block b, Element container, Map<Element, String> marks) {
    for (Element m : b.marks()) {
      if (m != container && isInside(m, container)) {
        return "rule:" + marks.get(m);
      }
    }
    return null;
  }

  private static boolean isInsideTag(Element e, String tag, int levels) {
    for (int i = 0; e != null && i < levels; i++, e = e.parent()) {
      if (e.normalName().equals(tag)) {
        return true;
      }
    }
    return false;
  }

  static boolean isInside(Element e, Element container) {
    for (int i = 0; e != null && i < 4 * MAX_CLIMB; i++, e = e.parent()) {
      if (e == container) {
        return true;
      }
    }
    return false;
  }

  static String norm(String s) {
    return NON_WORD
        .matcher(BoilerplateRules.fold(s).toLowerCase(Locale.ROOT))
        .replaceAll(" ")
        .strip();
  }
}
