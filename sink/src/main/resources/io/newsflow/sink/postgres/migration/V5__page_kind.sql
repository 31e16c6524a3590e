-- newsflow sink schema, version 5: the kind of page each row is (EnrichedArticle.pageKind: article,
-- liveblog, listing, video, other), so a sink fed news.pages, or news.enriched with more kinds opted
-- in (enrich.news.kinds), can be queried by kind. Rows written before this version are articles: only
-- articles reached the sink then. Adding a column with a constant default rewrites no row.
ALTER TABLE articles ADD COLUMN page_kind text NOT NULL DEFAULT 'article';
CREATE INDEX articles_page_kind ON articles (page_kind) WHERE page_kind <> 'article';
