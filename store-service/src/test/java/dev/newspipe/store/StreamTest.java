package dev.newspipe.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.newspipe.events.EventJson;
import dev.newspipe.events.Topics;
import dev.newspipe.testsupport.KafkaBrokerTestResource;
import dev.newspipe.testsupport.KafkaTestClient;
import dev.newspipe.testsupport.PostgresTestResource;
import dev.newspipe.testsupport.SampleEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** GET /stream: filtered live events, and resume after a disconnect with Last-Event-ID. */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(PostgresTestResource.class)
class StreamTest {

    @TestHTTPResource("/stream")
    URL streamUrl;

    final KafkaTestClient kafka = new KafkaTestClient(KafkaBrokerTestResource.bootstrapServers());
    static final String MARKER = "stream" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    /** One SSE event as the client saw it. */
    record Event(String id, String name, String data) {
    }

    /** An open SSE connection whose events arrive in a queue. */
    static final class Client implements AutoCloseable {
        final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        final CompletableFuture<HttpResponse<Stream<String>>> response;

        Client(URI uri, String lastEventId) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            response = HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
            response.thenAccept(r -> {
                String[] current = new String[3];
                r.body().forEach(line -> {
                    if (line.startsWith("id:")) {
                        current[0] = line.substring(3).strip();
                    } else if (line.startsWith("event:")) {
                        current[1] = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        current[2] = (current[2] == null ? "" : current[2]) + line.substring(5).strip();
                    } else if (line.isEmpty() && current[2] != null) {
                        events.add(new Event(current[0], current[1], current[2]));
                        current[0] = current[1] = current[2] = null;
                    }
                });
            });
        }

        Event next() throws InterruptedException {
            return events.poll(30, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            response.thenAccept(r -> r.body().close());
            response.cancel(true);
        }
    }

    void store(String id, String headline) {
        kafka.send(Topics.ENRICHED, id, EventJson.toBytes(SampleEvents.enriched(
                SampleEvents.ingested(id, 1, headline, "A short article from Lisbon for the stream test."), "1.0.0")));
    }

    @Test
    void liveEventsAreFilteredAndAReconnectResumesAfterTheLastEventSeen() throws Exception {
        URI uri = URI.create(streamUrl + "?q=" + MARKER);
        String first = SampleEvents.newId();
        Event seen;
        try (Client client = new Client(uri, null)) {
            Thread.sleep(1500);   // connected before anything is stored
            store(first, "First " + MARKER);
            seen = client.next();
            assertNotNull(seen, "no event within 30 s");
            assertEquals("article", seen.name());
            assertTrue(seen.data().contains(first), seen.data());
        }

        String unrelated = SampleEvents.newId();
        String missed = SampleEvents.newId();
        store(unrelated, "Unrelated headline without the marker");
        store(missed, "Missed " + MARKER);
        Thread.sleep(2000);   // stored while no client is connected

        try (Client client = new Client(uri, seen.id())) {
            Event resumed = client.next();
            assertNotNull(resumed, "no event after reconnecting");
            assertTrue(resumed.data().contains(missed), resumed.data());
            assertTrue(Long.parseLong(resumed.id()) > Long.parseLong(seen.id()));
        }
    }
}
