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

  // parsed once; simple attribute and class tests, which keep no state between pages
  private static final Evaluator AUTHOR_MARKUP =
      QueryParser.parse("[rel=author], [itemprop=author], .author-name, .byline__name");

  /** A label naming the author, in the languages the line rules know. */
  private static final java.util.regex.Pattern AUTHOR_LABEL =
      java.util.regex.Pattern.compile(
          "(?i)(?:written by|author|authors|by|autor|autora|autores|autorin|von|geschrieben von"
              + "|escrito por|por|auteur|auteurs|par|écrit par|autore|di|scritto da)\\s*:?");

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
   * "Jane Doe’s Weblog"; null for any other site name. A site named like a person without saying
   * so ("Restless Meanderer", "Super User") is not taken for one.
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
      // the first author element's names, and those beside it (a byline of several authors);
      // author markup further on belongs to teasers, comments or forum posts
      Element first = null;
      for (Element e : doc.select(AUTHOR_MARKUP)) {
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
    }
    return Bylines.dedupe(out);
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
      if ((p.className() + " " + p.id()).toLowerCase(Locale.ROOT).contains("comment")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isOrganization(JsonNode person) {
    String type =
        person.path("@type").isArray()
            ? person.path("@type").path(0).asText("")
            : person.path("@type").asText("");
    return type.toLowerCase(Locale.ROOT).contains("organization");
  }
}
