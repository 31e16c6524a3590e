package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Bad content gives a result or an {@link ExtractionException}: never another exception or an OOM.
 */
class BadPagesTest {
  private static final ArticleExtractor EXTRACTOR =
      new ArticleExtractor(ExtractorSettings.defaults());
  private static final String PARA =
      "<p>The council met on Tuesday evening and agreed to publish the full report on the harbour works next month.</p>";

  @Test
  void shouldRefuseEmptyAndBlankBodies() {
    assertThatThrownBy(() -> EXTRACTOR.extract(new byte[0], null, "text/html", null))
        .isInstanceOf(ExtractionException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(
            () ->
                EXTRACTOR.extract(
                    " \n\t ".getBytes(StandardCharsets.UTF_8), null, "text/html", null))
        .isInstanceOf(ExtractionException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void shouldRefuseBinaryBodies() {
    byte[] png = new byte[4096];
    new Random(7).nextBytes(png);
    png[0] = (byte) 0x89;
    png[1] = 'P';
    png[5] = 0;
    assertThatThrownBy(() -> EXTRACTOR.extract(png, null, "text/html", null))
        .isInstanceOf(ExtractionException.class)
        .hasMessageContaining("binary");
  }

  @Test
  void shouldRefuseBodiesOverTheCap() {
    ArticleExtractor small = new ArticleExtractor(new ExtractorSettings(1024));
    assertThatThrownBy(() -> small.extract(new byte[2048], null, "text/html", null))
        .isInstanceOf(ExtractionException.class)
        .hasMessageContaining("over the cap");
  }

  @Test
  void shouldExtractFromTruncatedPage() throws Exception {
    String page =
        "<html><head><title>Cut short</title></head><body><article>"
            + PARA.repeat(3)
            + "<p>The mayor said that the work would";
    Extraction e =
        EXTRACTOR.extract(page.getBytes(StandardCharsets.UTF_8), null, "text/html", null);
    assertThat(e.paragraphs()).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void shouldSurviveDeeplyNestedMarkup() throws Exception {
    StringBuilder sb = new StringBuilder("<html><body>");
    sb.append("<div>".repeat(100_000))
        .append(PARA)
        .append("</div>".repeat(100_000))
        .append("</body></html>");
    Extraction e = extractOrRefuse(sb.toString().getBytes(StandardCharsets.UTF_8));
    if (e != null) {
      assertThat(e.paragraphs()).isNotNull();
    }
  }

  @Test
  void shouldSurviveTwentyMegabytePage() throws Exception {
    StringBuilder sb = new StringBuilder(20_100_000).append("<html><body><article>");
    while (sb.length() < 20_000_000) {
      sb.append(PARA)
          .append("<div class='related'><a href='/x'>Another story about something else</a></div>");
    }
    sb.append("</article></body></html>");
    Extraction e = extractOrRefuse(sb.toString().getBytes(StandardCharsets.UTF_8));
    if (e != null) {
      assertThat(e.paragraphs()).isNotEmpty();
    }
  }

  @Test
  void shouldHandleInvalidUtf8AsSingleByteText() throws Exception {
    byte[] b =
        ("<p>Se\u00f1ora G\u00f3mez said the bakery on the corner would reopen after the holidays with a new owner.</p>")
            .getBytes(StandardCharsets.ISO_8859_1);
    Extraction e = EXTRACTOR.extract(b, null, "text/html", null);
    assertThat(e.text()).contains("Se\u00f1ora G\u00f3mez");
  }

  @Test
  void shouldAcceptUnknownDeclaredCharset() throws Exception {
    Extraction e =
        EXTRACTOR.extract(
            PARA.getBytes(StandardCharsets.UTF_8), "no-such-charset", "text/html", null);
    assertThat(e.paragraphs()).hasSize(1);
  }

  private static Extraction extractOrRefuse(byte[] body) {
    try {
      return EXTRACTOR.extract(body, null, "text/html", null);
    } catch (ExtractionException refused) {
      assertThat(refused.getMessage()).isNotBlank();
      return null;
    }
  }
}
