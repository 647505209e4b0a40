-- Position of every store (insert or replacement) in the live stream: GET /stream sends these as
-- SSE event ids, and a client reconnecting with Last-Event-ID resumes after its last one.
CREATE SEQUENCE article_stream_seq;
ALTER TABLE articles ADD COLUMN stream_seq bigint;
UPDATE articles SET stream_seq = nextval('article_stream_seq')
    WHERE id IN (SELECT id FROM articles ORDER BY stored_at, id);
ALTER TABLE articles ALTER COLUMN stream_seq SET DEFAULT nextval('article_stream_seq');
ALTER TABLE articles ALTER COLUMN stream_seq SET NOT NULL;
CREATE INDEX articles_stream_seq_idx ON articles (stream_seq);
CREATE INDEX articles_stored_at_idx ON articles (stored_at);
