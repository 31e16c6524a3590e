package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.enrich.text.PageKind;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** The enrich.news.kinds setting: which page kinds are published as news. */
class NewsKindsConfigTest {
  @Test
  void shouldPublishArticlesAndLiveBlogsByDefault() {
    NewsflowConfig c = NewsflowConfig.load(null, Map.of(), Map.of());
    assertThat(c.newsKinds()).containsExactlyInAnyOrder(PageKind.ARTICLE, PageKind.LIVEBLOG);
  }

  @Test
  void shouldLetTheEnvironmentOptInMoreKinds() {
    NewsflowConfig c =
        NewsflowConfig.load(
            null, Map.of("NEWSFLOW_ENRICH_NEWS_KINDS", "article, listing ,video"), Map.of());
    assertThat(c.newsKinds())
        .containsExactlyInAnyOrder(PageKind.ARTICLE, PageKind.LISTING, PageKind.VIDEO);
  }

  @Test
  void shouldRefuseAnUnknownKindSayingWhichKindsExist() {
    assertThatThrownBy(
            () -> NewsflowConfig.load(null, Map.of(), Map.of("enrich.news.kinds", "article,blog")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'blog' is not a page kind")
        .hasMessageContaining("article, liveblog, listing, video, other");
  }
}
