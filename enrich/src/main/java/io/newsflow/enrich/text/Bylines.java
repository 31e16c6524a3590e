package io.newsflow.enrich.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads author names from bylines ("By Jane Doe and John Roe", "Por María Pérez", "By JANE DOE,
 * Reuters") and from structured author values (meta tags, JSON-LD names): names only, without the
 * "By", the agency, the role or a date. Pure and thread-safe.
 */
public final class Bylines {
  private static final Pattern PREFIX =
      Pattern.compile(
          "^(?:(?i:(?:story |text |words |reporting |written |posted |authored |photos and text |report |analysis |opinion |commentary |column |review |essay )?by"
              + "|por|escrito por|texto de|texto y fotos de|una nota de|análisis de|opinión de|columna de"
              + "|von|text von|ein (?:bericht|kommentar|beitrag) von|par|texte de|propos recueillis par|reportagem de|di|a cura di)[:\\s]"
              // a label with a colon: "Author: Jane Doe", "Autorin: Anna Muster", and the
              // magazine's "Text: Anna Muster" ("Текст:", "Texte :", "Testo:")
              + "|(?iu:authors?|contributors?|autor|autora|autores|autorin|autoren|auteurs?|autore|autori"
              + "|автор|авторы|text|texte|texto|testo|текст)\\s*:)\\s*");

  /**
   * "and" between two names, in the languages of the outlets and of most news written in Latin,
   * Cyrillic and Greek letters (lower case only, so an initial such as "A." is never one): English,
   * Spanish, Portuguese, Italian, Catalan, German, French, the Scandinavian languages, Finnish,
   * Polish, Czech and Slovak, Hungarian, Romanian, Turkish, Indonesian and Malay, Russian,
   * Ukrainian, Bulgarian and Serbian, Greek. Dutch "en" is left out: in Spanish and French it is
   * the "in" of "Jane Doe en Madrid".
   */
  static final String CONJUNCTIONS =
      "and|y|e|i|und|et|sowie|och|og|ja|oraz|a|és|și|şi|ve|dan|и|і|та|και";

  private static final Pattern LIST_SEPARATOR =
      Pattern.compile(
          "\\s*(?:,|;|&|、|،|\\b(?:" + CONJUNCTIONS + ")\\b)\\s*", Pattern.UNICODE_CHARACTER_CLASS);
  // an editor's initials or a short note in brackets after a name: "Elena Oberholzer (obe)"
  private static final Pattern BRACKETS =
      Pattern.compile(
          "\\s*[(\\[][^()\\[\\]]{1,24}[)\\]](?=\\s*(?:$|[,;&|、،]|\\b(?:" + CONJUNCTIONS + ")\\b))",
          Pattern.UNICODE_CHARACTER_CLASS);
  // a template's unfilled key, not a name: "page.head.extra.author"
  private static final Pattern TEMPLATE_KEY = Pattern.compile("\\S+\\.\\S+\\.\\S+|.*\\{\\{.*");
  // someone credited for another job than writing: "Updated by …", "Reviewed by …"
  private static final Pattern OTHER_CREDIT =
      Pattern.compile(
          "^(?i:(?:updated|reviewed|medically reviewed|edited|fact[- ]checked|illustrated"
              + "|photographed|translated|aktualisiert|bearbeitet|übersetzt|revisado|editado"
              + "|traducido|traduit|révisé|traduzido) (?:by|von|por|par)\\b).*");
  private static final Pattern TRAILING_PUNCT = Pattern.compile("[\\s.,;:|»›→]+$");
  private static final Pattern DIGIT = Pattern.compile("\\d");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NAME_TOKEN = Pattern.compile("\\p{Lu}[\\p{L}\\p{M}'’\\-]*\\.?");
  private static final Pattern INITIALS = Pattern.compile("(?:\\p{Lu}\\.){1,3}");
  private static final Set<String> PARTICLES =
      WordLists.of(
          "de|del|la|las|los|van|von|der|den|da|das|do|dos|di|du|le|bin|ibn|al|el|ter|ten");
  // author boxes and links: "About Jane Doe", "More from Jane Doe", "Sobre Jane Doe"
  private static final Pattern ABOUT =
      Pattern.compile(
          "^(?i:about|more about|more from|more by|all posts by|posts by|articles by|view all posts by|sobre|acerca de|más de|artículos de|notas de"
              + "|mehr von|alle artikel von|plus d'articles de|articles de|mais de)\\s+");
  private static final Pattern AFFILIATION = Pattern.compile("\\s+[|·•]\\s+|\\s+[-–—]\\s+");
  private static final Set<String> ROLE_WORDS =
      WordLists.of(
          "writer|reporter|correspondent|editor|columnist|contributor|producer|staff"
              + "|corresponsal|redactor|redactora|periodista|columnista|colaborador"
              + "|colaboradora|enviado|enviada|redakteur|redakteurin|korrespondent"
              + "|korrespondentin|autor|autorin|reporterin|journaliste|rédacteur|rédactrice"
              + "|correspondant|correspondante|envoyé|envoyée|chroniqueur|chroniqueuse"
              + "|jornalista|repórter|redator|redatora|correspondente|colunista|giornalista"
              + "|corrispondente|inviato|inviata|director|coordinator|manager|reviewer"
              + "|expert|specialist|strategist|analyst|consultant|ceo|founder|co-founder"
              + "|president|officer|intern|fellow|chefredakteur|chefredakteurin");
  private static final Set<String> ORGANIZATION_WORDS =
      WordLists.of(
          "agency|association|institute|university|ministry|department|council|foundation"
              + "|company|corporation|inc.|inc|ltd|llc|group|office|agencia|asociación"
              + "|instituto|universidad|ministerio|secretaría|fundación|empresa|gobierno"
              + "|government");
  private static final Set<String> CONTEXT_WORDS =
      WordLists.of("in|en|for|para|from|desde|at|with|con|of|on");

  /** Wire agencies: in a byline they are the source, not an author. */
  private static final Set<String> AGENCIES =
      WordLists.of(
          "reuters|ap|the associated press|associated press|afp|agence france-presse"
              + "|agence france presse|efe|agencia efe|europa press|dpa|xinhua|bloomberg"
              + "|anadolu|anadolu agency|ansa|kyodo|kyodo news|yonhap|tass|ria novosti|pti|ians"
              + "|ani|upi|cna|notimex|prensa latina|aap|the canadian press|canadian press|cp|pa"
              + "|pa media|lusa|télam|telam|andina|europa press/ep|sputnik|agencias|agencies"
              + "|wires|wire services|news agencies|apa|sda|keystone-sda|epd|kna|afp/dpa"
              + "|dpa-afx|belga|ats|agência brasil|agencia brasil|agência lusa|ansa/afp"
              + "|reuters/dpa|ap/dpa|swissinfo|agências|agenzie");

  /** Words for a desk or a role, not a person: dropped from names lists. */
  private static final Set<String> NOT_NAMES =
      WordLists.of(
          "staff|staff writer|staff reporter|staff writers|reporter|correspondent"
              + "|senior reporter|senior correspondent|editor|editors|newsroom|news desk"
              + "|web desk|digital desk|editorial|editorial staff|editorial board|redacción"
              + "|redaccion|corresponsal|enviado especial|enviada especial|admin|administrator"
              + "|contributor|guest contributor|team|the editors|special correspondent|agencies"
              + "|desk|online desk|redaktion|die redaktion|online-redaktion|la rédaction|rédaction"
              + "|redação|redacao|da redação|redazione|la redazione|written by|posted by"
              + "|author|authors|copy link|learn more|read more|author spotlight|view profile"
              + "|see full bio|full bio|follow|geschrieben von|autor|autorin|auteur|autore");

  private static final Set<String> NOT_NAME_TOKENS =
      WordLists.of(
          "updated|published|posted|modified|actualizado|publicado|staff|writer|reporter"
              + "|correspondent|editor|corresponsal|redacción|and|the|y|january|february|march"
              + "|april|may|june|july|august|september|october|november|december|jan.|feb.|mar."
              + "|apr.|jun.|jul.|aug.|sep.|sept.|oct.|nov.|dec.|jan|feb|mar|apr|jun|jul|aug|sep"
              + "|sept|oct|nov|dec|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre"
              + "|octubre|noviembre|diciembre|monday|tuesday|wednesday|thursday|friday|saturday"
              + "|sunday|lunes|martes|miércoles|jueves|viernes|sábado|domingo|today|yesterday"
              + "|hoy|ayer|photo|photos|foto|fotos|video|read|min");

  /** The conjunctions that join names in the languages the line rules know. */
  private static final Set<String> LIST_WORDS = Set.of(CONJUNCTIONS.split("\\|"));

  private Bylines() {}

  /** True for the name of a wire agency ("Reuters", "(AP)", "Agencia EFE"). */
  public static boolean isAgency(String s) {
    if (s == null || s.length() > 40) {
      return false;
    }
    String t = s.strip();
    if (t.startsWith("(") && t.endsWith(")") && t.length() > 2) {
      t = t.substring(1, t.length() - 1);
    }
    return AGENCIES.contains(key(t));
  }

  /**
   * A quick test before {@link #fromNames}: every word is capitalised, an initial, a particle or a
   * list word ("and", "y"), so a sentence or a headline in sentence case is turned away early.
   */
  public static boolean mayBeNames(String s) {
    for (String w : SPACES.split(s.strip())) {
      if (w.isEmpty()) {
        continue;
      }
      char c = w.charAt(0);
      if (!Character.isUpperCase(c)
          && !PARTICLES.contains(w)
          && !LIST_WORDS.contains(w)
          && !w.equals("&")) {
        return false;
      }
    }
    return true;
  }

  /**
   * The names in a byline that starts with "By" / "Por" ("By Jane Doe and John Roe, Reuters"), or
   * null when the text is not such a byline (a sentence like "By Tuesday, the army had left." is
   * not).
   */
  public static List<String> fromByline(String segment) {
    String s = BoilerplateRules.fold(segment);
    var m = PREFIX.matcher(s);
    if (!m.find() || s.length() > 160) {
      return null;
    }
    return names(s.substring(m.end()));
  }

  /**
   * The names in a run of names without "By" ("Jane Doe and John Roe"), or null when the text is
   * anything else.
   */
  public static List<String> fromNames(String segment) {
    return names(BoilerplateRules.fold(segment));
  }

  /**
   * Names from a structured author value (meta author, JSON-LD name): drops a leading "By",
   * agencies, desk and role words, URLs, e-mail addresses and the site's own name, and splits lists
   * ("Jane Doe and John Roe", "Jane Doe, John Roe", "Jane Doe | Reuters").
   *
   * @param siteName the page's site name, dropped when it appears as an author; may be null
   */
  public static List<String> fromStructured(String value, String siteName) {
    List<String> out = new ArrayList<>();
    if (value == null) {
      return out;
    }
    String s =
        ABOUT
            .matcher(PREFIX.matcher(BoilerplateRules.fold(value)).replaceFirst(""))
            .replaceFirst("");
    if (s.isEmpty()
        || s.contains("http")
        || s.contains("@")
        || s.contains("/") && !s.contains(" ")) {
      return out;
    }
    s = BRACKETS.matcher(s).replaceAll("").strip();
    if (OTHER_CREDIT.matcher(s).matches() || TEMPLATE_KEY.matcher(s).matches()) {
      return out;
    }
    String site = siteName == null ? null : key(siteName);
    // "Jane Doe | NJ Media for Example.com": what follows a bar or a spaced dash is affiliation
    String names = AFFILIATION.split(s, 2)[0];
    for (String name : LIST_SEPARATOR.split(names)) {
      String n = TRAILING_PUNCT.matcher(name.strip()).replaceAll("");
      String k = key(n);
      if (!n.isEmpty()
          && n.length() <= 60
          && !AGENCIES.contains(k)
          && !NOT_NAMES.contains(k)
          && !k.equals(site)
          && !isRole(n)
          && !isOutlet(n)
          && !DIGIT.matcher(n).find()
          && Character.isLetter(n.charAt(0))) {
        out.add(caseName(n));
      }
    }
    return out;
  }

  /**
   * "CNN", "India Post News Weekly", "example.com", "European Space Agency": a one-word outlet, a
   * name with two publication words or a domain ("Emily Post" is a person), or an organisation.
   */
  private static boolean isOutlet(String n) {
    for (String w : SPACES.split(n.toLowerCase(Locale.ROOT))) {
      if (ORGANIZATION_WORDS.contains(w)) {
        return true;
      }
    }
    return n.indexOf(' ') < 0 ? Outlets.isPublicationName(n) : Outlets.publicationWords(n) >= 2;
  }

  private static boolean isNotAPerson(String item) {
    String k = key(item);
    return AGENCIES.contains(k)
        || NOT_NAMES.contains(k)
        || isRole(item)
        || isOutlet(item)
        || Outlets.isPublicationName(item);
  }

  /**
   * "AP National Political Writer", "Staff Reporter", "Editor-at-large": a role, not a name. A
   * hyphenated word counts by its first part.
   */
  private static boolean isRole(String s) {
    String[] words = SPACES.split(s.toLowerCase(Locale.ROOT));
    return isRoleWord(words[words.length - 1]) || isRoleWord(words[0]);
  }

  private static boolean isRoleWord(String w) {
    int hyphen = w.indexOf('-', 1);
    return ROLE_WORDS.contains(w) || hyphen > 0 && ROLE_WORDS.contains(w.substring(0, hyphen));
  }

  /**
   * The names without those that, after a first name, are the site under another label: the site's
   * name followed by a desk, section or role ("Jane Doe, CNN Business", "Jane Doe, CNN
   * Editor-at-large" on CNN), or the site's name cut short ("Jane Doe, Business Insider" on
   * Business Insider Deutschland). A byline of the site's desk or team alone ("Telegraph Sport",
   * "The Investopedia Team") is left as it is: it is who the page says wrote it. The site's name
   * set after any name with a full stop ("Jane Doe. Site") goes too.
   *
   * @param site the page's site name, or null (then the names are returned as they are)
   */
  public static List<String> withoutSite(List<String> names, String site) {
    List<String> siteWords = siteWords(site);
    if (siteWords.isEmpty() || names.isEmpty()) {
      return names;
    }
    List<String> out = new ArrayList<>(names.size());
    out.add(withoutSiteAfterStop(names.get(0), site));
    for (int i = 1; i < names.size(); i++) {
      List<String> w = siteWords(withoutSiteAfterStop(names.get(i), site));
      int n = siteWords.size();
      boolean extendsSite = w.size() > n && w.subList(0, n).equals(siteWords);
      boolean cutSite = w.size() >= 2 && w.size() < n && siteWords.subList(0, w.size()).equals(w);
      if (!extendsSite && !cutSite) {
        out.add(withoutSiteAfterStop(names.get(i), site));
      }
    }
    return out.equals(names) ? names : List.copyOf(out);
  }

  /** "Jane Doe. Site": the name, without the site set after it with a full stop. */
  private static String withoutSiteAfterStop(String name, String site) {
    String tail = ". " + site.strip();
    int at = name.length() - tail.length();
    return at > 0 && name.regionMatches(true, at, tail, 0, tail.length())
        ? name.substring(0, at).strip()
        : name;
  }

  /** Lower-case words of a name without a leading "the". */
  private static List<String> siteWords(String s) {
    if (s == null || s.isBlank()) {
      return List.of();
    }
    List<String> w = new ArrayList<>(Arrays.asList(SPACES.split(key(s))));
    if (w.size() > 1 && w.get(0).equals("the")) {
      w.remove(0);
    }
    return w;
  }

  /** Adds names not yet in the list (compared without case and accents). */
  public static List<String> dedupe(List<String> names) {
    Map<String, String> seen = new LinkedHashMap<>();
    for (String n : names) {
      seen.putIfAbsent(
          key(MARKS.matcher(Normalizer.normalize(n, Normalizer.Form.NFD)).replaceAll("")), n);
    }
    return List.copyOf(seen.values());
  }

  /**
   * Parses "Jane Doe and John Roe, Reuters": each list item must start with a name of two to five
   * words; an item that is an agency, role or outlet is skipped; a name may be followed by context
   * ("in Mexico City", "for Reuters"), after which nothing more is read. Returns an empty list when
   * every item was an agency or a role ("By Reuters", "By Staff"), null when the text is not a list
   * of names.
   */
  private static List<String> names(String s) {
    List<String> out = new ArrayList<>();
    String rest = TRAILING_PUNCT.matcher(BRACKETS.matcher(s).replaceAll("").strip()).replaceAll("");
    boolean recognised = false;
    String[] items = LIST_SEPARATOR.split(rest);
    for (int i = 0; i < items.length; i++) {
      String it = items[i].strip();
      if (it.isEmpty()) {
        continue;
      }
      String[] tokens = SPACES.split(it);
      // agencies, roles and outlets are short: a longer item is a name or nothing
      if (tokens.length <= 6 && isNotAPerson(it)) {
        recognised = true;
        continue;
      }
      int run = nameRun(tokens);
      if (run < 2 || run > 5) {
        // only a date may follow the names ("By Jane Doe, Nov. 20, 2026")
        String after = String.join(", ", Arrays.copyOfRange(items, i, items.length));
        return out.isEmpty() || TextDates.parseLine(after, null) == null ? null : out;
      }
      out.add(caseName(String.join(" ", Arrays.copyOf(tokens, run))));
      if (run < tokens.length) {
        // "Jane Doe in Mexico City": the words after the name must be context, then stop
        return isContext(tokens, run) ? out : null;
      }
    }
    return out.isEmpty() && !recognised ? null : out;
  }

  /** How many leading tokens form a name: capitalised words, initials and inner particles. */
  private static int nameRun(String[] tokens) {
    int n = 0;
    int words = 0;
    while (n < tokens.length) {
      String t = tokens[n];
      String lower = t.toLowerCase(Locale.ROOT);
      boolean particle = PARTICLES.contains(lower) && words > 0 && nameFollows(tokens, n + 1);
      boolean name =
          (NAME_TOKEN.matcher(t).matches() || INITIALS.matcher(t).matches())
              && !NOT_NAME_TOKENS.contains(lower)
              && !isAgency(t);
      if (!particle && !name) {
        break;
      }
      words += name ? 1 : 0;
      n++;
    }
    return n;
  }

  /** "de la Cruz": particles then a capitalised word. */
  private static boolean nameFollows(String[] tokens, int from) {
    for (int i = from; i < tokens.length; i++) {
      if (NAME_TOKEN.matcher(tokens[i]).matches()) {
        return true;
      }
      if (!PARTICLES.contains(tokens[i].toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return false;
  }

  /** The date at the end of a byline ("By Jane Doe, Nov. 20, 2026"), as written, or null. */
  public static String trailingDate(String byline) {
    String[] items = byline.split(",");
    for (int i = 1; i < items.length; i++) {
      String tail = String.join(",", Arrays.copyOfRange(items, i, items.length)).strip();
      if (TextDates.parseLine(tail, null) != null) {
        return tail;
      }
    }
    return null;
  }

  /** The first wire agency among the items of a byline ("By Jane Doe, Reuters"), or null. */
  public static String agencyIn(String byline) {
    String s = PREFIX.matcher(BoilerplateRules.fold(byline)).replaceFirst("");
    for (String item : LIST_SEPARATOR.split(s)) {
      if (isAgency(item.strip())) {
        return item.strip();
      }
    }
    return null;
  }

  private static boolean isContext(String[] tokens, int from) {
    if (!CONTEXT_WORDS.contains(tokens[from].toLowerCase(Locale.ROOT))
        || from + 1 >= tokens.length) {
      return false;
    }
    for (int i = from + 1; i < tokens.length; i++) {
      String t = tokens[i];
      if (!NAME_TOKEN.matcher(t).matches()
          && !PARTICLES.contains(t.toLowerCase(Locale.ROOT))
          && !t.equalsIgnoreCase("the")) {
        return false;
      }
    }
    return true;
  }

  /** "JANE DOE" becomes "Jane Doe"; names in mixed case stay as written. */
  static String caseName(String n) {
    if (!n.equals(n.toUpperCase(Locale.ROOT)) || n.indexOf(' ') < 0) {
      return n;
    }
    StringBuilder sb = new StringBuilder();
    for (String w : n.toLowerCase(Locale.ROOT).split(" ")) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      boolean particle = PARTICLES.contains(w) && sb.length() > 0;
      sb.append(particle || w.isEmpty() ? w : capitalise(w));
    }
    return sb.toString();
  }

  private static String capitalise(String w) {
    StringBuilder sb = new StringBuilder(w.length());
    boolean start = true;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      sb.append(start ? Character.toUpperCase(c) : c);
      start = c == '-' || c == '\'' || c == '’';
    }
    return sb.toString();
  }

  static String key(String s) {
    String k = s.strip().toLowerCase(Locale.ROOT);
    return k.indexOf("  ") >= 0 || k.indexOf('\t') >= 0 ? SPACES.matcher(k).replaceAll(" ") : k;
  }
}
