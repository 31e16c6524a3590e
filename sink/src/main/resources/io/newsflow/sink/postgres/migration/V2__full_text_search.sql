-- newsflow sink schema, version 2: full-text search over title and clean text, stemmed by the
-- article's language.

CREATE FUNCTION newsflow_text_config(lang text) RETURNS regconfig
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT CASE lang
      WHEN 'en' THEN 'english' WHEN 'es' THEN 'spanish' WHEN 'fr' THEN 'french'
      WHEN 'de' THEN 'german'  WHEN 'pt' THEN 'portuguese' WHEN 'it' THEN 'italian'
      WHEN 'nl' THEN 'dutch'   WHEN 'ru' THEN 'russian'
      ELSE 'simple' END::regconfig
  $$;

ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector(newsflow_text_config(language), coalesce(title, '')), 'A') ||
  setweight(to_tsvector(newsflow_text_config(language), text), 'B')
) STORED;

CREATE INDEX articles_search ON articles USING gin (search);

-- Convenience: the best matches for a web-style query ("quoted phrase", -excluded, or), in the
-- language given (default English stemming).
CREATE FUNCTION search_articles(query text, lang text DEFAULT 'en', max_rows integer DEFAULT 20)
  RETURNS TABLE (id text, title text, outlet text, rank real)
  LANGUAGE sql STABLE
  AS $$
    SELECT a.id, a.title, a.outlet, ts_rank(a.search, q) AS rank
    FROM articles a, websearch_to_tsquery(newsflow_text_config(lang), query) q
    WHERE a.search @@ q
    ORDER BY rank DESC, a.id
    LIMIT max_rows
  $$;
