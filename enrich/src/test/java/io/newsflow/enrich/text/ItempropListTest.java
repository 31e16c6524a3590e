package io.newsflow.enrich.text;

import static io.newsflow.enrich.text.MetadataPages.GESCHICHTE;
import static io.newsflow.enrich.text.MetadataPages.STORY;
import static io.newsflow.enrich.text.MetadataPages.page;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Microdata's {@code itemprop} is a list of property names ("author creator"), and magazines label
 * a byline "Text:" in several languages (docs/extraction.md, 1.10.0). Every page is written for
 * this test.
 */
class ItempropListTest {
  @Test
  void shouldReadAnAuthorMarkedWithSeveralPropertyNames() {
    Extraction e =
        page(
            "",
            "<article><h1>Мост снова открыт</h1><p class=\"article-info\">"
                + "<span itemprop=\"author creator\">Текст: Анна Смирнова</span> · 24 сентября 2018</p>"
                + STORY
                + "</article>");
    assertThat(e.authors()).containsExactly("Анна Смирнова");
  }

  @Test
  void shouldReadAGermanTextLabelAsAByline() {
    Extraction e =
        page(
            "",
            "<article><h1>Die Brücke ist wieder offen</h1>"
                + "<span itemprop=\"author\">Text: Anna Muster</span>"
                + GESCHICHTE
                + "</article>");
    assertThat(e.authors()).containsExactly("Anna Muster");
  }

  @Test
  void shouldReadAPublicationTimeMarkedWithSeveralPropertyNames() {
    Extraction e =
        page(
            "<meta itemprop=\"datePublished dateCreated\" content=\"2019-11-18T17:56:27.000Z\">",
            "<article><h1>Harbour bridge reopens after repairs</h1>" + STORY + "</article>");
    assertThat(e.published()).isEqualTo("2019-11-18T17:56:27.000Z");
  }
}
