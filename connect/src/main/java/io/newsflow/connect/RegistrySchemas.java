package io.newsflow.connect;

import io.apicurio.registry.resolver.DefaultSchemaResolver;
import io.apicurio.registry.resolver.strategy.ArtifactReference;
import io.apicurio.registry.serde.avro.AvroSchemaParser;
import io.apicurio.registry.serde.avro.DefaultAvroDatumProvider;
import io.apicurio.registry.serde.config.SerdeConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.kafka.connect.errors.DataException;

/**
 * The writer schemas of registry-framed values (magic byte 0, 4-byte schema id), fetched from the
 * registry by id through Apicurio's schema resolver, once per id, and named by their CRC-64-AVRO
 * fingerprint so that the converter decodes them exactly like single-object values.
 */
final class RegistrySchemas implements AutoCloseable {
  private final String url;
  private final DefaultSchemaResolver<Schema, Object> resolver = new DefaultSchemaResolver<>();
  private final Map<Integer, Long> fingerprints = new ConcurrentHashMap<>();

  RegistrySchemas(String url, Map<String, ?> converterConfig) {
    this.url = url;
    Map<String, Object> config = new HashMap<>();
    converterConfig.forEach(
        (k, v) -> {
          if (k.startsWith("apicurio.registry.")) {
            config.put(k, v);
          }
        });
    config.put(SerdeConfig.REGISTRY_URL, url);
    resolver.configure(config, new AvroSchemaParser<>(new DefaultAvroDatumProvider<>()));
  }

  /** The big-endian schema id after the magic byte. */
  static int schemaId(byte[] value) {
    return ((value[1] & 0xFF) << 24)
        | ((value[2] & 0xFF) << 16)
        | ((value[3] & 0xFF) << 8)
        | (value[4] & 0xFF);
  }

  long fingerprint(String topic, int id) {
    return fingerprints.computeIfAbsent(id, i -> fetch(topic, i));
  }

  private long fetch(String topic, int id) {
    try {
      Schema writer =
          resolver
              .resolveSchemaByArtifactReference(ArtifactReference.fromContentId((long) id))
              .getParsedSchema()
              .getParsedSchema();
      return SchemaNormalization.parsingFingerprint64(writer);
    } catch (RuntimeException e) {
      throw new DataException(
          "A record on topic '"
              + topic
              + "' names schema id "
              + id
              + ", which the schema registry at "
              + url
              + " did not give ("
              + e
              + "). Check value.converter."
              + NewsflowAvroConverter.REGISTRY_URL_CONFIG
              + " points at the registry newsflow writes to.",
          e);
    }
  }

  @Override
  public void close() {
    try {
      resolver.close();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot close the registry client for " + url, e);
    }
  }
}
