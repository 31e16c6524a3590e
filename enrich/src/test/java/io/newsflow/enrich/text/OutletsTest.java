package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A publication's name is told from section words; copyright lines name their owner. */
class OutletsTest {
  @Test
  void shouldPickThePublicationNameNotTheSectionWord() {
    assertThat(Outlets.fromMasthead(List.of("Harbour Gazette", "Security"), true))
        .isEqualTo("Harbour Gazette");
    assertThat(Outlets.fromMasthead(List.of("Politics", "KVXT News"), false))
        .isEqualTo("KVXT News");
    assertThat(Outlets.fromMasthead(List.of("Deportes", "eldiario.example.com"), false))
        .isEqualTo("eldiario.example.com");
  }

  @Test
  void shouldFindNoOutletAmongSectionWordsOnly() {
    assertThat(Outlets.fromMasthead(List.of("Security", "World"), true)).isNull();
    assertThat(Outlets.fromMasthead(List.of("Política"), true)).isNull();
  }

  @Test
  void shouldTakeAPlainNameOnlyWhenItOpensTheText() {
    assertThat(Outlets.fromMasthead(List.of("Realist Courant"), true)).isEqualTo("Realist Courant");
    assertThat(Outlets.fromMasthead(List.of("Latin America"), false)).isNull();
  }

  @Test
  void shouldReadTheOwnerOfACopyrightLine() {
    assertThat(Outlets.fromCopyright("© 2026 Foo Media. All rights reserved."))
        .isEqualTo("Foo Media");
    assertThat(Outlets.fromCopyright("Copyright © 2026 The Coastal Ledger, Inc."))
        .isEqualTo("The Coastal Ledger");
    assertThat(Outlets.fromCopyright("© Diario del Valle 2026 - Todos los derechos reservados"))
        .isEqualTo("Diario del Valle");
    assertThat(Outlets.fromCopyright("(c) 2020-2026 Valley Post Media LLC"))
        .isEqualTo("Valley Post Media");
  }

  @Test
  void shouldFindNoOwnerInACopyrightLineWithoutOne() {
    assertThat(Outlets.fromCopyright("© 2026")).isNull();
    assertThat(Outlets.fromCopyright("All rights reserved.")).isNull();
    assertThat(Outlets.fromCopyright("the copyright of the song belongs to its writers")).isNull();
  }

  @Test
  void shouldNotTakeANameInCapitalsForAnAcronym() {
    assertThat(Outlets.isPublicationName("CRBC")).isTrue();
    assertThat(Outlets.isPublicationName("JANE DOE")).isFalse();
    assertThat(Outlets.isPublicationName("Valley Post")).isTrue();
  }

  @Test
  void shouldTellANameLineFromKickersDatelinesSectionsAndSentences() {
    assertThat(Outlets.readsAsName("Brightwater")).isTrue();
    assertThat(Outlets.readsAsName("La Voz del Valle")).isTrue();
    assertThat(Outlets.readsAsName("O'Neill & Sons Post")).isTrue();
    assertThat(Outlets.readsAsName("EXCLUSIVE")).isFalse();
    assertThat(Outlets.readsAsName("MEXICO CITY")).isFalse();
    assertThat(Outlets.readsAsName("Exclusive")).isFalse();
    assertThat(Outlets.readsAsName("Politics")).isFalse();
    assertThat(Outlets.readsAsName("Fares rise again")).isFalse();
    assertThat(Outlets.readsAsName("Updated 3 hours ago")).isFalse();
    assertThat(Outlets.readsAsName("Five Words Is Too Many")).isFalse();
  }
}
