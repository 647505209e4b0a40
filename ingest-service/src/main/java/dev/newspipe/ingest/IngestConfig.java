package dev.newspipe.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the ingest stage ({@code news.ingest.*}, or {@code NEWS_INGEST_*} in the environment). */
@ConfigMapping(prefix = "news.ingest")
public interface IngestConfig {

    /** Shortest accepted body, in characters after normalization. */
    @WithDefault("20")
    int minBodyLength();

    /** Largest article: UTF-8 bytes of headline and body after normalization (413 beyond). */
    @WithDefault("1048576")
    long maxArticleBytes();

    /** Largest request body (413 beyond). */
    @WithDefault("8388608")
    long maxRequestBytes();

    /**
     * Request bytes being ingested at once over all HTTP requests (503 with Retry-After beyond). With the
     * request limit, it sizes the heap ingest needs: about four times this (deploy/jvm-options).
     */
    @WithDefault("12582912")
    long maxInflightRequestBytes();

    /** How far in the future a publication date may lie (clock skew between producers). */
    @WithDefault("PT24H")
    java.time.Duration maxFutureSkew();
}
