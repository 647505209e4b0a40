package dev.newspipe.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class StageMetricsTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    double count(String name, String stage) {
        return registry.get(name).tag("stage", stage).counter().count();
    }

    @Test
    void eachStageCountsUnderItsOwnTag() {
        StageMetrics enrich = new StageMetrics(registry, "enrich");
        StageMetrics store = new StageMetrics(registry, "store");
        enrich.received(3);
        enrich.emitted(2);
        enrich.failed(1, 1);
        store.received(10);
        store.failed(2, 0);
        store.processed(TimeUnit.MILLISECONDS.toNanos(40));

        assertEquals(3, count(StageMetrics.RECEIVED, "enrich"));
        assertEquals(2, count(StageMetrics.EMITTED, "enrich"));
        assertEquals(1, count(StageMetrics.FAILED, "enrich"));
        assertEquals(1, count(StageMetrics.DEAD_LETTERED, "enrich"));
        assertEquals(10, count(StageMetrics.RECEIVED, "store"));
        assertEquals(2, count(StageMetrics.FAILED, "store"));
        assertEquals(0, count(StageMetrics.DEAD_LETTERED, "store"));
        assertEquals(1, registry.get(StageMetrics.PROCESSING).tag("stage", "store").timer().count());
        assertEquals(40, registry.get(StageMetrics.PROCESSING).tag("stage", "store").timer().totalTime(TimeUnit.MILLISECONDS), 0.001);
    }
}
