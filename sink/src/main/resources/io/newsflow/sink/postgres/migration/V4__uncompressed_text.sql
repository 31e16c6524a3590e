-- newsflow sink schema, version 4: store the article text out of line without compressing it.
-- pglz compression of every 4 KB body was a large share of the server CPU per written article;
-- news text compresses only about 2:1, and disk is cheaper here than the write rate.
ALTER TABLE articles ALTER COLUMN text SET STORAGE EXTERNAL;
