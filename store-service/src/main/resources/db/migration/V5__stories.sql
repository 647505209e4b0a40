-- Story grouping: every article belongs to one story, named by the id of the article that opened it.
ALTER TABLE articles ADD COLUMN story_id text;
UPDATE articles SET story_id = id;
CREATE INDEX articles_story_idx ON articles (story_id);

-- Keys under which an article can be found as a candidate of the same story or as a related article:
-- pairs of its most salient entities and bands of its MinHash signature (locality-sensitive hashing).
-- Looking up a handful of keys replaces comparing an article with every stored one.
CREATE TABLE article_story_key (
    key        text        NOT NULL,
    article_id text        NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    at         timestamptz NOT NULL,
    PRIMARY KEY (key, article_id)
);
CREATE INDEX article_story_key_recent_idx ON article_story_key (key, at DESC);
CREATE INDEX article_story_key_article_idx ON article_story_key (article_id);
