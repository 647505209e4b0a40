-- The publication span of each story's dated articles, kept as articles are stored. Story assignment
-- checks a candidate story's span for every batch; computing it from the articles table costs as much
-- as the story is large, and a long-running story has thousands of articles. The span only widens: an
-- article replaced into another story leaves its old story's span as it was.
CREATE TABLE story_span (
    story_id        text PRIMARY KEY,
    first_published timestamptz NOT NULL,
    last_published  timestamptz NOT NULL
);
INSERT INTO story_span (story_id, first_published, last_published)
SELECT story_id, min(published_at), max(published_at) FROM articles
WHERE story_id IS NOT NULL AND published_at IS NOT NULL
GROUP BY story_id;
