package io.newsflow.enrich.text.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.newsflow.enrich.text.Bylines;
import io.newsflow.enrich.text.Outlets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/** A page's author names, from its structured metadata first, then its markup. */
final class PageAuthors {

  /** The key under which the meta lookup answers every {@code citation_author} tag at once. */
  static final String CITATION_AUTHORS = "citation_author*";

  private static final List<String> AUTHOR_META =
      List.of(
          "author",
          "article:author",
          "parsely-author",
          "byl",
          "dc.creator",
          "dcterms.creator",
          "sailthru.author",
          "cxenseparse:author",
          CITATION_AUTHORS);

  // parsed once; simple attribute and class tests, which keep no state between pages. Microdata's
  // itemprop holds a list of names ("author creator"), so author is matched as one of them
  private static final Evaluator AUTHOR_MARKUP =
      QueryParser.parse(
          "[rel=author], [itemprop~=(?i)(?:^|\\s)author(?:\\s|$)], .author-name, .byline__name");

  /**
   * Elements whose class names them for the author, as many themes write it; read last, when the
   * page named no author any other way (listing pages' teasers carry them too, so the page kind
   * does not read them).
   */
  private static final Evaluator AUTHOR_CLASSES =
      QueryParser.parse(
          ".author, .entry-author, .post-author, .article-author, .article__author,"
              + " .author__name, .author_name, .authorName, [class*=author-name]");

  /** A label naming the author, in the languages the line rules know. */
  private static final java.util.regex.Pattern AUTHOR_LABEL =
      java.util.regex.Pattern.compile(
          "(?i)(?:written by|article by|post by|posted by|author|authors|by|autor|autora|autores"
              + "|autorin|autoren|von|geschrieben von|escrito por|por|auteur|auteurs|par|écrit par"
              + "|autore|autori|di|scritto da)\\s*:?");

  private PageAuthors() {}

  /**
   * Author names: JSON-LD {@code author} (a string, a person or a list; organisations are not
   * authors), else the author meta tags, else author markup ({@code rel=author}, {@code
   * itemprop=author}); names only, without "By", agencies or the site's own name.
   */
  static List<String> read(
      JsonNode ld, UnaryOperator<String> meta, Document doc, String site, String host) {
    return read(ld, meta, doc, site, host, false);
  }

  /**
   * As {@link #read(JsonNode, UnaryOperator, Document, String, String)}; with {@code post} the
   * JSON-LD node is a forum post or a question, whose author is often an account name of one word
   * ("TissueBox"), kept as the person the node says it is.
   */
  static List<String> read(
      JsonNode ld,
      UnaryOperator<String> meta,
      Document doc,
      String site,
      String host,
      boolean post) {
    if (post) {
      List<String> accounts = accountNames(ld, site);
      if (!accounts.isEmpty()) {
        return accounts;
      }
    }
    List<String> out = readStructured(ld, meta, doc, site);
    if (out.isEmpty() && site != null && isPersonalSite(site, site, host)) {
      // a personal site: the author is the site, and the host spells the name
      // ("Jane Doe" on janedoe.com, on jane.example.blog); an outlet's name as author still goes
      List<String> own = readStructured(ld, meta, doc, null);
      if (own.size() == 1 && isPersonalSite(own.get(0), site, host)) {
        out = own;
      }
    }
    return out;
  }

  /** "Jane Doe's blog", "Jane Doe’s Weblog": a site named as a person's own. */
  private static final java.util.regex.Pattern OWNED_SITE =
      java.util.regex.Pattern.compile(
          "(.+?)['’]s\\s+(?i:blog|weblog|website|homepage|home page|site|notes|journal)");

  /**
   * The person a site is named for, for a page whose markup names no author: "Jane Doe's blog",
   * "Jane Doe’s Weblog"; null for any other site name. A site named like a person without saying so
   * ("Restless Meanderer", "Super User") is not taken for one.
   */
  static String siteOwner(String site) {
    if (site == null) {
      return null;
    }
    java.util.regex.Matcher owned = OWNED_SITE.matcher(site.strip());
    if (!owned.matches()) {
      return null;
    }
    String name = owned.group(1).strip();
    return readsAsPerson(name) ? name : null;
  }

  /** Two or three capitalised words, none of them a publication's ("News", "Times"). */
  private static boolean readsAsPerson(String name) {
    int words = name.split(" ").length;
    return words >= 2
        && words <= 3
        && name.length() <= 40
        && Bylines.mayBeNames(name)
        && Bylines.fromStructured(name, null).size() == 1
        && Outlets.publicationWords(name) == 0;
  }

  /** The names of a post's {@code Person} authors, one-word account names included. */
  private static List<String> accountNames(JsonNode post, String site) {
    List<String> out = new ArrayList<>();
    JsonNode a = post == null ? null : post.get("author");
    if (a == null) {
      return out;
    }
    for (JsonNode x : a.isArray() ? a : JsonNodeFactory.instance.arrayNode().add(a)) {
      String name =
          x.isObject() && !isOrganization(x) ? Titles.clean(x.path("name").asText("")) : null;
      if (name == null) {
        continue;
      }
      List<String> names = Bylines.fromStructured(name, site);
      if (!names.isEmpty()) {
        out.addAll(names);
      } else if (name.indexOf(' ') < 0
          && name.length() <= 40
          && !name.contains("@")
          && (site == null || !BodyFinder.norm(name).equals(BodyFinder.norm(site)))) {
        out.add(name);
      }
    }
    return Bylines.dedupe(out);
  }

  /**
   * Whether a name is the site's name and a person's, spelled by one of the host's labels: the
   * registrable one ("janedoe.com") or another ("jane.example.blog", a blog host's subdomain).
   */
  static boolean isPersonalSite(String name, String site, String host) {
    if (host == null || !readsAsPerson(name)) {
      return false;
    }
    if (!BodyFinder.norm(name).equals(BodyFinder.norm(site))) {
      return false;
    }
    String[] labels = host.toLowerCase(Locale.ROOT).split("\\.");
    for (int i = 0; i < labels.length - 1; i++) {
      String l = labels[i].replaceAll("[^a-z0-9]", "");
      if (l.length() >= 4 && SiteNames.names(site, null, l)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> readStructured(
      JsonNode ld, UnaryOperator<String> meta, Document doc, String site) {
    List<String> out = new ArrayList<>();
    JsonNode a = ld == null ? null : ld.get("author");
    if (a != null) {
      for (JsonNode x : a.isArray() ? a : JsonNodeFactory.instance.arrayNode().add(a)) {
        if (x.isTextual()) {
          out.addAll(Bylines.fromStructured(Titles.clean(x.asText()), site));
        } else if (x.isObject() && !isOrganization(x)) {
          JsonNode name = x.path("name");
          out.addAll(
              Bylines.fromStructured(
                  Titles.clean(name.isArray() ? name.path(0).asText("") : name.asText("")), site));
        }
      }
    }
    if (out.isEmpty()) {
      for (String key : AUTHOR_META) {
        out.addAll(Bylines.fromStructured(Titles.clean(meta.apply(key)), site));
        if (!out.isEmpty()) {
          break;
        }
      }
    }
    for (int i = 1; i <= 4 && out.isEmpty(); i++) {
      // Twitter's card labels: twitter:label1 "Written by", twitter:data1 "Jane Doe"
      String label = meta.apply("twitter:label" + i);
      if (label != null && AUTHOR_LABEL.matcher(label.strip()).matches()) {
        out.addAll(Bylines.fromStructured(Titles.clean(meta.apply("twitter:data" + i)), site));
      }
    }
    if (out.isEmpty()) {
      out.addAll(markupNames(doc, site, AUTHOR_MARKUP));
    }
    if (out.isEmpty()) {
      out.addAll(labelledNames(doc, site));
    }
    return Bylines.dedupe(out);
  }

  /** Names in elements whose class names the author, for a page that named none otherwise. */
  static List<String> classedNames(Document doc, String site) {
    return Bylines.dedupe(markupNames(doc, site, AUTHOR_CLASSES));
  }

  /**
   * The first author element's names, and those beside it (a byline of several authors); author
   * markup further on belongs to teasers, comments or forum posts.
   */
  private static List<String> markupNames(Document doc, String site, Evaluator markup) {
    List<String> out = new ArrayList<>();
    Element first = null;
    for (Element e : doc.select(markup)) {
      Element named = e.selectFirst("[itemprop=name]");
      String name =
          e.normalName().equals("meta")
              ? e.attr("content").strip()
              : (named != null ? named : e).text().strip();
      if (name.indexOf(' ') < 0 && name.indexOf('.') > 0) {
        // a file or a domain ("humans.txt"), not a name
        continue;
      }
      if (name.length() < 60 && !inComments(e) && (first == null || near(first, e))) {
        List<String> names = Bylines.fromStructured(name, site);
        first = first == null && !names.isEmpty() ? e : first;
        out.addAll(names);
      }
    }
    return out;
  }

  /**
   * Names under a label of their own: a heading, term or cell that says only "Author" ("Written
   * by", "Autor", "Auteur"…) and the element right after it that holds only names ({@code
   * <dt>Author</dt><dd>Jane Doe</dd>}, {@code <h3>Author</h3><p>Jane Doe</p>}, {@code
   * <th>Author</th><td>…}). The first such pair outside comments counts.
   */
  private static List<String> labelledNames(Document doc, String site) {
    for (Element e : doc.getAllElements()) {
      // a leaf holding one short text: cheap to rule out before any string is built
      if (e.childNodeSize() != 1 || !(e.childNode(0) instanceof org.jsoup.nodes.TextNode t)) {
        continue;
      }
      String own = t.getWholeText();
      if (own.length() > 24 || !AUTHOR_LABEL.matcher(own.strip()).matches()) {
        continue;
      }
      Element next = e.nextElementSibling();
      // a label in an element of its own inside a heading or a cell: the heading's sibling
      if (next == null && e.parent() != null && e.parent().childrenSize() == 1) {
        next = e.parent().nextElementSibling();
      }
      if (next == null || inComments(e)) {
        continue;
      }
      String text = next.text().strip();
      if (text.isEmpty() || text.length() > 80) {
        continue;
      }
      List<String> names = Bylines.fromNames(text);
      if (names != null && !names.isEmpty()) {
        List<String> kept = new ArrayList<>();
        for (String n : names) {
          kept.addAll(Bylines.fromStructured(n, site));
        }
        return kept;
      }
    }
    return List.of();
  }

  /** Whether two author elements share a parent or a grandparent: one byline. */
  private static boolean near(Element a, Element b) {
    Element pa = a.parent();
    Element pb = b.parent();
    if (pa == null || pb == null) {
      return false;
    }
    return pa == pb || pa.parent() == pb.parent() || pa == pb.parent() || pb == pa.parent();
  }

  /** Commenters' names are marked up as authors too. */
  private static boolean inComments(Element e) {
    for (Element p = e; p != null; p = p.parent()) {
      if ((p.className() + " " + p.id()).toLowerCase(Locale.ROOT).contains("comment")
          || isReplyScope(p)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether an element is a microdata item of a reply: schema.org's {@code Comment} or {@code
   * Answer} (a forum's replies, a question page's answers), whose author and date are the reply's.
   */
  static boolean isReplyScope(Element p) {
    if (!p.hasAttr("itemtype")) {
      return false;
    }
    String t = p.attr("itemtype").strip();
    int slash = t.lastIndexOf('/');
    String type = slash >= 0 ? t.substring(slash + 1) : t;
    return type.equalsIgnoreCase("Comment") || type.equalsIgnoreCase("Answer");
  }

  private static boolean isOrganization(JsonNode person) {
    String type =
        person.path("@type").isArray()
            ? person.path("@type").path(0).asText("")
            : person.path("@type").asText("");
    return type.toLowerCase(Locale.ROOT).contains("organization");
  }
}
