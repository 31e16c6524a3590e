-- newsflow sink schema, version 1: articles (one row per id, newest version wins), their topics, and
-- the Kafka positions the rows reflect (written in the same transaction as the rows).

CREATE TABLE articles (
  id                text        PRIMARY KEY,
  version           integer     NOT NULL,
  fingerprint       text        NOT NULL,   -- hash of the content without fetchedAt: re-deliveries are recognised
  source            text        NOT NULL,
  outlet            text,
  title             text,
  text              text        NOT NULL,   -- the clean body, paragraphs separated by a blank line
  language          text,                   -- ISO 639-1
  published         text,                   -- as the page states it (ISO-8601)
  published_at      timestamptz,            -- the same, when it carries a zone; null otherwise
  modified          text,
  authors           text[]      NOT NULL DEFAULT '{}',
  dateline          text,
  canonical_url     text,
  image_url         text,
  removed           jsonb       NOT NULL DEFAULT '[]',  -- [{text, reason}] stripped by the extractor
  fetched_at        timestamptz NOT NULL,
  extractor_version text        NOT NULL,
  taxonomy_version  text        NOT NULL,
  written_at        timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX articles_published_at ON articles (published_at);
CREATE INDEX articles_outlet ON articles (outlet);

-- One row per topic tag of an article; replaced whenever the article is.
CREATE TABLE article_topics (
  article_id       text             NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  name             text             NOT NULL,
  score            double precision NOT NULL,
  taxonomy_version text             NOT NULL,
  evidence         jsonb            NOT NULL DEFAULT '[]',  -- [{phrase, field, start, end, rule}]
  PRIMARY KEY (article_id, name)
);

CREATE INDEX article_topics_by_name ON article_topics (name, score DESC);

-- Where each consumer group's reading stands: the next offset to read per partition.
CREATE TABLE sink_offsets (
  consumer_group text        NOT NULL,
  topic          text        NOT NULL,
  partition      integer     NOT NULL,
  next_offset    bigint      NOT NULL,
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer_group, topic, partition)
);
