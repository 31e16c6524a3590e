package io.newsflow.cli;

import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.Story;
import io.newsflow.schemas.TopicSpec;
import io.newsflow.schemas.Topics;
import io.newsflow.sink.ArticleJson;
import io.newsflow.sink.ArticleText;
import io.newsflow.sink.story.StoryJson;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Prints the articles of a topic as readable text or JSON, following it until stopped. */
@Command(
    name = "tail",
    mixinStandardHelpOptions = true,
    description = {
      "Print the articles of a topic as readable text (title, outlet, time, tags with evidence) or JSON.",
      "TOPIC is a topic name (news.enriched, news.topic.sovereignty) or a tag name (sovereignty);",
      "news.raw shows raw articles (source, type, size), news.dlq dead letters (stage, reason, coordinates)",
      "and news.stories stories (title, outlets, articles, tag counts, mergedInto).",
      "Follows the topic until Ctrl-C or --max; reads only committed transactions; joins no consumer group."
    })
final class TailCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "TOPIC", description = "Topic or tag name.")
  String topic;

  @Option(
      names = "--json",
      description = "One JSON object per line (the form the file sink writes).")
  boolean json;

  @Option(
      names = "--from-beginning",
      description = "Start at the oldest record (default: only new ones).")
  boolean fromBeginning;

  @Option(names = "--max", paramLabel = "N", description = "Stop after N records.")
  Long max;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    NewsflowConfig config = common.config(Map.of());
    String name = resolve(topic);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (Cluster cluster = Cluster.external(config);
        KafkaConsumer<String, byte[]> consumer = consumer(cluster)) {
      List<PartitionInfo> partitions = consumer.partitionsFor(name, Duration.ofSeconds(30));
      if (partitions == null || partitions.isEmpty()) {
        System.err.println(
            "newsflow tail: no topic '" + name + "' on " + cluster.bootstrapServers());
        return 1;
      }
      List<TopicPartition> tps =
          partitions.stream().map(p -> new TopicPartition(name, p.partition())).toList();
      consumer.assign(tps);
      if (fromBeginning) {
        consumer.seekToBeginning(tps);
      } else {
        consumer.seekToEnd(tps);
      }
      AtomicBoolean stopping = new AtomicBoolean();
      Thread hook =
          new Thread(
              () -> {
                stopping.set(true);
                consumer.wakeup();
              });
      Runtime.getRuntime().addShutdownHook(hook);
      long printed = follow(consumer, out, stopping);
      if (!stopping.get()) {
        Runtime.getRuntime().removeShutdownHook(hook);
      }
      common.progress().info(printed + " record(s) from " + name);
      return 0;
    }
  }

  private long follow(
      KafkaConsumer<String, byte[]> consumer, PrintStream out, AtomicBoolean stopping) {
    long printed = 0;
    try {
      while (max == null || printed < max) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          print(r, out);
          printed++;
          if (max != null && printed >= max) {
            break;
          }
        }
      }
    } catch (WakeupException e) {
      if (!stopping.get()) {
        throw e;
      }
    }
    return printed;
  }

  private void print(ConsumerRecord<String, byte[]> r, PrintStream out) {
    if (r.value() == null) {
      out.println(
          json
              ? "{\"id\":" + quote(r.key()) + ",\"deleted\":true}"
              : "-- "
                  + r.topic()
                  + "-"
                  + r.partition()
                  + "@"
                  + r.offset()
                  + "  tombstone: article "
                  + r.key()
                  + " was taken down\n");
      return;
    }
    try {
      if (r.topic().equals(Topics.RAW.name()) || r.topic().equals(Topics.DLQ.name())) {
        printOther(r, out);
        return;
      }
      if (r.topic().equals(Topics.STORIES.name())) {
        Story s = Topics.STORIES.valueSerde().deserializer().deserialize(r.topic(), r.value());
        out.println(
            json
                ? ArticleJson.MAPPER.writeValueAsString(StoryJson.toJson(s))
                : "-- "
                    + r.topic()
                    + "-"
                    + r.partition()
                    + "@"
                    + r.offset()
                    + "\n"
                    + StoryJson.text(s));
        return;
      }
      EnrichedArticle a =
          Topics.ENRICHED.valueSerde().deserializer().deserialize(r.topic(), r.value());
      if (json) {
        out.println(ArticleJson.MAPPER.writeValueAsString(ArticleJson.toJson(a)));
      } else {
        out.println("-- " + r.topic() + "-" + r.partition() + "@" + r.offset());
        out.println(ArticleText.format(a));
      }
    } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
      System.err.println(
          "newsflow tail: cannot decode "
              + r.topic()
              + "-"
              + r.partition()
              + "@"
              + r.offset()
              + ": "
              + e.getMessage());
    }
  }

  /** news.raw and news.dlq carry raw articles and dead letters, not enriched articles. */
  private void printOther(ConsumerRecord<String, byte[]> r, PrintStream out)
      throws com.fasterxml.jackson.core.JsonProcessingException {
    boolean raw = r.topic().equals(Topics.RAW.name());
    if (json) {
      out.println(
          ArticleJson.MAPPER.writeValueAsString(
              raw
                  ? OtherRecords.json(
                      Topics.RAW.valueSerde().deserializer().deserialize(r.topic(), r.value()))
                  : OtherRecords.json(
                      Topics.DLQ.valueSerde().deserializer().deserialize(r.topic(), r.value()))));
    } else {
      out.println("-- " + r.topic() + "-" + r.partition() + "@" + r.offset());
      out.println(
          raw
              ? OtherRecords.text(
                  Topics.RAW.valueSerde().deserializer().deserialize(r.topic(), r.value()))
              : OtherRecords.text(
                  Topics.DLQ.valueSerde().deserializer().deserialize(r.topic(), r.value())));
    }
  }

  private KafkaConsumer<String, byte[]> consumer(Cluster cluster) {
    Map<String, Object> p = new HashMap<>(cluster.clientProps());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.remove(ConsumerConfig.GROUP_ID_CONFIG);
    return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
  }

  /** A tag name stands for its topic. */
  static String resolve(String topicOrTag) {
    if (topicOrTag.contains(".")) {
      return topicOrTag;
    }
    TopicSpec<String, EnrichedArticle> spec = Topics.forTag(topicOrTag);
    return spec.name();
  }

  private static String quote(String s) {
    try {
      return ArticleJson.MAPPER.writeValueAsString(s);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
