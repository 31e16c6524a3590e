package io.newsflow.enrich.text.html;

import io.newsflow.enrich.text.PageKind;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Tells an article from the other pages a monitored site links to (section fronts, tag pages,
 * product and service pages, forum threads, video pages, live blogs), from the page's structure and
 * its declared types only: no word of any language. Pure.
 */
final class PageKinds {
  private static final Set<String> ARTICLE_TYPES =
      Set.of(
          "newsarticle",
          "article",
          "reportagenewsarticle",
          "analysisnewsarticle",
          "opinionnewsarticle",
          "backgroundnewsarticle",
          "reviewnewsarticle",
          "blogposting",
          "scholarlyarticle",
          "techarticle",
          "report");
  private static final Set<String> LISTING_TYPES =
      Set.of("collectionpage", "itemlist", "searchresultspage", "profilepage");
  private static final Set<String> OTHER_TYPES =
      Set.of("product", "offer", "aggregateoffer", "qapage", "discussionforumposting", "question");

  /**
   * Declared types of pages that offer something (a service, an app, a course) rather than tell.
   */
  private static final Set<String> SERVICE_TYPES =
      Set.of(
          "service",
          "faqpage",
          "softwareapplication",
          "webapplication",
          "mobileapplication",
          "course",
          "educationaloccupationalprogram",
          "localbusiness",
          "professionalservice",
          "event",
          "jobposting");

  private static final Pattern PRICE =
      Pattern.compile("[$€£¥₹]\\s?\\d|\\d[\\d.,]*\\s?(?:€|zł|kr|CHF|USD|EUR)\\b");

  /** What the decision reads: the page's declared types, its metadata, and counts of its markup. */
  record Signals(
      Set<String> ldTypes,
      String ogType,
      boolean datedByMetadata,
      boolean dated,
      int authors,
      int bodyChars,
      int paragraphs,
      int longParagraphs,
      int pageChars,
      int linkChars,
      int linkedHeadings,
      int articleElements,
      int prices,
      int authorMarks,
      int codeBlocks,
      int times,
      int headings,
      int listItems,
      int linkedListItems,
      int sentenceParagraphs,
      PageMetadata.Markup markup,
      UrlShape url,
      Structure structure) {

    /** Share of the page's text that is link text. */
    double linkShare() {
      return pageChars == 0 ? 0.0 : (double) linkChars / pageChars;
    }

    /** Share of the page's text the body holds. */
    double bodyShare() {
      return pageChars == 0 ? 0.0 : (double) bodyChars / pageChars;
    }
  }

  /**
   * Counts of the body's structure that tell lists, threads and documentation from stories, in no
   * language: runs of sibling blocks of one kind (cards, posts), nested lists (navigation trees),
   * table rows, long paragraphs, links and links long enough to be headlines, and schema.org
   * microdata types.
   */
  record Structure(
      int longestRun,
      int runs,
      int listDepth,
      int tableRows,
      int longParagraphs,
      int links,
      int longLinks,
      Microdata micro) {
    static final Structure NONE = new Structure(0, 0, 0, 0, 0, 0, 0, Microdata.NONE);
  }

  /**
   * The schema.org microdata types of the whole page, read before cleaning (which drops comment
   * threads): a thread marks up many people and comments, a shop its products and offers.
   */
  record Microdata(int articles, int others, int forums, int comments, int persons) {
    static final Microdata NONE = new Microdata(0, 0, 0, 0, 0);

    static Microdata of(Element root) {
      int[] c = new int[5];
      for (Element e : root.getElementsByAttribute("itemtype")) {
        String type = e.attr("itemtype").strip().toLowerCase(java.util.Locale.ROOT);
        int space = type.indexOf(' ');
        type = space < 0 ? type : type.substring(0, space);
        switch (type.substring(type.lastIndexOf('/') + 1)) {
          case "article", "newsarticle", "blogposting", "reportagenewsarticle", "techarticle" ->
              c[0]++;
          case "product",
              "offer",
              "aggregateoffer",
              "service",
              "localbusiness",
              "softwareapplication" ->
              c[1]++;
          case "discussionforumposting", "qapage", "question" -> c[2]++;
          case "comment", "usercomments", "answer" -> c[3]++;
          case "person" -> c[4]++;
          default -> {}
        }
      }
      return new Microdata(c[0], c[1], c[2], c[3], c[4]);
    }
  }

  /**
   * The shipped model ({@link PageKindModel#RESOURCE}): a logistic regression over {@link
   * #features} fitted by {@code newsflow train-page-kinds} on the development part of the WCXB
   * pages and the scrapinghub news pages, never on the validation part. Loaded on first use.
   */
  private static final class Shipped {
    static final PageKindModel MODEL = PageKindModel.shipped();
  }

  private PageKinds() {}

  /**
   * Reads the signals of an extracted page.
   *
   * @param body the page's (cleaned) body element
   * @param paragraphs the body the extractor kept
   */
  static Signals read(
      Element body,
      PageMetadata meta,
      List<String> authors,
      boolean dated,
      List<String> paragraphs,
      String url,
      Microdata micro) {
    Counter c = new Counter();
    NodeTraversor.traverse(c, body);
    int chars = 0;
    int longOnes = 0;
    int sentences = 0;
    for (String p : paragraphs) {
      chars += p.length();
      longOnes += p.length() >= 200 ? 1 : 0;
      sentences += p.length() >= 40 && endsSentence(p) ? 1 : 0;
    }
    return new Signals(
        meta.ldTypes(),
        meta.ogType(),
        meta.published() != null,
        dated,
        authors.size(),
        chars,
        paragraphs.size(),
        longOnes,
        c.chars,
        c.linkChars,
        c.linkedHeadings,
        c.articles,
        c.prices,
        c.authorMarks,
        c.code,
        c.times,
        c.headings,
        c.listItems,
        c.linkedListItems,
        sentences,
        meta.markup(),
        UrlShape.of(url != null ? url : meta.canonicalUrl()),
        new Structure(
            c.longestRun,
            c.runs,
            c.maxListDepth,
            c.tableRows,
            c.longPs,
            c.links,
            c.longLinks,
            micro));
  }

  /** Whether a paragraph ends as a sentence does, in any script. */
  private static boolean endsSentence(String p) {
    int i = p.length() - 1;
    while (i > 0 && "\"'”’»)]".indexOf(p.charAt(i)) >= 0) {
      i--;
    }
    return ".!?。！？…:;".indexOf(p.charAt(i)) >= 0;
  }

  /** The kind of page the signals describe. */
  static PageKind decide(Signals s) {
    Set<String> t = s.ldTypes();
    if (t.contains("liveblogposting")) {
      return PageKind.LIVEBLOG;
    }
    boolean declaredArticle = anyOf(t, ARTICLE_TYPES) || "article".equals(s.ogType());
    if (s.ogType() != null && s.ogType().startsWith("video") && s.longParagraphs() < 3) {
      return PageKind.VIDEO;
    }
    if (!Shipped.MODEL.notArticle(features(s))) {
      return PageKind.ARTICLE;
    }
    if ((!declaredArticle && anyOf(t, OTHER_TYPES))
        || (s.ogType() != null && s.ogType().startsWith("product"))) {
      return PageKind.OTHER;
    }
    return (!declaredArticle && anyOf(t, LISTING_TYPES))
            || s.linkShare() > 0.5
            || s.articleElements() >= 3
            || s.prices() >= 3
        ? PageKind.LISTING
        : PageKind.OTHER;
  }

  /** The shipped model's log-odds that a page with these features is not an article. */
  static double score(double[] x) {
    return Shipped.MODEL.score(x);
  }

  /**
   * Names of {@link #features}, in order, each with the side it may speak for when fitted: +1 only
   * against an article, -1 only for one, 0 either way (counts that are high on both stories and
   * fronts). The fit drops a feature whose weight comes out on the wrong side ({@code
   * Logistic.fitSigned}).
   */
  private static final String[] SIGNED = {
    "bodyShare:-1",
    "linkShare:+1",
    "logPageChars:0",
    "logBodyChars:-1",
    "declaredArticle:-1",
    "dated:-1",
    "datedAnywhere:-1",
    "hasAuthor:-1",
    "longParagraphs:-1",
    "noLongParagraph:+1",
    "logParagraphs:0",
    "logMeanParagraph:-1",
    "sentenceShare:-1",
    "logPrices:+1",
    "logAuthorMarks:+1",
    "logTimes:+1",
    "logArticles:0",
    "logCode:+1",
    "linkedHeadingShare:+1",
    "logHeadings:0",
    "linkedItemShare:+1",
    "logListItems:0",
    "logForms:+1",
    "logInputs:+1",
    "logButtons:+1",
    "video:+1",
    "h1s:0",
    "listingType:+1",
    "otherType:+1",
    "webPageOnly:+1",
    "ogWebsite:+1",
    "urlDepth:0",
    "slugWords:-1",
    "urlDated:-1",
    "numericTail:0",
    "query:+1",
    "rootPath:+1",
    "logLongestRun:+1",
    "logRuns:+1",
    "listDepth:+1",
    "logTableRows:0",
    "logPageLongParagraphs:-1",
    "logLinks:+1",
    "longLinkShare:+1",
    "logLongLinks:+1",
    "microArticle:-1",
    "microOther:+1",
    "microForum:+1",
    "logMicroComments:0",
    "logMicroPersons:+1",
    "ldForum:+1",
    "ldProduct:+1",
    "serviceType:+1",
  };

  /** Names of {@link #features}, in order. */
  static final List<String> FEATURES =
      java.util.Arrays.stream(SIGNED).map(f -> f.substring(0, f.indexOf(':'))).toList();

  /** Expected sign of each feature of {@link #FEATURES}, in order. */
  static final int[] SIGNS =
      java.util.Arrays.stream(SIGNED)
          .mapToInt(f -> Integer.parseInt(f.substring(f.indexOf(':') + 1)))
          .toArray();

  /** The signals as numbers of similar scale, named by {@link #FEATURES}. */
  static double[] features(Signals s) {
    Set<String> t = s.ldTypes();
    boolean declared = anyOf(t, ARTICLE_TYPES) || "article".equals(s.ogType());
    PageMetadata.Markup m = s.markup();
    UrlShape u = s.url();
    Structure st = s.structure();
    return new double[] {
      s.bodyShare(),
      s.linkShare(),
      Math.log1p(s.pageChars()) / 10,
      Math.log1p(s.bodyChars()) / 10,
      declared ? 1 : 0,
      s.datedByMetadata() ? 1 : 0,
      s.dated() ? 1 : 0,
      s.authors() > 0 ? 1 : 0,
      Math.min(s.longParagraphs(), 10) / 10.0,
      s.longParagraphs() == 0 ? 1 : 0,
      Math.log1p(s.paragraphs()) / 5,
      s.paragraphs() == 0 ? 0 : Math.log1p((double) s.bodyChars() / s.paragraphs()) / 7,
      s.paragraphs() == 0 ? 0 : (double) s.sentenceParagraphs() / s.paragraphs(),
      Math.log1p(s.prices()) / 3,
      Math.log1p(s.authorMarks()) / 3,
      Math.log1p(s.times()) / 3,
      Math.log1p(s.articleElements()) / 3,
      Math.log1p(s.codeBlocks()) / 3,
      s.headings() == 0 ? 0 : (double) s.linkedHeadings() / s.headings(),
      Math.log1p(s.headings()) / 4,
      s.listItems() == 0 ? 0 : (double) s.linkedListItems() / s.listItems(),
      Math.log1p(s.listItems()) / 5,
      Math.log1p(m.forms()) / 2,
      Math.log1p(m.inputs()) / 3,
      Math.log1p(m.buttons()) / 4,
      m.videos() > 0 ? 1 : 0,
      Math.min(m.h1s(), 3) / 3.0,
      !declared && anyOf(t, LISTING_TYPES) ? 1 : 0,
      !declared && anyOf(t, OTHER_TYPES) ? 1 : 0,
      !declared && t.contains("webpage") ? 1 : 0,
      "website".equals(s.ogType()) ? 1 : 0,
      Math.min(u.depth(), 6) / 6.0,
      Math.min(u.slugWords(), 12) / 12.0,
      u.dated() ? 1 : 0,
      u.numericTail() ? 1 : 0,
      u.query() ? 1 : 0,
      u.depth() == 0 && s.url() != UrlShape.NONE ? 1 : 0,
      Math.log1p(st.longestRun()) / 4,
      Math.log1p(st.runs()) / 3,
      Math.min(st.listDepth(), 5) / 5.0,
      Math.log1p(st.tableRows()) / 5,
      Math.log1p(st.longParagraphs()) / 4,
      Math.log1p(st.links()) / 6,
      st.links() == 0 ? 0 : (double) st.longLinks() / st.links(),
      Math.log1p(st.longLinks()) / 4,
      st.micro().articles() > 0 ? 1 : 0,
      st.micro().articles() == 0 && st.micro().others() > 0 ? 1 : 0,
      st.micro().forums() > 0 ? 1 : 0,
      Math.log1p(st.micro().comments()) / 3,
      Math.log1p(st.micro().persons()) / 3,
      t.contains("discussionforumposting") || t.contains("qapage") || t.contains("question")
          ? 1
          : 0,
      t.contains("product") || t.contains("offer") || t.contains("aggregateoffer") ? 1 : 0,
      !declared && anyOf(t, SERVICE_TYPES) ? 1 : 0
    };
  }

  private static boolean anyOf(Set<String> have, Set<String> wanted) {
    for (String w : wanted) {
      if (have.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** Counts in one pass over the body, without building any text. */
  private static final class Counter implements NodeVisitor {
    int chars;
    int linkChars;
    int linkedHeadings;
    int articles;
    int prices;
    int authorMarks;
    int code;
    int times;
    int headings;
    int listItems;
    int linkedListItems;
    int longestRun;
    int runs;
    int maxListDepth;
    int tableRows;
    int longPs;
    int links;
    int longLinks;
    private int inList;
    private int inParagraph;
    private int paragraphChars;
    private int linkTextChars;
    private int inLink;
    private int inItem;
    private boolean itemCounted;
    private int inHeading;
    private boolean headingCounted;

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode t) {
        text(t.getWholeText());
        return;
      }
      if (!(node instanceof Element e)) {
        return;
      }
      if (e.childNodeSize() >= 3) {
        runs(e);
      }
      switch (e.normalName()) {
        case "a" -> {
          if (inLink == 0) {
            links++;
            linkTextChars = 0;
          }
          inLink++;
          if (inHeading > 0 && !headingCounted) {
            linkedHeadings++;
            headingCounted = true;
          }
          if (inItem > 0 && !itemCounted) {
            linkedListItems++;
            itemCounted = true;
          }
        }
        case "h2", "h3", "h4" -> {
          inHeading++;
          headings++;
          headingCounted = inHeading > 1 && headingCounted;
        }
        case "li", "dt" -> {
          inItem++;
          listItems++;
          itemCounted = inItem > 1 && itemCounted;
        }
        case "ul", "ol" -> maxListDepth = Math.max(maxListDepth, ++inList);
        case "p" -> {
          if (inParagraph++ == 0) {
            paragraphChars = 0;
          }
        }
        case "tr" -> tableRows++;
        case "article" -> articles++;
        case "pre" -> code++;
        case "time" -> times++;
        default -> {}
      }
      if (e.hasAttr("itemprop") && e.attr("itemprop").equals("author")) {
        authorMarks++;
      }
    }

    /**
     * The runs of sibling blocks of one kind under an element: consecutive element children with
     * the same tag and first class name, each holding elements of its own (cards, posts, rows).
     */
    private void runs(Element parent) {
      Element previous = null;
      int run = 0;
      for (int i = 0, n = parent.childNodeSize(); i < n; i++) {
        if (!(parent.childNode(i) instanceof Element child) || child.childNodeSize() == 0) {
          continue;
        }
        if (previous != null && sameKind(previous, child)) {
          run++;
        } else {
          finishRun(run);
          run = isBlock(child) ? 1 : 0;
        }
        previous = run > 0 ? child : null;
      }
      finishRun(run);
    }

    private void finishRun(int run) {
      if (run >= 4) {
        runs++;
      }
      longestRun = Math.max(longestRun, run);
    }

    /** A block that may repeat as a card or post: a classed element, or an article or section. */
    private static boolean isBlock(Element e) {
      String tag = e.normalName();
      if (tag.equals("article") || tag.equals("section")) {
        return true;
      }
      return !tag.equals("p")
          && !tag.equals("a")
          && !tag.equals("span")
          && !tag.equals("br")
          && e.hasAttr("class")
          && !e.attr("class").isBlank()
          && e.firstElementChild() != null;
    }

    private static boolean sameKind(Element a, Element b) {
      return a.normalName().equals(b.normalName())
          && sameFirstClass(a.attr("class"), b.attr("class"));
    }

    /**
     * Whether two class attributes start with the same class name (up to the first space after
     * leading whitespace), without building strings.
     */
    private static boolean sameFirstClass(String a, String b) {
      int as = skipSpace(a);
      int ae = firstEnd(a, as);
      int bs = skipSpace(b);
      int be = firstEnd(b, bs);
      return ae - as == be - bs && a.regionMatches(as, b, bs, ae - as);
    }

    private static int skipSpace(String s) {
      int i = 0;
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      return i;
    }

    private static int firstEnd(String s, int from) {
      int end = s.length();
      while (end > from && Character.isWhitespace(s.charAt(end - 1))) {
        end--;
      }
      int space = s.indexOf(' ', from);
      return space >= 0 && space < end ? space : end;
    }

    private void text(String w) {
      int n = 0;
      boolean digit = false;
      for (int i = 0; i < w.length(); i++) {
        char c = w.charAt(i);
        if (!Character.isWhitespace(c)) {
          n++;
          digit |= c >= '0' && c <= '9';
        }
      }
      chars += n;
      linkChars += inLink > 0 ? n : 0;
      linkTextChars += inLink > 0 ? n : 0;
      paragraphChars += inParagraph > 0 ? n : 0;
      if (digit && n > 1 && n < 40 && PRICE.matcher(w).find()) {
        prices++;
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (!(node instanceof Element e)) {
        return;
      }
      switch (e.normalName()) {
        case "a" -> {
          if (--inLink == 0 && linkTextChars >= 30) {
            longLinks++;
          }
        }
        case "ul", "ol" -> inList--;
        case "p" -> {
          if (--inParagraph == 0 && paragraphChars >= 150) {
            longPs++;
          }
        }
        case "h2", "h3", "h4" -> inHeading--;
        case "li", "dt" -> inItem--;
        default -> {}
      }
    }
  }

  /**
   * The shape of a page's address, which no language decides: how deep its path is, how many words
   * its last segment's slug has (stories have long slugs, fronts and products short ones or
   * numbers), whether it holds a date.
   */
  record UrlShape(int depth, int slugWords, boolean dated, boolean numericTail, boolean query) {
    static final UrlShape NONE = new UrlShape(0, 0, false, false, false);
    private static final Pattern DATE_PATH =
        Pattern.compile("/(?:19|20)\\d{2}[/-](?:0?[1-9]|1[0-2])(?:[/-]|$)");

    static UrlShape of(String url) {
      if (url == null || url.isBlank()) {
        return NONE;
      }
      java.net.URI u;
      try {
        u = java.net.URI.create(url.strip());
      } catch (IllegalArgumentException bad) {
        return NONE;
      }
      String path = u.getRawPath() == null ? "" : u.getRawPath();
      String[] parts = path.split("/");
      int depth = 0;
      String last = "";
      for (String part : parts) {
        if (!part.isEmpty()) {
          depth++;
          last = part;
        }
      }
      int dot = last.lastIndexOf('.');
      if (dot > 0 && last.length() - dot <= 5) {
        last = last.substring(0, dot);
      }
      int words = 0;
      boolean letters = false;
      for (String w : last.split("[-_+]|%20")) {
        if (!w.isEmpty()) {
          words++;
        }
        for (int i = 0; i < w.length() && !letters; i++) {
          letters = Character.isLetter(w.charAt(i));
        }
      }
      return new UrlShape(
          depth,
          words,
          DATE_PATH.matcher(path).find(),
          !last.isEmpty() && !letters,
          u.getRawQuery() != null);
    }
  }
}
