-- One row per article id. The full enriched event is kept as JSONB so that nothing it carried is lost;
-- the columns beside it are what queries filter and sort on.
CREATE TABLE articles (
    id                 text PRIMARY KEY,
    revision           integer     NOT NULL,
    enrichment_version text        NOT NULL,
    enrichment_rank    bigint      NOT NULL,
    url                text,
    headline           text        NOT NULL,
    source             text,
    language           text,
    published_at       timestamptz,
    ingested_at        timestamptz NOT NULL,
    enriched_at        timestamptz NOT NULL,
    stored_at          timestamptz NOT NULL DEFAULT now(),
    event              jsonb       NOT NULL
);

CREATE INDEX articles_published_at_idx ON articles (published_at DESC NULLS LAST, id);
