-- newsflow sink schema, version 3: the search vector is no longer computed inside the sink's write
-- transaction (stemming 4 KB of text costs about a millisecond of server CPU, which capped batched
-- writes near 700 articles/s on two cores). The sink's search indexer fills it right after, on a
-- connection of its own; a NULL search means "not indexed yet" (normally for well under a second).

ALTER TABLE articles DROP COLUMN search;

CREATE FUNCTION newsflow_search_vector(lang text, title text, body text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT setweight(to_tsvector(newsflow_text_config(lang), coalesce(title, '')), 'A') ||
           setweight(to_tsvector(newsflow_text_config(lang), body), 'B')
  $$;

ALTER TABLE articles ADD COLUMN search tsvector;
CREATE INDEX articles_search ON articles USING gin (search);
CREATE INDEX articles_not_indexed ON articles (written_at) WHERE search IS NULL;

-- Fills the search vector of up to max_rows articles that lack one; returns how many it filled.
-- Rows a writer holds are skipped (and picked up on the next call), so it never waits on the sink.
CREATE FUNCTION newsflow_index_search(max_rows integer DEFAULT 200) RETURNS integer
  LANGUAGE sql
  AS $$
    WITH todo AS (
      SELECT id FROM articles WHERE search IS NULL ORDER BY written_at LIMIT max_rows FOR UPDATE SKIP LOCKED
    ), done AS (
      UPDATE articles a SET search = newsflow_search_vector(a.language, a.title, a.text)
      FROM todo WHERE a.id = todo.id RETURNING 1
    )
    SELECT count(*)::integer FROM done
  $$;
