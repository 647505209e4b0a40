package dev.newspipe.events;

import java.util.List;

/** CloudEvents binary-mode Kafka header names, as every pipeline record carries them. */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String SPEC_VERSION_VALUE = "1.0";

    public static final List<String> REQUIRED = List.of(ID, TYPE, SOURCE, TIME, SPEC_VERSION);

    /** The ce_source of events produced by a pipeline stage, e.g. {@code /newspipe/ingest-service}. */
    public static String sourceOf(String serviceName) {
        return "/newspipe/" + serviceName;
    }

    private CloudEventHeaders() {
    }
}
