package io.newsflow.enrich.text;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Line-level boilerplate rules shared by the HTML and the plain-text paths. Each rule is generic
 * (it names a kind of insert, never a site) and knows English, Spanish, German, French, Portuguese
 * and Italian. Thread-safe.
 */
public final class BoilerplateRules {
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private record Rule(String name, Pattern pattern, int maxChars) {}

  private static final List<Rule> RULES =
      List.of(
          // "ALSO READ: headline", "READ MORE | ...", "LEE TAMBIÉN: ..." inserted in the body
          new Rule(
              "also-read",
              Pattern.compile(
                  "^(also read|read also|read more|more reading|see also|related( article| story| coverage| content| news| reading)?"
                      + "|recommended( reading| stories| for you)?|suggested reading|don'?t miss|must read|you may also like"
                      + "|you might also like|more from [\\p{L} ]{1,30}|lee también|lea también|leer más|lee más|ver también|ver más"
                      + "|te puede interesar|también te puede interesar|te recomendamos|más información|relacionad[oa]s?"
                      + "|noticias relacionadas|artículos relacionados|click here to read|watch|listen|breaking"
                      + "|lesen sie auch|lesen sie mehr|auch interessant|mehr zum thema|zum thema|siehe auch|weiterlesen|mehr lesen"
                      + "|das könnte sie auch interessieren|lire aussi|à lire aussi|a lire aussi|lire la suite|voir aussi|à voir aussi"
                      + "|sur le même sujet|en savoir plus|leia também|leia mais|veja também|veja mais|saiba mais|leggi anche|leggi di più"
                      + "|potrebbe interessarti)\\s*[:|>»\\-–—]+.*",
                  FLAGS),
              400),
          // share bars and prompts written as text
          new Rule(
              "share",
              Pattern.compile(
                  "^(kindly |please )?(share|compart[ea]|comparte)( this| esta| este| on| via| en)?( story| article| post| page| nota| noticia| artículo)?"
                      + "( on| via| en)?( facebook| twitter| x| whatsapp| linkedin| email| telegram| social media| redes sociales)?\\s*[:!.…]*$"
                      + "|^(click|tap) (here )?to share.*|^share (this|on|via)\\b.*|^(facebook|twitter|whatsapp|linkedin|email|pinterest|reddit|telegram|print|copy link)"
                      + "(\\s*[,|/·•]?\\s*(facebook|twitter|whatsapp|linkedin|email|pinterest|reddit|telegram|print|copy link))*$"
                      + "|^((diesen )?artikel teilen|teilen|partager( cet article| l'article)?|compartilh(e|ar)( esta notícia| este artigo| a notícia)?"
                      + "|condividi( l'articolo| questo articolo)?)( auf| sur| no| na| em| su| via| per)?"
                      + "( facebook| twitter| x| whatsapp| linkedin| e-mail| email| telegram)?\\s*[:!.…]*$",
                  FLAGS),
              120),
          // "Follow our WhatsApp channel", "Join us on Telegram", "Síguenos en Google News"
          new Rule(
              "social",
              Pattern.compile(
                  "^[\\p{P}\\p{S}\\s]*(please |kindly |click here to |tap here to |and )?(follow|join|subscribe to|like|find|connect with|síguenos|siguenos|sigue|síganos|únete|unete|suscríbete|suscribete"
                      + "|folgen sie uns|folge uns|folgen|suivez-nous|suivez|rejoignez|abonnez-vous|siga-nos|siga|segui|seguici|inscreva-se)\\b.{0,60}"
                      + "\\b(whatsapp|telegram|twitter|facebook|instagram|youtube|tiktok|linkedin|google news|channel|canal|social media|redes sociales)\\b.*$",
                  FLAGS),
              200),
          new Rule(
              "newsletter",
              Pattern.compile(
                  "^.*\\b(sign up|signup|subscribe|suscríbete|suscribete|regístrate|registrate|abonnieren|anmelden|inscrivez-vous|abonnez-vous|s'abonner"
                      + "|assine|inscreva-se|cadastre-se|iscriviti)\\b.*\\b(newsletters?|inbox|emails?|e-mails?|boletín|boletin|alerts?|infolettre|boletim)\\b.*$"
                      + "|^.*\\b(newsletters?|infolettre|boletim)\\b.*\\b(abonnieren|anmelden|bestellen|s'abonner|assinar|iscriviti)\\b.*$"
                      + "|^(get|receive) (our|the) .{0,40}newsletter.*",
                  FLAGS),
              240),
          // photo and image credits, captions' credit lines
          new Rule(
              "credit",
              Pattern.compile(
                  "^(cover |file |lead |main |top |featured )?(photo|photos|photograph|image|images|picture|pic|foto|fotos|imagen|fotografía|video|credit|crédito"
                      + "|bild|bilder|quelle|crédit photo|crédits photo|imagem|créditos)"
                      + "( credit)?s?\\s*(:|by|/|\\|)\\s*.{1,120}$"
                      + "|^.{0,120}\\s/\\s*(afp|ap|reuters|getty images|efe|epa|dpa|xinhua|anadolu|bloomberg|shutterstock|istock)( via getty images)?\\s*$"
                      + "|^\\(?(ap|afp|reuters|epa|efe) photo.{0,100}$|^.{0,200}\\((ap|afp|reuters|epa|efe)( photo)?/[^)]{1,60}\\)\\s*$",
                  FLAGS),
              240),
          // section ends that introduce lists of other stories or site furniture
          new Rule(
              "tail",
              Pattern.compile(
                  "^(related articles?|related stories|related posts|related news|related|trending( now| stories)?|most read|most popular|most viewed"
                      + "|more stories|more news|top stories|latest news|latest stories|popular now|editor'?s picks|help us improve\\.?|advertisement"
                      + "|advertisements?|sponsored( content)?|ad|comments?|leave a (comment|reply)|\\d+ comments?|tags?:.*|topics?:.*|filed under:?.*"
                      + "|noticias relacionadas|lo más leído|lo más visto|más leídas|publicidad|etiquetas:?.*|temas:?.*|tendencias|comentarios"
                      + "|was this (article|story) helpful\\??|report an error|submit a correction|back to top|continue reading\\.*"
                      + "|story continues below( advertisement)?|article continues below.*|scroll to continue.*"
                      + "|meistgelesen|meistgelesene artikel|am meisten gelesen|anzeige|werbung|kommentare|schlagwörter:?.*|mehr zum thema"
                      + "|das könnte sie auch interessieren|les plus lus|publicité|commentaires|sur le même sujet|mots-clés:?.*|à lire aussi"
                      + "|mais lidas|publicidade|comentários|notícias relacionadas|conteúdo patrocinado|leia também|i più letti"
                      + "|pubblicità|commenti|articoli correlati)$",
                  FLAGS),
              200),
          new Rule(
              "copyright",
              Pattern.compile(
                  "^(©|\\(c\\)|copyright\\b|all rights reserved|todos los derechos reservados|alle rechte vorbehalten"
                      + "|tous droits réservés|todos os direitos reservados|tutti i diritti riservati).*$",
                  FLAGS),
              300));

  /** A word of each branch of the newsletter rule's second part, lower case. */
  private static final List<String> NEWSLETTER_WORDS =
      List.of("newsletter", "inbox", "email", "e-mail", "bolet", "alert", "infolettre");

  private static final int MAX_RULE_CHARS = 400;
  private static final Pattern TAIL_MARKER =
      Pattern.compile(
          "^(related( articles?| stories| posts| news| content| coverage| reading)?|trending( now| stories)?|most (read|popular|viewed|shared)"
              + "|more (stories|news|articles)|top stories|latest (news|stories|articles)|popular now|editor'?s picks|you (may|might) also like"
              + "|recommended( for you| stories| articles)?|read next|what to read next|comments?|\\d+ comments?|leave a (comment|reply)"
              + "|join the (discussion|conversation)|help us improve\\.?|was this (article|story) helpful\\??|noticias relacionadas"
              + "|artículos relacionados|lo más (leído|visto)|más (leídas|leído|vistas)|tendencias|comentarios|te puede interesar"
              + "|también te puede interesar|te recomendamos"
              + "|mehr zum thema|das könnte sie auch interessieren|meistgelesen|kommentare|les plus lus|à lire aussi|sur le même sujet"
              + "|commentaires|leia também|mais lidas|notícias relacionadas|comentários|i più letti|articoli correlati|commenti)\\s*[:.]?$",
          FLAGS);
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern FRAGMENT =
      Pattern.compile("^[\\p{P}\\p{S}\\s]*(\\p{L}{1,2}[\\p{P}\\p{S}\\s]*){0,2}$");

  private BoilerplateRules() {}

  /**
   * Folds styled Unicode letters (mathematical bold, full-width) to plain ones and collapses
   * whitespace, so that rules see "Follow our WhatsApp channel" however it was typeset.
   */
  public static String fold(String line) {
    if (isFolded(line)) {
      return line;
    }
    String s = line;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0x2000) {
        s = Normalizer.normalize(s, Normalizer.Form.NFKC);
        break;
      }
    }
    return SPACES.matcher(s.replace('\u00a0', ' ')).replaceAll(" ").strip();
  }

  /**
   * Whether {@link #fold} would return the line as it is: nothing to normalise, no whitespace but
   * single spaces inside. Most lines are so, and skip the regex.
   */
  private static boolean isFolded(String line) {
    int n = line.length();
    if (n == 0
        || Character.isWhitespace(line.charAt(0))
        || Character.isWhitespace(line.charAt(n - 1))) {
      return n == 0;
    }
    char prev = 'x';
    for (int i = 0; i < n; i++) {
      char c = line.charAt(i);
      if (c > 0x2000 || c == '\u00a0' || (c < ' ' && c >= '\t') || (c == ' ' && prev == ' ')) {
        return false;
      }
      prev = c;
    }
    return true;
  }

  /**
   * Whether a folded line holds a word without which the newsletter rule cannot match (newsletter,
   * inbox, e-mail, alert, boletín…), compared as the rule's case-insensitive match does.
   */
  private static boolean mayBeNewsletter(String s) {
    char[] lower = new char[s.length()];
    for (int i = 0; i < lower.length; i++) {
      lower[i] = Character.toLowerCase(Character.toUpperCase(s.charAt(i)));
    }
    String folded = new String(lower);
    for (String w : NEWSLETTER_WORDS) {
      if (folded.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** Returns the name of the first rule the whole line matches, or null when none does. */
  public static String match(String line) {
    if (line.length() > MAX_RULE_CHARS) {
      return null;
    }
    String s = fold(line);
    if (s.isEmpty()) {
      return null;
    }
    if (FRAGMENT.matcher(s).matches()) {
      return "fragment";
    }
    for (Rule r : RULES) {
      if (r.name().equals("newsletter") && !mayBeNewsletter(s)) {
        continue;
      }
      if (s.length() <= r.maxChars() && r.pattern().matcher(s).matches()) {
        return r.name();
      }
    }
    return null;
  }

  /** True for a line that announces the end of the story and a list of other stories. */
  public static boolean isTailMarker(String line) {
    if (line.length() > 60) {
      return false;
    }
    return TAIL_MARKER.matcher(fold(line)).matches();
  }
}
