-- lz4 compresses and decompresses the large columns several times faster than the default pglz.
ALTER TABLE articles ALTER COLUMN event SET COMPRESSION lz4;
ALTER TABLE articles ALTER COLUMN body SET COMPRESSION lz4;

-- What story matching compares of each article, in one compact row, so that a batch loads the features of
-- all its candidates with one primary-key lookup instead of reading their link rows and events.
CREATE TABLE article_story_features (
    article_id        text PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    published_at      timestamptz,
    entity_ids        text[]    NOT NULL,
    entity_weights    real[]    NOT NULL,
    specific_entities text[]    NOT NULL,
    minhash           integer[] NOT NULL,
    top_level_topics  text[]    NOT NULL
);

INSERT INTO article_story_features
SELECT a.id, a.published_at,
       coalesce((SELECT array_agg(e.entity_id ORDER BY e.entity_id) FROM article_entity e WHERE e.article_id = a.id), '{}'),
       coalesce((SELECT array_agg(greatest(e.salience, 0.05) ORDER BY e.entity_id) FROM article_entity e WHERE e.article_id = a.id), '{}'),
       coalesce((SELECT array_agg(e.entity_id) FROM article_entity e
                 WHERE e.article_id = a.id AND e.entity_type NOT IN ('LOCATION', 'MISC')), '{}'),
       coalesce((SELECT array_agg(m::int) FROM jsonb_array_elements_text(a.event -> 'signature' -> 'minhash') m), '{}'),
       '{}'
FROM articles a;
