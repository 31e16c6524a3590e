package io.newsflow.cli;

import io.newsflow.cli.health.ExtractionHealth;
import io.newsflow.schemas.TopicSpec;
import io.newsflow.sink.ArticleJson;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where extraction-health alerts go besides the dashboard: the {@code news.alerts} topic (key: the
 * outlet; value: a JSON object with outlet, figure, before, now, message and at) and the console,
 * as one of newsflow's own warnings.
 */
final class Alerts implements Consumer<ExtractionHealth.Alert>, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);
  static final TopicSpec<String, String> TOPIC =
      new TopicSpec<>("news.alerts", Serdes.String(), Serdes.String(), false);

  private final Map<String, Object> clientProps;
  private KafkaProducer<String, String> producer;

  /** Opens no connection: the producer is made with the first alert, as most runs raise none. */
  Alerts(Map<String, Object> clientProps) {
    this.clientProps = new java.util.HashMap<>(clientProps);
  }

  @Override
  public synchronized void accept(ExtractionHealth.Alert a) {
    if (producer == null) {
      producer = new KafkaProducer<>(clientProps, new StringSerializer(), new StringSerializer());
    }
    LOG.warn(a.message());
    String json;
    try {
      json =
          ArticleJson.MAPPER.writeValueAsString(
              Map.of(
                  "outlet", a.outlet(),
                  "figure", a.figure(),
                  "before", a.before(),
                  "now", a.now(),
                  "message", a.message(),
                  "at", Instant.now().toString()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    producer.send(
        new ProducerRecord<>(TOPIC.name(), a.outlet(), json),
        (md, e) -> {
          if (e != null) {
            LOG.warn("cannot write an alert to {}: {}", TOPIC.name(), e.getMessage());
          }
        });
  }

  @Override
  public synchronized void close() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(10));
    }
  }
}
