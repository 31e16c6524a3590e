package io.newsflow.connect;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema.Type;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Maps Avro schemas to Connect schemas, generically, so that fields added to newsflow's records
 * need no change here. Records become structs (same field order, names and docs); a union of null
 * and one type becomes that type, optional; enums become strings; fixed becomes bytes; {@code
 * timestamp-millis} becomes Connect's {@code Timestamp} and {@code date} its {@code Date}; other
 * logical types keep their underlying type. Unions of two or more non-null types and recursive
 * records have no Connect form and are refused.
 */
final class ConnectSchemas {
  private ConnectSchemas() {}

  /** The Connect schema of a top-level record, {@code version} being its newsflow version. */
  static Schema forRecord(org.apache.avro.Schema avro, int version) {
    return struct(avro, version, new IdentityHashMap<>()).build();
  }

  private static SchemaBuilder struct(
      org.apache.avro.Schema avro, Integer version, Map<org.apache.avro.Schema, Boolean> path) {
    if (path.put(avro, Boolean.TRUE) != null) {
      throw new DataException(
          "record " + avro.getFullName() + " refers to itself; Connect has no recursive structs");
    }
    SchemaBuilder b = SchemaBuilder.struct().name(avro.getFullName());
    if (avro.getDoc() != null) {
      b.doc(avro.getDoc());
    }
    if (version != null) {
      b.version(version);
    }
    for (org.apache.avro.Schema.Field f : avro.getFields()) {
      SchemaBuilder field = of(f.schema(), path);
      if (f.doc() != null) {
        field.doc(f.doc());
      }
      b.field(f.name(), field.build());
    }
    path.remove(avro);
    return b;
  }

  private static SchemaBuilder of(
      org.apache.avro.Schema avro, Map<org.apache.avro.Schema, Boolean> path) {
    LogicalType logical = avro.getLogicalType();
    if (logical instanceof LogicalTypes.TimestampMillis) {
      return Timestamp.builder();
    }
    if (logical instanceof LogicalTypes.Date) {
      return Date.builder();
    }
    return switch (avro.getType()) {
      case RECORD -> struct(avro, null, path);
      case UNION -> optional(avro, path);
      case ARRAY -> SchemaBuilder.array(of(avro.getElementType(), path).build());
      case MAP -> SchemaBuilder.map(Schema.STRING_SCHEMA, of(avro.getValueType(), path).build());
      case ENUM, STRING -> SchemaBuilder.string();
      case BYTES, FIXED -> SchemaBuilder.bytes();
      case INT -> SchemaBuilder.int32();
      case LONG -> SchemaBuilder.int64();
      case FLOAT -> SchemaBuilder.float32();
      case DOUBLE -> SchemaBuilder.float64();
      case BOOLEAN -> SchemaBuilder.bool();
      case NULL -> throw new DataException("a field of type null alone has no Connect form");
    };
  }

  private static SchemaBuilder optional(
      org.apache.avro.Schema union, Map<org.apache.avro.Schema, Boolean> path) {
    List<org.apache.avro.Schema> branches =
        union.getTypes().stream().filter(t -> t.getType() != Type.NULL).toList();
    if (branches.size() != 1) {
      throw new DataException(
          "union "
              + union
              + " has no Connect form: only a union of null and one other type is supported");
    }
    SchemaBuilder b = of(branches.get(0), path);
    return branches.size() < union.getTypes().size() ? b.optional() : b;
  }
}
