package io.newsflow.connect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;

/**
 * Every schema version of every newsflow record type, keyed by the CRC-64-AVRO fingerprint that
 * single-object encoding puts in each record's header. A record type's versions come from {@code
 * avro-history/<Record>/index.txt} (oldest first), either on the class path (the copy inside {@code
 * newsflow-schemas}) or in a folder on disk. Immutable once built.
 */
public final class SchemaHistory {
  /** The record types newsflow writes to its topics; a type without a history folder is skipped. */
  public static final List<String> RECORD_TYPES =
      List.of("EnrichedArticle", "RawArticle", "DeadLetter", "ArticleRemoved", "Story");

  /**
   * One writer schema and the newest version of its record type, which records are read into.
   * Versions count from 1 in the order of {@code index.txt}.
   */
  public record Version(
      String recordType, Schema writer, int writerVersion, Schema reader, int readerVersion) {}

  private final Map<Long, Version> byFingerprint;
  private final String origin;

  private SchemaHistory(Map<Long, Version> byFingerprint, String origin) {
    this.byFingerprint = Map.copyOf(byFingerprint);
    this.origin = origin;
  }

  /** The history shipped inside the newsflow-schemas jar on the class path. */
  public static SchemaHistory fromClassPath() {
    return build(
        type -> {
          InputStream in =
              SchemaHistory.class.getResourceAsStream("/avro-history/" + type + "/index.txt");
          return in == null ? null : new ClassPathFolder("/avro-history/" + type + "/", in);
        },
        "the newsflow-schemas jar (avro-history/)");
  }

  /** The history in a folder laid out like {@code schemas/src/main/resources/avro-history}. */
  public static SchemaHistory fromDirectory(Path dir) {
    Objects.requireNonNull(dir, "dir");
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("not a folder: " + dir);
    }
    return build(
        type -> {
          Path index = dir.resolve(type).resolve("index.txt");
          return Files.isRegularFile(index) ? new DiskFolder(index.getParent()) : null;
        },
        dir.toString());
  }

  /** The version whose fingerprint this is, or null when no history holds it. */
  public Version find(long fingerprint) {
    return byFingerprint.get(fingerprint);
  }

  /** Where the schemas came from, for error messages. */
  public String origin() {
    return origin;
  }

  /** Every known version. */
  public List<Version> versions() {
    return List.copyOf(byFingerprint.values());
  }

  private interface Folder {
    String index() throws IOException;

    InputStream open(String file) throws IOException;
  }

  private record ClassPathFolder(String dir, InputStream indexStream) implements Folder {
    @Override
    public String index() throws IOException {
      try (InputStream in = indexStream) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }

    @Override
    public InputStream open(String file) throws IOException {
      InputStream in = SchemaHistory.class.getResourceAsStream(dir + file);
      if (in == null) {
        throw new IOException("missing schema " + dir + file);
      }
      return in;
    }
  }

  private record DiskFolder(Path dir) implements Folder {
    @Override
    public String index() throws IOException {
      return Files.readString(dir.resolve("index.txt"));
    }

    @Override
    public InputStream open(String file) throws IOException {
      return Files.newInputStream(dir.resolve(file));
    }
  }

  private interface FolderLookup {
    Folder folder(String recordType);
  }

  private static SchemaHistory build(FolderLookup lookup, String origin) {
    Map<Long, Version> versions = new HashMap<>();
    for (String type : RECORD_TYPES) {
      Folder folder = lookup.folder(type);
      if (folder != null) {
        addType(type, folder, versions);
      }
    }
    if (versions.isEmpty()) {
      throw new IllegalStateException("no newsflow schema history found in " + origin);
    }
    return new SchemaHistory(versions, origin);
  }

  private static void addType(String type, Folder folder, Map<Long, Version> into) {
    List<Schema> schemas = new ArrayList<>();
    try {
      for (String line : folder.index().split("\\R")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          try (InputStream in = folder.open(line.strip())) {
            schemas.add(new Schema.Parser().parse(in));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the schema history of " + type, e);
    }
    if (schemas.isEmpty()) {
      return;
    }
    Schema reader = schemas.get(schemas.size() - 1);
    readStringsAsJavaStrings(reader, new HashSet<>());
    for (int i = 0; i < schemas.size(); i++) {
      Schema writer = schemas.get(i);
      long fingerprint = SchemaNormalization.parsingFingerprint64(writer);
      into.put(fingerprint, new Version(type, writer, i + 1, reader, schemas.size()));
    }
  }

  /**
   * Marks the reader's strings (and map keys) so Avro decodes them straight into {@link String}s,
   * which Connect requires, instead of into {@code Utf8}s that would then be copied.
   */
  private static void readStringsAsJavaStrings(Schema schema, Set<String> seen) {
    switch (schema.getType()) {
      case STRING -> GenericData.setStringType(schema, GenericData.StringType.String);
      case MAP -> {
        GenericData.setStringType(schema, GenericData.StringType.String);
        readStringsAsJavaStrings(schema.getValueType(), seen);
      }
      case ARRAY -> readStringsAsJavaStrings(schema.getElementType(), seen);
      case UNION -> schema.getTypes().forEach(t -> readStringsAsJavaStrings(t, seen));
      case RECORD -> {
        if (seen.add(schema.getFullName())) {
          schema.getFields().forEach(f -> readStringsAsJavaStrings(f.schema(), seen));
        }
      }
      default -> {}
    }
  }
}
