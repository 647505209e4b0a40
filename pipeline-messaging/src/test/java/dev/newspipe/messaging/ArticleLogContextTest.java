package dev.newspipe.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.TracingMetadata;

class ArticleLogContextTest {

    static final String TRACE = "0af7651916cd43dd8448eb211c80319c";

    @AfterEach
    void clear() {
        MDC.clear();
    }

    static TracingMetadata continuing(String traceId) {
        SpanContext parent = SpanContext.createFromRemoteParent(traceId, "b7ad6b7169203331", TraceFlags.getDefault(),
                TraceState.getDefault());
        return TracingMetadata.withPrevious(Context.root().with(Span.wrap(parent)));
    }

    @Test
    void putsTheArticleAndItsTraceInTheLoggingContextAndRestoresItAfter() {
        MDC.put(ArticleLogContext.ARTICLE_ID, "outer");
        try (ArticleLogContext context = ArticleLogContext.of("a-1", continuing(TRACE))) {
            assertEquals("a-1", MDC.get(ArticleLogContext.ARTICLE_ID));
            assertEquals(TRACE, MDC.get(ArticleLogContext.TRACE_ID));
        }
        assertEquals("outer", MDC.get(ArticleLogContext.ARTICLE_ID));
        assertNull(MDC.get(ArticleLogContext.TRACE_ID));
    }

    @Test
    void withoutTracingOnlyTheArticleIsSet() {
        try (ArticleLogContext context = ArticleLogContext.of("a-2", (TracingMetadata) null)) {
            assertEquals("a-2", MDC.get(ArticleLogContext.ARTICLE_ID));
            assertNull(MDC.get(ArticleLogContext.TRACE_ID));
        }
        assertNull(MDC.get(ArticleLogContext.ARTICLE_ID));
    }
}
