-- Feed subscriptions, polled by whichever ingest instance claims them first (FOR UPDATE SKIP LOCKED).
CREATE TABLE feed_subscription (
    id                   text        PRIMARY KEY,
    url                  text        NOT NULL UNIQUE,
    interval_seconds     integer     NOT NULL,
    created_at           timestamptz NOT NULL DEFAULT now(),
    next_poll_at         timestamptz NOT NULL DEFAULT now(),
    etag                 text,
    last_modified        text,
    last_polled_at       timestamptz,
    last_success_at      timestamptz,
    last_status          text,
    last_error           text,
    consecutive_failures integer     NOT NULL DEFAULT 0,
    articles_accepted    bigint      NOT NULL DEFAULT 0
);

CREATE INDEX feed_subscription_due_idx ON feed_subscription (next_poll_at);
