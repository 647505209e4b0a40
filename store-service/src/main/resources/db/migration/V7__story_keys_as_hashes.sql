-- Story lookup keys become 64-bit hashes (smaller, faster index entries) under a single index, without a
-- foreign key: they are a derived index over article_story_features, which lists each article's keys so
-- that a replaced article's old keys can be deleted exactly. Keys of articles stored before this
-- migration are not carried over; replaying news.enriched files them again.
DROP TABLE article_story_key;
CREATE TABLE article_story_key (
    key        bigint      NOT NULL,
    article_id text        NOT NULL,
    at         timestamptz NOT NULL
);
CREATE INDEX article_story_key_recent_idx ON article_story_key (key, at DESC) INCLUDE (article_id);
ALTER TABLE article_story_features ADD COLUMN keys bigint[] NOT NULL DEFAULT '{}';
