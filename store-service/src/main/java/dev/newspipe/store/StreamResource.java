package dev.newspipe.store;

import java.sql.SQLException;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.common.annotation.Blocking;

/** Server-Sent Events of newly stored articles. */
@Path("/stream")
public class StreamResource {

    @Inject
    ArticleStream stream;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(summary = "Newly stored articles as Server-Sent Events (event 'article', id = stream position)",
            description = "Filter with entity, topic (narrower topics included) and q. Reconnect with Last-Event-ID to get "
                    + "everything stored since that event that is still in the store.")
    public void stream(@Context SseEventSink sink, @Context Sse sse, @HeaderParam("Last-Event-ID") String lastEventId,
            @QueryParam("entity") String entity, @QueryParam("topic") String topic, @QueryParam("q") String q)
            throws SQLException {
        ArticleQuery filters;
        Long last;
        try {
            filters = ArticleQuery.parse(q, entity, null, topic, null, null, null, null, null, null);
            last = lastEventId == null || lastEventId.isBlank() ? null : parseLast(lastEventId);
        } catch (ArticleQuery.BadParameterException e) {
            OutboundSseEvent error = sse.newEventBuilder().name("error").data(e.getMessage()).build();
            sink.send(error).whenComplete((ok, failure) -> sink.close());
            return;
        }
        stream.open(sink, sse, filters, last);
    }

    private static long parseLast(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new ArticleQuery.BadParameterException("Last-Event-ID", "'" + value + "' is not an event id this stream sent");
        }
    }
}
