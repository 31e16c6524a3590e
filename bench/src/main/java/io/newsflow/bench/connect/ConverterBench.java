package io.newsflow.bench.connect;

import io.newsflow.bench.sink.BenchArticles;
import io.newsflow.connect.NewsflowAvroConverter;
import io.newsflow.connect.SchemaHistory;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.connect.data.Struct;

/**
 * Records per second through {@link NewsflowAvroConverter} (bytes to Connect {@code Struct}) next
 * to a plain Avro decode of the same bytes into newsflow's generated classes (what a Java consumer
 * does), in the same JVM, rounds interleaved. Prints each round, the medians of each path and the
 * median of the per-round ratios (the two paths of one round share the machine's load, so the
 * per-round ratio is the steadier figure on a shared machine).
 *
 * <p>{@code java -cp $CP io.newsflow.bench.connect.ConverterBench [records] [rounds] [warm-ups]}
 */
public final class ConverterBench {
  private ConverterBench() {}

  public static void main(String[] args) {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    int warmups = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    List<byte[]> values = new ArrayList<>(records);
    for (int i = 0; i < records; i++) {
      values.add(
          Topics.ENRICHED.valueSerde().serializer().serialize("b", BenchArticles.article(i, 42)));
    }
    Deserializer<EnrichedArticle> plain = Topics.ENRICHED.valueSerde().deserializer();
    NewsflowAvroConverter converter = new NewsflowAvroConverter();
    converter.configure(Map.of(), false);
    System.out.printf(
        "%d records of %d bytes (median), %d rounds after %d warm-up passes%n",
        records, values.get(records / 2).length, rounds, warmups);
    long sink = 0;
    for (int w = 0; w < warmups; w++) {
      sink += run(values, plain, converter); // warm-up: let the JIT compile both paths
    }
    SchemaHistory.Version v = SchemaHistory.fromClassPath().find(fingerprint(values.get(0)));
    GenericDatumReader<GenericRecord> generic = new GenericDatumReader<>(v.writer(), v.reader());
    double[] avro = new double[rounds];
    double[] gen = new double[rounds];
    double[] connect = new double[rounds];
    double[] ratio = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      sink += decodeAll(values, plain);
      long t1 = System.nanoTime();
      sink += convertAll(values, converter);
      long t2 = System.nanoTime();
      sink += genericAll(values, generic);
      long t3 = System.nanoTime();
      avro[r] = records / ((t1 - t0) / 1e9);
      connect[r] = records / ((t2 - t1) / 1e9);
      gen[r] = records / ((t3 - t2) / 1e9);
      ratio[r] = connect[r] / avro[r];
      System.out.printf(
          "round %d: avro decode %.0f rec/s, converter %.0f rec/s, generic decode %.0f rec/s%n",
          r + 1, avro[r], connect[r], gen[r]);
    }
    double a = median(avro);
    double c = median(connect);
    System.out.printf(
        "median: avro decode %.0f rec/s, converter %.0f rec/s, converter/avro = %.2f"
            + " (median of per-round ratios %.2f); a generic Avro decode into GenericRecords"
            + " %.0f rec/s (checksum %d)%n",
        a, c, c / a, median(ratio), median(gen), sink);
  }

  private static long run(
      List<byte[]> values, Deserializer<EnrichedArticle> plain, NewsflowAvroConverter c) {
    return decodeAll(values, plain) + convertAll(values, c);
  }

  private static long decodeAll(List<byte[]> values, Deserializer<EnrichedArticle> plain) {
    long n = 0;
    for (byte[] v : values) {
      n += plain.deserialize("news.enriched", v).getText().length();
    }
    return n;
  }

  private static long convertAll(List<byte[]> values, NewsflowAvroConverter converter) {
    long n = 0;
    for (byte[] v : values) {
      n +=
          ((Struct) converter.toConnectData("news.enriched", v).value()).getString("text").length();
    }
    return n;
  }

  private static long genericAll(List<byte[]> values, GenericDatumReader<GenericRecord> reader) {
    long n = 0;
    BinaryDecoder in = null;
    try {
      for (byte[] v : values) {
        in = DecoderFactory.get().binaryDecoder(v, 10, v.length - 10, in);
        n += ((String) reader.read(null, in).get("text")).length();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return n;
  }

  private static long fingerprint(byte[] value) {
    return ByteBuffer.wrap(value, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
