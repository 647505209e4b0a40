-- Text search and filter tables for the query API.

-- The text-search configuration for an article's ISO 639-1 language; unknown languages use 'simple'.
CREATE FUNCTION news_text_config(language text) RETURNS regconfig
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (CASE language
        WHEN 'en' THEN 'english' WHEN 'de' THEN 'german' WHEN 'fr' THEN 'french' WHEN 'es' THEN 'spanish'
        WHEN 'it' THEN 'italian' WHEN 'pt' THEN 'portuguese' WHEN 'nl' THEN 'dutch' WHEN 'sv' THEN 'swedish'
        WHEN 'nb' THEN 'norwegian' WHEN 'no' THEN 'norwegian' WHEN 'da' THEN 'danish' WHEN 'fi' THEN 'finnish'
        WHEN 'ru' THEN 'russian' ELSE 'simple' END)::regconfig
$$;

ALTER TABLE articles ADD COLUMN body text NOT NULL DEFAULT '';
UPDATE articles SET body = event -> 'article' ->> 'body';

-- Headline weighs more than body in ranking.
ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector(news_text_config(language), headline), 'A') ||
    setweight(to_tsvector(news_text_config(language), body), 'B')) STORED;
CREATE INDEX articles_search_idx ON articles USING gin (search);

-- The order of every listing: publication time (ingest time when unknown), newest first, then id.
ALTER TABLE articles ADD COLUMN sort_at timestamptz GENERATED ALWAYS AS (coalesce(published_at, ingested_at)) STORED;
DROP INDEX articles_published_at_idx;
CREATE INDEX articles_sort_idx ON articles (sort_at DESC, id DESC);
CREATE INDEX articles_source_idx ON articles (lower(source));
CREATE INDEX articles_language_idx ON articles (language);

CREATE TABLE article_entity (
    article_id  text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    entity_id   text NOT NULL,
    entity_type text NOT NULL,
    name        text NOT NULL,
    mentions    integer NOT NULL,
    salience    real NOT NULL,
    PRIMARY KEY (article_id, entity_id)
);
CREATE INDEX article_entity_entity_idx ON article_entity (entity_id);
CREATE INDEX article_entity_name_idx ON article_entity (lower(name));

-- Direct topics and, with direct = false, every broader topic, so that a filter on a topic finds the
-- articles about its narrower topics too.
CREATE TABLE article_topic (
    article_id text    NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    code       text    NOT NULL,
    score      real    NOT NULL,
    direct     boolean NOT NULL,
    PRIMARY KEY (article_id, code)
);
CREATE INDEX article_topic_code_idx ON article_topic (code);

INSERT INTO article_entity (article_id, entity_id, entity_type, name, mentions, salience)
SELECT a.id, e ->> 'id', e ->> 'type', e ->> 'name', (e ->> 'count')::int, (e ->> 'salience')::real
FROM articles a, jsonb_array_elements(a.event -> 'entities') e
ON CONFLICT DO NOTHING;

-- Rows stored before this migration get their direct topics here; broader ones come with the next replay.
INSERT INTO article_topic (article_id, code, score, direct)
SELECT a.id, t ->> 'code', (t ->> 'score')::real, true
FROM articles a, jsonb_array_elements(a.event -> 'topics') t
ON CONFLICT DO NOTHING;
