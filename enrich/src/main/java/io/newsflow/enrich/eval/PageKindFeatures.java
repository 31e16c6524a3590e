package io.newsflow.enrich.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.enrich.text.html.HtmlArticle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes the page-kind features of every page of a gold file: a header line of names, then one
 * tab-separated line per page: id, gold {@code page_type} ({@code article} when the gold has none),
 * split ({@code dev} or {@code val}, {@link MetaEval#isValidation}), then the features in the order
 * of {@code PageKinds.FEATURES}. {@code bench/scripts/fit_page_kinds.py} fits the page-kind weights
 * on the development lines of its output. Pure apart from the files.
 */
public final class PageKindFeatures {
  private PageKindFeatures() {}

  /** {@code PageKindFeatures PAGES GOLD OUT.tsv}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: PageKindFeatures PAGES_DIR GOLD.json OUT.tsv");
      System.exit(2);
    }
    JsonNode gold = new ObjectMapper().readTree(Path.of(args[1]).toFile());
    Map<String, Path> files = ExtractionEval.listPages(Path.of(args[0]));
    StringBuilder out = new StringBuilder("id\tpage_type\tsplit");
    HtmlArticle.kindFeatureNames().forEach(n -> out.append('\t').append(n));
    out.append('\n');
    for (Iterator<Map.Entry<String, JsonNode>> it = gold.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String id = ExtractionEval.normId(e.getKey());
      Path file = files.get(id);
      if (file == null) {
        continue;
      }
      String html = new String(ExtractionEval.readPage(file), StandardCharsets.UTF_8);
      String url = e.getValue().path("url").asText("");
      double[] x = HtmlArticle.kindFeatures(html, url.isBlank() ? null : url);
      out.append(id)
          .append('\t')
          .append(e.getValue().path("page_type").asText("article"))
          .append('\t')
          .append(MetaEval.isValidation(id) ? "val" : "dev");
      for (double d : x) {
        out.append('\t').append(d);
      }
      out.append('\n');
    }
    Files.writeString(Path.of(args[2]), out);
  }
}
