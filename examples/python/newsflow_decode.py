"""Decode newsflow's Kafka record values (Avro single-object encoding) in Python.

Needs only fastavro (pip install fastavro). A value is: the marker C3 01, the 8-byte little-endian
CRC-64-AVRO fingerprint of the writer schema's parsing canonical form, then the Avro binary body.
Every schema version newsflow ever wrote is shipped in schemas/src/main/resources/avro-history/<Record>/
(index.txt lists them, oldest first), so a record written by any release can be decoded, and is read
into the newest version (fields added later get their defaults).

    python3 newsflow_decode.py SCHEMA_DIR VALUE_FILE...   # prints each decoded record as JSON

Example Kafka loop (any client that gives you the value bytes, e.g. confluent-kafka):

    dec = Decoder("schemas/src/main/resources/avro-history/EnrichedArticle")
    consumer = Consumer({"bootstrap.servers": "localhost:9092", "group.id": "my-app",
                         "isolation.level": "read_committed", "auto.offset.reset": "earliest"})
    consumer.subscribe(["news.topic.sovereignty"])
    while True:
        msg = consumer.poll(1.0)
        if msg is None or msg.error():
            continue
        if msg.value() is None:          # tombstone: article taken down (compacted topics)
            print("taken down", msg.key().decode())
            continue
        article = dec.decode(msg.value())
        print(article["title"], [t["name"] for t in article["topics"]])
"""
import io
import json
import sys
from pathlib import Path

from fastavro import parse_schema, schemaless_reader
from fastavro.schema import fingerprint, to_parsing_canonical_form

MARKER = b"\xc3\x01"


class Decoder:
    """Decodes single-object encoded values written with any schema listed in SCHEMA_DIR/index.txt."""

    def __init__(self, schema_dir):
        schema_dir = Path(schema_dir)
        self.writers = {}
        self.reader = None
        for line in (schema_dir / "index.txt").read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            raw = json.loads((schema_dir / line).read_text(encoding="utf-8"))
            schema = parse_schema(raw)
            fp = bytes.fromhex(fingerprint(to_parsing_canonical_form(schema), "CRC-64-AVRO"))
            # fastavro's hex digest lists the bytes in the order the encoding carries them
            self.writers[fp] = schema
            self.reader = schema  # the newest is listed last

    def decode(self, value: bytes) -> dict:
        if value[:2] != MARKER:
            raise ValueError("not Avro single-object encoding (no C3 01 marker)")
        writer = self.writers.get(value[2:10])
        if writer is None:
            raise ValueError("unknown schema fingerprint %s: update the schema files" % value[2:10].hex())
        return schemaless_reader(io.BytesIO(value[10:]), writer, self.reader)


def main(argv):
    dec = Decoder(argv[1])
    for f in argv[2:]:
        print(json.dumps(dec.decode(Path(f).read_bytes()), default=str, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv)
