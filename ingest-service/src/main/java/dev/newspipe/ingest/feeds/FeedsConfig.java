package dev.newspipe.ingest.feeds;

import java.time.Duration;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Feed polling ({@code news.ingest.feeds.*}, or {@code NEWS_INGEST_FEEDS_*} in the environment). */
@ConfigMapping(prefix = "news.ingest.feeds")
public interface FeedsConfig {

    /** How often due feeds are looked for (the scheduler reads it as {@code ${news.ingest.feeds.tick}}). */
    @WithDefault("5s")
    String tick();

    /** Shortest polling interval a subscription may ask for. */
    @WithDefault("60")
    int minIntervalSeconds();

    /** Longest wait after repeated failures. */
    @WithDefault("PT1H")
    Duration maxBackoff();

    /** Timeout of one feed request. */
    @WithDefault("PT20S")
    Duration requestTimeout();

    /**
     * Largest feed document accepted. Parsing takes several times a document's size in heap, and
     * ingest's heap is small (deploy/jvm-options); real feeds are well under a megabyte.
     */
    @WithDefault("4194304")
    long maxFeedBytes();

    /**
     * Hosts that may be fetched although they resolve to loopback or private addresses (the SSRF
     * guard refuses those otherwise). Empty in production; tests allow localhost.
     */
    @WithDefault("none")
    Set<String> allowedPrivateHosts();
}
