package dev.newspipe.ingest.feeds;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Conditional GET of a feed (If-None-Match, If-Modified-Since). Redirects are followed by hand, at
 * most three, so that every hop passes the SSRF guard; the body is read up to a size limit.
 */
public class FeedFetcher {

    /** The outcome of one fetch: {@code body} is null when the server answered 304 Not Modified. */
    public record Fetched(byte[] body, String etag, String lastModified) {
        public boolean notModified() {
            return body == null;
        }
    }

    public static class FeedFetchException extends Exception {
        public FeedFetchException(String message) {
            super(message);
        }
    }

    private static final int MAX_REDIRECTS = 3;

    private final HttpClient client;
    private final FeedAddressGuard guard;
    private final Duration timeout;
    private final long maxBytes;

    public FeedFetcher(FeedAddressGuard guard, Duration timeout, long maxBytes) {
        this.guard = guard;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
    }

    public Fetched fetch(String url, String etag, String lastModified) throws FeedFetchException, InterruptedException {
        URI target = guard.check(url);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(timeout)
                    .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5")
                    .header("User-Agent", "newspipe-feed-poller/1");
            if (etag != null) {
                request.header("If-None-Match", etag);
            }
            if (lastModified != null) {
                request.header("If-Modified-Since", lastModified);
            }
            HttpResponse<InputStream> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new FeedFetchException("cannot fetch " + target + ": " + e);
            }
            int status = response.statusCode();
            if (status == 304) {
                close(response);
                return new Fetched(null, etag, lastModified);
            }
            if (status >= 300 && status < 400) {
                close(response);
                String location = response.headers().firstValue("Location")
                        .orElseThrow(() -> new FeedFetchException("HTTP " + status + " without Location from " + url));
                target = guard.check(target.resolve(location).toString());
                continue;
            }
            if (status != 200) {
                close(response);
                throw new FeedFetchException("HTTP " + status + " from " + target);
            }
            return new Fetched(readLimited(response.body(), target),
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
        }
        throw new FeedFetchException("more than " + MAX_REDIRECTS + " redirects from " + url);
    }

    private byte[] readLimited(InputStream in, URI from) throws FeedFetchException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                if (out.size() > maxBytes) {
                    throw new FeedFetchException("the feed at " + from + " is larger than " + maxBytes + " bytes");
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new FeedFetchException("cannot read " + from + ": " + e);
        }
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // nothing to do: the body was not needed
        }
    }
}
