package dev.newspipe.messaging;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.MDC;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.TracingMetadata;

/**
 * Puts an article's id and its trace id into the logging context (MDC, keys {@code articleId} and
 * {@code traceId}) for the lines logged about it, so that the JSON logs of the prod profile can be
 * searched by either. Closing restores what was there before.
 */
public final class ArticleLogContext implements AutoCloseable {

    public static final String ARTICLE_ID = "articleId";
    /** The key Quarkus' OpenTelemetry integration uses too. */
    public static final String TRACE_ID = "traceId";

    private final Object previousArticleId;
    private final Object previousTraceId;

    private ArticleLogContext(String articleId, String traceId) {
        previousArticleId = articleId == null ? MDC.get(ARTICLE_ID) : MDC.put(ARTICLE_ID, articleId);
        previousTraceId = traceId == null ? MDC.get(TRACE_ID) : MDC.put(TRACE_ID, traceId);
    }

    /** @param tracing the record's trace context; null when tracing is off */
    public static ArticleLogContext of(String articleId, TracingMetadata tracing) {
        return new ArticleLogContext(articleId, traceId(tracing));
    }

    public static ArticleLogContext of(String articleId, Message<?> message) {
        return of(articleId, message.getMetadata(TracingMetadata.class).orElse(null));
    }

    /** The trace the record belongs to: its own span's, or the one it continues; null when it has none. */
    static String traceId(TracingMetadata tracing) {
        if (tracing == null) {
            return null;
        }
        for (Context context : new Context[] { tracing.getCurrentContext(), tracing.getPreviousContext() }) {
            if (context != null) {
                SpanContext span = Span.fromContext(context).getSpanContext();
                if (span.isValid()) {
                    return span.getTraceId();
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        restore(ARTICLE_ID, previousArticleId);
        restore(TRACE_ID, previousTraceId);
    }

    private static void restore(String key, Object previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }
}
