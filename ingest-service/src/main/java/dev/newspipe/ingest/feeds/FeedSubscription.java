package dev.newspipe.ingest.feeds;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A feed subscription and how its polling goes; {@code status} is ok, not-modified, error or pending. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedSubscription(
        String id,
        String url,
        int intervalSeconds,
        Instant createdAt,
        Instant nextPollAt,
        Instant lastPolledAt,
        Instant lastSuccessAt,
        String status,
        String lastError,
        int consecutiveFailures,
        long articlesAccepted,
        String etag,
        String lastModified) {
}
