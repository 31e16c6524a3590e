-- newsflow sink schema, version 6: the story each article belongs to (EnrichedArticle.storyId, set by
-- enrich's story step; see docs/stories.md), so that a story's articles can be listed with one indexed
-- query and joined with the stories table. Nullable: rows written before this version, pages, and
-- articles the story step did not reach have none. Adding a nullable column rewrites no row.
ALTER TABLE articles ADD COLUMN story_id text;
CREATE INDEX articles_story_id ON articles (story_id) WHERE story_id IS NOT NULL;
