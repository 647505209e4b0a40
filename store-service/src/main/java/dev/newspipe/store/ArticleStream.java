package dev.newspipe.store;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.jboss.logging.Logger;

/**
 * Feeds SSE connections. Each connection polls the database with its own filters for articles stored
 * after the last one it sent, so every store instance's writes reach every client, and a client
 * reconnecting with {@code Last-Event-ID} gets what it missed. Writers commit stream numbers in order
 * (see {@link ArticleRepository#upsertAll}), so "after the last one" never skips a row.
 */
@ApplicationScoped
public class ArticleStream {

    static final int PAGE = 500;
    static final Duration POLL = Duration.ofMillis(500);
    private static final Logger LOG = Logger.getLogger(ArticleStream.class);

    @Inject
    ArticleSearch search;

    private final ScheduledExecutorService pollers = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "sse-poller");
        t.setDaemon(true);
        return t;
    });

    /** @param lastEventId the client's Last-Event-ID, or null for a new client (it gets what is stored from now on) */
    public void open(SseEventSink sink, Sse sse, ArticleQuery filters, Long lastEventId) throws SQLException {
        Connection connection = new Connection(sink, sse, filters, lastEventId != null ? lastEventId : search.lastStreamSeq());
        connection.task = pollers.scheduleWithFixedDelay(connection::poll, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void shutdown() {
        pollers.shutdownNow();
    }

    private final class Connection {
        final SseEventSink sink;
        final Sse sse;
        final ArticleQuery filters;
        long last;
        volatile ScheduledFuture<?> task;

        Connection(SseEventSink sink, Sse sse, ArticleQuery filters, long last) {
            this.sink = sink;
            this.sse = sse;
            this.filters = filters;
            this.last = last;
        }

        void poll() {
            if (sink.isClosed()) {
                task.cancel(false);
                return;
            }
            try {
                List<ArticleSearch.StreamedHit> hits = search.streamAfter(filters, last, PAGE);
                for (ArticleSearch.StreamedHit hit : hits) {
                    sink.send(sse.newEventBuilder().id(Long.toString(hit.seq())).name("article")
                            .mediaType(MediaType.APPLICATION_JSON_TYPE).data(ArticleSearch.Hit.class, hit.hit()).build());
                    last = hit.seq();
                }
            } catch (SQLException e) {
                LOG.debugf("stream poll failed, trying again: %s", e.getMessage());
            } catch (RuntimeException e) {
                // The client went away mid-send.
                task.cancel(false);
                sink.close();
            }
        }
    }
}
