package io.newsflow.enrich.text.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.text.BoilerplateRules;
import io.newsflow.enrich.text.Extraction;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts of 1.7.0 decide what the full computation would, without it: the body's visible
 * characters bound its text's length from below, a line whose letters cannot be the headline's is
 * not normalised, the newsletter rule's gate finds its words in any case. Pages written for this
 * test.
 */
class ExtractionShortcutsTest {
  private static final String STORY =
      "<p>The harbour bridge reopened on Tuesday after three weeks of repairs to its deck, the"
          + " city's transport office said in a statement.</p>"
          + "<p>Engineers replaced forty steel plates and repainted the railings, and traffic was"
          + " back to its usual level by the evening rush.</p>"
          + "<p>The repairs cost less than planned, the office said, because the damage was"
          + " confined to the eastern half of the span.</p>";

  @Test
  void shouldCountNoMoreVisibleCharactersThanTheTextHas() {
    for (String html :
        List.of(
            "<body><p>a&nbsp; b</p><p>\u200bc\u00ad d</p><pre>  x\n\n  y  </pre></body>",
            "<body><div>one<br>two<span> three </span></div>\t\n<p>four</p></body>",
            "<body>" + STORY + "</body>",
            "<body>   </body>")) {
      Element body = Jsoup.parse(html).body();

      assertThat(DomCleaner.visibleChars(body)).isLessThanOrEqualTo(body.text().length());
    }
    // every character but whitespace, zero-width spaces and soft hyphens counts
    assertThat(
            DomCleaner.visibleChars(Jsoup.parse("<p>a&nbsp; b</p><p>\u200bc\u00ad d</p>").body()))
        .isEqualTo(4);
  }

  @Test
  void shouldDropASmallHiddenElementButKeepAStoryHiddenUntilAScriptRuns() {
    Extraction small =
        HtmlArticle.extract(
            "<html><body><article><h1>Bridge reopens</h1>"
                + STORY
                + "<p style=\"display:none\">Hidden promo line that no reader sees on the page.</p>"
                + "</article></body></html>",
            null);
    Extraction hidden =
        HtmlArticle.extract(
            "<html><body><h1>Bridge reopens</h1><div style=\"display: none\">"
                + STORY
                + "</div><p>Menu</p></body></html>",
            null);

    assertThat(small.text()).contains("forty steel plates").doesNotContain("Hidden promo");
    assertThat(hidden.text()).contains("forty steel plates");
  }

  @Test
  void shouldNormaliseOnlyLinesWhoseLettersCanBeTheHeadlines() {
    String title = BodyFinder.norm("Bridge Reopens After Storm");
    BodyFinder.TitleShape shape = BodyFinder.TitleShape.of(title);

    for (String same :
        List.of(
            "Bridge reopens after storm",
            "  BRIDGE -- Reopens, after   storm! ",
            "Bridge reopens after storm\u00a0",
            "𝗕𝗿𝗶𝗱𝗴𝗲 reopens after storm",
            "“Bridge” reopens – after storm…")) {
      assertThat(BodyFinder.norm(same)).isEqualTo(title);
      assertThat(shape.mayEqual(same)).as(same).isTrue();
    }
    assertThat(shape.mayEqual("Bridge reopens after the storm")).isFalse();
    assertThat(shape.mayEqual("Bridge reopens after storms")).isFalse();
    assertThat(shape.mayEqual("Brücke öffnet nach dem Sturm")).isFalse();
    assertThat(shape.mayEqual("“Bridge” reopens – after the storm…")).isFalse();
    // beside a dash or quote, folding rewrites "½" as "1⁄2": two digits where the line has one
    String half = "Bridge reopens after storm ½’";
    String halfTitle = BodyFinder.norm("Bridge reopens after storm 1 2");
    assertThat(BodyFinder.norm(half)).isEqualTo(halfTitle);
    assertThat(BodyFinder.TitleShape.of(halfTitle).mayEqual(half)).isTrue();
    assertThat(BodyFinder.TitleShape.of(BodyFinder.norm("Brücke öffnet")).mayEqual("BRÜCKE—öffnet"))
        .isTrue();
  }

  @Test
  void shouldKeepEachLetterAndDigitOneForOneWhenLowerCasingBelowTheCheckedLimit() {
    java.util.regex.Pattern kept = java.util.regex.Pattern.compile("[\\p{L}\\p{N}]");
    for (char c = 0; c < BodyFinder.TitleShape.UNCHECKED; c++) {
      String s = String.valueOf(c);
      assertThat(BodyFinder.TitleShape.isAlnum(c))
          .as("U+%04X", (int) c)
          .isEqualTo(kept.matcher(s).matches());
      if (c == '\u0130') {
        continue;
      }
      String lower = s.toLowerCase(java.util.Locale.ROOT);
      assertThat(lower).as("U+%04X", (int) c).hasSize(1);
      assertThat(BodyFinder.TitleShape.isAlnum(lower.charAt(0)))
          .as("U+%04X", (int) c)
          .isEqualTo(BodyFinder.TitleShape.isAlnum(c));
    }
  }

  @Test
  void shouldTurnTypographicPunctuationIntoNoLetterOrDigitWhenFolding() {
    java.util.regex.Pattern kept = java.util.regex.Pattern.compile("[\\p{L}\\p{N}]");
    for (char c = BodyFinder.TitleShape.PUNCTUATION_FROM;
        c <= BodyFinder.TitleShape.PUNCTUATION_TO;
        c++) {
      assertThat(kept.matcher(BoilerplateRules.fold("a" + c + "b")).results().count())
          .as("U+%04X", (int) c)
          .isEqualTo(2);
    }
  }

  @Test
  void shouldFindTheNewsletterRulesWordsInAnyCase() {
    assertThat(BoilerplateRules.match("SIGN UP FOR OUR NEWSLETTER")).isEqualTo("newsletter");
    assertThat(BoilerplateRules.match("Subscribe to get E-MAIL alerts")).isEqualTo("newsletter");
    assertThat(BoilerplateRules.match("Sign up for the walk on Sunday")).isNull();
  }
}
