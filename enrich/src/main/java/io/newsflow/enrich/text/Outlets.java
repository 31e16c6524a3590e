package io.newsflow.enrich.text;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a publication's name from other short lines: a masthead ("Valley Post", "CRBC News",
 * "eldiario.example") rather than a section word ("Security", "Política"), and reads the owner out
 * of a copyright line ("© 2026 Foo Media. All rights reserved."). Generic: it knows the words
 * publications are named with, never a publication. Pure and thread-safe.
 */
public final class Outlets {
  /** Words that publications are named with (English and Spanish). */
  private static final Set<String> PUBLICATION_WORDS =
      WordLists.of(
          "news|times|post|herald|journal|tribune|gazette|daily|press|observer|chronicle"
              + "|telegraph|express|mail|guardian|review|today|reporter|media|tv|radio|magazine"
              + "|weekly|independent|standard|star|sun|mirror|courier|insider|wire|network"
              + "|monitor|dispatch|bulletin|register|sentinel|examiner|inquirer|informer|ledger"
              + "|leader|online|digital|broadcasting|television|channel|newspaper|diario"
              + "|periódico|periodico|noticias|noticiero|prensa|crónica|cronica|semanario"
              + "|revista|heraldo|gaceta|informador|jornada|televisión|noticia|semana|correo"
              + "|universal|imparcial|nación|nacion");

  /** Section and navigation labels that head scraped pages: never a publication's name. */
  private static final Set<String> SECTION_WORDS =
      WordLists.of(
          "home|homepage|home page|news|world|politics|business|economy|sports|sport|opinion|security|health"
              + "|science|tech|technology|culture|entertainment|lifestyle|life|local|national"
              + "|international|latest|latest news|breaking|breaking news|video|videos|photos"
              + "|gallery|menu|search|subscribe|log in|login|sign in|weather|travel|education"
              + "|environment|climate|crime|justice|markets|money|finance|americas|europe|asia"
              + "|africa|middle east|us|u.s.|uk|analysis|features|live|top stories|world news"
              + "|us news|local news|inicio|portada|noticias|mundo|política|politica|economía"
              + "|economia|deportes|opinión|seguridad|salud|ciencia|tecnología|tecnologia"
              + "|cultura|espectáculos|espectaculos|nacional|internacional|última hora"
              + "|ultima hora|estados|méxico|mexico|sociedad|justicia|regional|tendencias"
              + "|en vivo|suscríbete|buscar|edición impresa|e-paper|epaper|podcasts|podcast"
              + "|newsletters|advertisement");

  /** Kickers: labels set above a headline that say what kind of piece it is, not who wrote it. */
  private static final Set<String> KICKER_WORDS =
      WordLists.of(
          "exclusive|explainer|update|updated|watch|listen|live updates|fact check|interview"
              + "|editorial|obituary|sponsored|sponsored content|special report|developing"
              + "|just in|exclusiva|entrevista|urgente|en directo|especial|reportaje"
              + "|análisis|analisis|contenido patrocinado|patrocinado");

  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern EDGE_PUNCT = Pattern.compile("^[^\\p{L}\\d]+|[^\\p{L}\\d]+$");
  private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}{2,6}\\d?|\\p{Lu}[&.]\\p{Lu}\\.?");
  private static final Pattern DOMAIN =
      Pattern.compile(
          "(?i)[\\p{L}\\d-]+(?:\\.[\\p{L}\\d-]+)*\\.(?:com|net|org|news|info|co|es|mx|ar|co\\.uk|uk|in|za|ng|ph|us|ca|au|tv)");

  /** A word of a name: letters, with an inner apostrophe, hyphen, ampersand or dot. */
  private static final Pattern NAME_WORD = Pattern.compile("\\p{L}+(?:['’&.-]\\p{L}+)*\\.?");

  private static final Pattern INNER_CAPITAL = Pattern.compile("\\p{Lu}\\p{Ll}+\\p{Lu}\\p{L}*");
  private static final Pattern COPYRIGHT =
      Pattern.compile(
          "(?i)(?:©|\\(c\\)|copyright)\\s*(?:©|\\(c\\))?\\s*(?:(?:19|20)\\d{2}(?:\\s*[-–]\\s*(?:19|20)?\\d{2,4})?)?[\\s,]*");
  private static final Pattern COPYRIGHT_END =
      Pattern.compile(
          "(?i)\\s*(?:[.|,;©•·]\\s|[|;©•·]|\\s[-–—]\\s|all rights|todos los derechos|derechos reservados|\\d{4}\\b|$)");
  private static final Pattern LEGAL_SUFFIX =
      Pattern.compile(
          "(?i)[,\\s]+(?:inc|llc|ltd|limited|corp|corporation|co|gmbh|plc|s\\.?\\s?a\\.?(?:\\s*de\\s*c\\.?\\s?v\\.?)?|s\\.?l\\.?)\\.?$");

  private Outlets() {}

  /**
   * True when a short text reads like a publication's name: it has a word publications are named
   * with ("News", "Times", "Diario"), an acronym ("CRBC"), a domain ("foo.example.com") or a
   * CamelCase word, and is not a section label.
   */
  public static boolean isPublicationName(String s) {
    return score(s, false) >= 3;
  }

  /** How many words of a text are words publications are named with; a domain counts two. */
  public static int publicationWords(String s) {
    int n = 0;
    for (String w : SPACES.split(s)) {
      String bare = EDGE_PUNCT.matcher(w).replaceAll("");
      n +=
          DOMAIN.matcher(bare).matches()
              ? 2
              : PUBLICATION_WORDS.contains(bare.toLowerCase(Locale.ROOT)) ? 1 : 0;
    }
    return n;
  }

  /** True for a section or navigation label ("World", "Política", "Latest news"). */
  public static boolean isSectionLabel(String s) {
    return SECTION_WORDS.contains(s.strip().toLowerCase(Locale.ROOT));
  }

  /**
   * True when a short line reads as a proper name: one to four words, the first capitalised, the
   * others capitalised or short joining words ("de", "of"), no digits, no sentence punctuation, not
   * in capitals throughout (a kicker such as "EXCLUSIVE" or a dateline such as "MEXICO CITY"), and
   * not a section label or a kicker ("Exclusive", "Análisis"). Says nothing of what is named: the
   * caller decides from where the line stands.
   */
  public static boolean readsAsName(String s) {
    String t = BoilerplateRules.fold(s).strip();
    String lower = t.toLowerCase(Locale.ROOT);
    if (t.isEmpty()
        || t.length() > 40
        || SECTION_WORDS.contains(lower)
        || KICKER_WORDS.contains(lower)) {
      return false;
    }
    String[] words = SPACES.split(t);
    if (words.length > 4 || !Character.isUpperCase(t.codePointAt(0))) {
      return false;
    }
    boolean someLower = false;
    for (String w : words) {
      if (w.equals("&")) {
        continue;
      }
      if (!NAME_WORD.matcher(w).matches()) {
        return false;
      }
      boolean capital = Character.isUpperCase(w.codePointAt(0));
      if (!capital && w.length() > 3) {
        return false;
      }
      someLower |= w.chars().anyMatch(Character::isLowerCase);
    }
    return someLower;
  }

  /**
   * The line most likely to be the publication's name among the short lines before a headline, or
   * null. A line of two or three capitalised words without such a sign counts only when it is the
   * first line of the text.
   */
  public static String fromMasthead(List<String> lines, boolean firstIsTextStart) {
    String best = null;
    int bestScore = 0;
    for (int i = 0; i < lines.size(); i++) {
      String l = BoilerplateRules.fold(lines.get(i)).replaceAll("[\\s:|»>-]+$", "");
      int sc = score(l, i == 0 && firstIsTextStart);
      if (sc > bestScore) {
        best = l;
        bestScore = sc;
      }
    }
    return best;
  }

  /**
   * The owner named in a copyright line ("© 2026 Foo Media Inc. All rights reserved."), or null.
   */
  public static String fromCopyright(String text) {
    if (text == null || text.length() > 2000) {
      return null;
    }
    String folded = BoilerplateRules.fold(text);
    Matcher m = COPYRIGHT.matcher(folded);
    if (!m.find()) {
      return null;
    }
    String rest = folded.substring(m.end());
    rest = rest.replaceFirst("(?i)^(by|por)\\s+", "");
    Matcher end = COPYRIGHT_END.matcher(rest);
    String name = end.find() ? rest.substring(0, end.start()) : rest;
    name = LEGAL_SUFFIX.matcher(name.strip()).replaceFirst("").strip();
    String[] words = SPACES.split(name);
    boolean ok =
        !name.isEmpty()
            && words.length <= 6
            && Character.isLetterOrDigit(name.charAt(0))
            && !Character.isLowerCase(name.charAt(0))
            && !SECTION_WORDS.contains(name.toLowerCase(Locale.ROOT));
    return ok ? name : null;
  }

  /**
   * How much a short text looks like a publication's name: 0 for section labels and anything long,
   * 4 for a publication word or a domain, 3 for an acronym or CamelCase word, 1 for a plain
   * title-case name (not in capitals throughout: "MEXICO CITY" is a dateline) when {@code
   * plainNameCounts}.
   */
  static int score(String s, boolean plainNameCounts) {
    String t = s.strip();
    String lower = t.toLowerCase(Locale.ROOT);
    String[] words = SPACES.split(t);
    if (t.isEmpty() || t.length() > 50 || words.length > 5 || SECTION_WORDS.contains(lower)) {
      return 0;
    }
    int score = 0;
    boolean titleCase = true;
    // "JANE DOE" is a name in capitals, not two acronyms: an acronym counts alone or beside a
    // word in lower case ("CRBC News")
    boolean allCaps = t.equals(t.toUpperCase(Locale.ROOT));
    for (String w : words) {
      String bare = EDGE_PUNCT.matcher(w).replaceAll("");
      if (bare.isEmpty()) {
        continue;
      }
      if (DOMAIN.matcher(bare).matches()) {
        score = Math.max(score, 4);
      } else if (PUBLICATION_WORDS.contains(bare.toLowerCase(Locale.ROOT)) && words.length > 1) {
        score = Math.max(score, 4);
      } else if ((ACRONYM.matcher(bare).matches() && (words.length == 1 || !allCaps))
          || INNER_CAPITAL.matcher(bare).matches()) {
        score = Math.max(score, 3);
      }
      titleCase &= Character.isUpperCase(bare.charAt(0)) || bare.length() <= 3;
    }
    if (score == 0
        && plainNameCounts
        && titleCase
        && !allCaps
        && words.length >= 2
        && words.length <= 3) {
      score = 1;
    }
    return score;
  }
}
