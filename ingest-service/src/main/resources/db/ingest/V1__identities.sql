-- De-duplication state of ingest, shared by every ingest instance and kept across restarts.
-- article_identity: one row per article id (canonical URL or content), with the content of its
-- latest revision. content_fingerprint: which article first carried a given normalized content.
CREATE TABLE article_identity (
    id           text        PRIMARY KEY,
    content_hash text        NOT NULL,
    revision     integer     NOT NULL,
    first_seen   timestamptz NOT NULL DEFAULT now(),
    last_changed timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE content_fingerprint (
    content_hash text PRIMARY KEY,
    article_id   text NOT NULL
);
