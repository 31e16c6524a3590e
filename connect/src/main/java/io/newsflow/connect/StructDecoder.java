package io.newsflow.connect;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.ResolvingDecoder;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/**
 * Decodes one writer version's Avro body straight into Connect values: a tree of small readers
 * built once from the reader (newest) schema and its Connect schema, driven by Avro's {@link
 * ResolvingDecoder}, which does the schema resolution (field order, defaults of fields the writer
 * did not have, promotions). No intermediate {@code GenericRecord} is built: each record becomes
 * its {@link Struct} directly.
 *
 * <p>Connect checks every value put into a {@code Struct} against the field's schema, and for an
 * array it checks every element, each nested struct in full. The values built here match their
 * schemas by construction (both come from the same Avro schema), so arrays are put into their
 * struct empty and filled afterwards: each value is checked once, when it is put into its own
 * struct, instead of once per level above it. Tests call {@code Struct.validate()} on the result.
 *
 * <p>The tree is immutable and shared; the decoder passed in carries the per-thread state. Without
 * a resolver (writer = reader) fields come in the schema's order.
 */
final class StructDecoder {
  /** Reads one value of one schema from the decoder. */
  @FunctionalInterface
  interface Node {
    Object read(Decoder in) throws IOException;
  }

  private final Node root;

  private StructDecoder(Node root) {
    this.root = root;
  }

  /** The decoder for records of {@code reader} (Avro, the newest version) as {@code connect}. */
  static StructDecoder of(org.apache.avro.Schema reader, Schema connect) {
    return new StructDecoder(node(reader, connect));
  }

  /**
   * Reads one record: from a {@link ResolvingDecoder} configured for this decoder's writer and
   * reader when they differ, or straight from the binary decoder when the writer is the reader (the
   * common case: records written by the current release), which skips the resolver's per-value
   * bookkeeping.
   */
  Struct read(Decoder in) throws IOException {
    Struct s = (Struct) root.read(in);
    if (in instanceof ResolvingDecoder r) {
      r.drain();
    }
    return s;
  }

  private static Node node(org.apache.avro.Schema avro, Schema connect) {
    if (avro.getLogicalType() instanceof LogicalTypes.TimestampMillis) {
      return in -> new java.util.Date(in.readLong());
    }
    if (avro.getLogicalType() instanceof LogicalTypes.Date) {
      return in -> Date.toLogical(connect, in.readInt());
    }
    return switch (avro.getType()) {
      case RECORD -> record(avro, connect);
      case UNION -> union(avro, connect);
      case ARRAY -> array(node(avro.getElementType(), connect.valueSchema()));
      case MAP -> map(node(avro.getValueType(), connect.valueSchema()));
      case ENUM -> enumeration(avro);
      case STRING -> Decoder::readString;
      case BYTES -> in -> bytes(in.readBytes(null));
      case FIXED -> {
        int size = avro.getFixedSize();
        yield in -> {
          byte[] b = new byte[size];
          in.readFixed(b);
          return b;
        };
      }
      case INT -> Decoder::readInt;
      case LONG -> Decoder::readLong;
      case FLOAT -> Decoder::readFloat;
      case DOUBLE -> Decoder::readDouble;
      case BOOLEAN -> Decoder::readBoolean;
      case NULL ->
          in -> {
            in.readNull();
            return null;
          };
    };
  }

  private static Node record(org.apache.avro.Schema avro, Schema connect) {
    List<org.apache.avro.Schema.Field> avroFields = avro.getFields();
    Field[] fields = new Field[avroFields.size()];
    Node[] nodes = new Node[avroFields.size()];
    boolean[] filledLater = new boolean[avroFields.size()];
    for (org.apache.avro.Schema.Field f : avroFields) {
      fields[f.pos()] = connect.field(f.name());
      nodes[f.pos()] = node(f.schema(), fields[f.pos()].schema());
      filledLater[f.pos()] = f.schema().getType() == org.apache.avro.Schema.Type.ARRAY;
    }
    org.apache.avro.Schema.Field[] writerOrder =
        avroFields.toArray(new org.apache.avro.Schema.Field[0]);
    return in -> {
      Struct s = new Struct(connect);
      org.apache.avro.Schema.Field[] order =
          in instanceof ResolvingDecoder r ? r.readFieldOrder() : writerOrder;
      for (org.apache.avro.Schema.Field f : order) {
        int i = f.pos();
        if (filledLater[i]) {
          ((ArrayNode) nodes[i]).readInto(in, s, fields[i]);
        } else {
          s.put(fields[i], nodes[i].read(in));
        }
      }
      return s;
    };
  }

  private static Node union(org.apache.avro.Schema avro, Schema connect) {
    List<org.apache.avro.Schema> types = avro.getTypes();
    Node[] branches = new Node[types.size()];
    for (int i = 0; i < branches.length; i++) {
      branches[i] = node(types.get(i), connect);
    }
    return in -> branches[in.readIndex()].read(in);
  }

  private static Node enumeration(org.apache.avro.Schema avro) {
    String[] symbols = avro.getEnumSymbols().toArray(new String[0]);
    return in -> symbols[in.readEnum()];
  }

  private static ArrayNode array(Node element) {
    return new ArrayNode(element);
  }

  /** An array: read into a list, or, for a struct's field, put empty and then filled. */
  private record ArrayNode(Node element) implements Node {
    @Override
    public Object read(Decoder in) throws IOException {
      List<Object> out = new ArrayList<>();
      fill(in, out);
      return out;
    }

    void readInto(Decoder in, Struct struct, Field field) throws IOException {
      List<Object> out = new ArrayList<>();
      struct.put(field, out); // checked while empty: its elements match by construction
      fill(in, out);
    }

    private void fill(Decoder in, List<Object> out) throws IOException {
      for (long n = in.readArrayStart(); n != 0; n = in.arrayNext()) {
        for (long i = 0; i < n; i++) {
          out.add(element.read(in));
        }
      }
    }
  }

  private static Node map(Node value) {
    return in -> {
      Map<String, Object> out = new HashMap<>();
      for (long n = in.readMapStart(); n != 0; n = in.mapNext()) {
        for (long i = 0; i < n; i++) {
          out.put(in.readString(), value.read(in));
        }
      }
      return out;
    };
  }

  private static byte[] bytes(ByteBuffer b) {
    if (b.hasArray()
        && b.arrayOffset() == 0
        && b.position() == 0
        && b.remaining() == b.array().length) {
      return b.array();
    }
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }
}
