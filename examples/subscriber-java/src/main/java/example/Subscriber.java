package example;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.SchemaStore;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Prints the articles of a newsflow topic (e.g. news.topic.sovereignty) with their tags.
 *
 * <p>Args: BOOTSTRAP TOPIC SCHEMA_DIR [MAX]. SCHEMA_DIR is newsflow's
 * schemas/src/main/resources/avro-history/EnrichedArticle: every version listed in its index.txt
 * goes into the schema store, so records written by any past release decode; the newest is the
 * reader schema.
 */
public final class Subscriber {
  public static void main(String[] args) throws IOException {
    String bootstrap = args[0];
    String topic = args[1];
    Path schemaDir = Path.of(args[2]);
    long max = args.length > 3 ? Long.parseLong(args[3]) : Long.MAX_VALUE;

    SchemaStore.Cache store = new SchemaStore.Cache();
    Schema newest = null;
    for (String line : Files.readAllLines(schemaDir.resolve("index.txt"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        newest = new Schema.Parser().parse(schemaDir.resolve(line.strip()).toFile());
        store.addSchema(newest);
      }
    }
    BinaryMessageDecoder<GenericRecord> decoder = new BinaryMessageDecoder<>(GenericData.get(), newest, store);

    Map<String, Object> props = Map.of(
        "bootstrap.servers", bootstrap,
        "group.id", "example-subscriber-" + UUID.randomUUID(), // a real subscriber keeps one fixed group id
        "auto.offset.reset", "earliest",
        "isolation.level", "read_committed"); // newsflow writes its topics in transactions
    long seen = 0;
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      int idlePolls = 0;
      while (seen < max && idlePolls < 20) {
        var records = consumer.poll(Duration.ofMillis(500));
        idlePolls = records.isEmpty() ? idlePolls + 1 : 0;
        for (ConsumerRecord<String, byte[]> r : records) {
          if (r.value() == null) {
            System.out.println("taken down: " + r.key());
          } else {
            print(decoder.decode(r.value()));
          }
          if (++seen >= max) {
            break;
          }
        }
      }
    }
    System.out.println(seen + " article(s)");
  }

  static void print(GenericRecord a) {
    System.out.println(a.get("title") + "  [" + a.get("outlet") + ", " + a.get("published") + ", id " + a.get("id") + "]");
    for (Object t : (List<?>) a.get("topics")) {
      GenericRecord tag = (GenericRecord) t;
      StringBuilder ev = new StringBuilder();
      for (Object e : (List<?>) tag.get("evidence")) {
        ev.append(ev.length() == 0 ? "" : ", ").append('"').append(((GenericRecord) e).get("phrase")).append('"');
      }
      System.out.printf("  %s %.2f: %s%n", tag.get("name"), (Double) tag.get("score"), ev);
    }
  }
}
