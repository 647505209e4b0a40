package dev.newspipe.ingest.feeds;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.newspipe.events.ArticleSubmitted;
import dev.newspipe.ingest.IngestService;
import dev.newspipe.ingest.IngestService.Submission;
import dev.newspipe.ingest.InvalidArticleException;
import io.quarkus.scheduler.Scheduled;

/**
 * Polls due feeds. Each new entry goes through the same ingest as every other intake path, so
 * entries seen before are recognised as duplicates. A feed that fails waits longer after each
 * failure (doubling, up to a maximum), and its status and last error show in {@code GET /feeds}.
 */
@ApplicationScoped
public class FeedPoller {

    static final String INTAKE_PATH = "feed";
    private static final Logger LOG = Logger.getLogger(FeedPoller.class);
    private static final int BATCH = 8;

    @Inject
    FeedRepository repository;

    @Inject
    IngestService ingest;

    @Inject
    FeedsConfig config;

    private FeedFetcher fetcher;

    @PostConstruct
    void init() {
        fetcher = new FeedFetcher(guard(config), config.requestTimeout(), config.maxFeedBytes());
    }

    static FeedAddressGuard guard(FeedsConfig config) {
        return new FeedAddressGuard(config.allowedPrivateHosts().stream().filter(h -> !h.equals("none")).collect(
                java.util.stream.Collectors.toSet()));
    }

    @Scheduled(every = "${news.ingest.feeds.tick:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollDueFeeds() {
        List<FeedSubscription> due;
        try {
            // The lease covers the longest a poll may take; the poll's outcome then sets the real next time.
            due = repository.claimDue(BATCH, (int) config.requestTimeout().multipliedBy(4).toSeconds() + 60);
        } catch (SQLException e) {
            LOG.warnf("cannot read due feeds: %s", e.getMessage());
            return;
        }
        for (FeedSubscription feed : due) {
            poll(feed);
        }
    }

    void poll(FeedSubscription feed) {
        Instant now = Instant.now();
        try {
            FeedFetcher.Fetched fetched = fetcher.fetch(feed.url(), feed.etag(), feed.lastModified());
            int accepted = 0;
            if (!fetched.notModified()) {
                List<ArticleSubmitted> entries = FeedEntries.parse(fetched.body(), feed.url());
                List<Submission> submissions = entries.stream().map(Submission::of).toList();
                if (!submissions.isEmpty()) {
                    accepted = (int) ingest.submit(submissions, INTAKE_PATH).stream()
                            .filter(r -> "accepted".equals(r.status())).count();
                }
            }
            repository.recordPoll(feed.id(), fetched.notModified() ? "not-modified" : "ok", null, 0,
                    now.plusSeconds(feed.intervalSeconds()), fetched.etag(), fetched.lastModified(), accepted);
        } catch (FeedFetcher.FeedFetchException | InvalidArticleException | IngestService.UnavailableException e) {
            failed(feed, now, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException | RuntimeException e) {
            failed(feed, now, e.toString());
        }
    }

    private void failed(FeedSubscription feed, Instant now, String error) {
        int failures = feed.consecutiveFailures() + 1;
        Duration wait = backoff(feed.intervalSeconds(), failures, config.maxBackoff());
        LOG.warnf("feed %s failed (%d in a row), next try in %ds: %s", feed.url(), failures, wait.toSeconds(), error);
        try {
            // Keep the validators of the last good fetch: the next poll may still be answered 304.
            repository.recordPoll(feed.id(), "error", error, failures, now.plus(wait), feed.etag(), feed.lastModified(), 0);
        } catch (SQLException e) {
            LOG.warnf("cannot record the failure of feed %s: %s", feed.url(), e.getMessage());
        }
    }

    /** interval × 2^(failures-1), capped. */
    static Duration backoff(int intervalSeconds, int failures, Duration max) {
        long seconds = intervalSeconds * (1L << Math.min(20, failures - 1));
        return Duration.ofSeconds(Math.min(seconds, max.toSeconds()));
    }
}
