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
    @WithDefault("16777216")
    long maxRequestBytes();

    /** How far in the future a publication date may lie (clock skew between producers). */
    @WithDefault("PT24H")
    java.time.Duration maxFutureSkew();
}
