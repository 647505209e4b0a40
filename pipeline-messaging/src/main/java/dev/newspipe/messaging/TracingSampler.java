package dev.newspipe.messaging;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;

/**
 * Trace context always travels with every record (W3C traceparent headers), so a trace can be
 * followed across stages; spans are recorded and exported only when a collector is configured
 * ({@code OTEL_EXPORTER_OTLP_ENDPOINT}). Without one, nothing tries to reach localhost:4317.
 */
public class TracingSampler {

    @Produces
    @Singleton
    Sampler sampler(@ConfigProperty(name = "news.tracing.otlp-endpoint") Optional<String> endpoint) {
        return endpoint.filter(e -> !e.isBlank()).isPresent() ? Sampler.parentBased(new NoLoneStatements())
                : Sampler.alwaysOff();
    }

    /**
     * The root sampler: every trace is kept except one that would start with a database statement. A statement
     * inside a request or a batch write is a child span and is kept with it; one on its own (Flyway at start-up,
     * the status page's sampling every few seconds) would be a trace of one span, noise in the collector.
     */
    static final class NoLoneStatements implements Sampler {

        static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");

        @Override
        public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
                Attributes attributes, List<LinkData> parentLinks) {
            return spanKind == SpanKind.CLIENT && attributes.get(DB_SYSTEM) != null ? SamplingResult.drop()
                    : SamplingResult.recordAndSample();
        }

        @Override
        public String getDescription() {
            return "NoLoneStatements";
        }
    }
}
