package dev.newspipe.store.status;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.common.annotation.NonBlocking;

/**
 * The pipeline status page and its data. Both only read the sampler's latest snapshot, so they answer at
 * once whatever state the broker or the database is in.
 */
@Path("/")
public class StatusResource {

    private static final String PAGE = readPage();

    @Inject
    StatusSampler sampler;

    @Inject
    StatusConfig config;

    @Inject
    ObjectMapper mapper;

    @GET
    @Path("status.json")
    @Produces(MediaType.APPLICATION_JSON)
    @NonBlocking
    @Operation(summary = "Pipeline status: throughput per stage, consumer lag, dead letters and the last stored articles",
            description = "The latest background sample; ageSeconds says how old it is, kafka.reachable whether the broker answered.")
    public ObjectNode status() {
        StatusSnapshot snapshot = sampler.latest();
        ObjectNode json = mapper.valueToTree(snapshot);
        if (snapshot.sampledAt() == null) {
            json.putNull("ageSeconds");
        } else {
            json.put("ageSeconds", Duration.between(snapshot.sampledAt(), Instant.now()).toMillis() / 1000.0);
        }
        json.put("sampleIntervalSeconds", config.sampleInterval().toMillis() / 1000.0);
        json.put("rateWindowSeconds", config.rateWindow().toMillis() / 1000.0);
        return json;
    }

    @GET
    @Path("status")
    @Produces(MediaType.TEXT_HTML)
    @NonBlocking
    @Operation(summary = "The pipeline status page (HTML); it reloads /status.json every 2 seconds")
    public String page() {
        return PAGE;
    }

    private static String readPage() {
        try (InputStream in = StatusResource.class.getResourceAsStream("/status/status.html")) {
            if (in == null) {
                throw new IllegalStateException("status/status.html is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
