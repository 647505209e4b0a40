package dev.newspipe.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The API keys a service accepts, and whether a request's headers carry one of them. With no key
 * configured every request is allowed (local mode). A request presents its key as {@code X-API-Key: <key>}
 * or {@code Authorization: Bearer <key>}.
 */
public final class ApiKeys {

    public static final String HEADER = "X-API-Key";
    /** The challenge of a 401 answer (RFC 6750). */
    public static final String CHALLENGE = "Bearer realm=\"newspipe\"";

    /** What a request's headers amount to. */
    public enum Verdict {
        /** A configured key was presented, or no key is configured. */
        ALLOWED(null),
        /** Keys are configured and the request presented none. */
        MISSING("this request needs an API key: send it as " + HEADER + " or as Authorization: Bearer"),
        /** Keys are configured and the request presented a key that is none of them. */
        WRONG("the API key is not valid");

        private final String refusal;

        Verdict(String refusal) {
            this.refusal = refusal;
        }

        /** What a 401 answer says to the client; null when allowed. */
        public String refusal() {
            return refusal;
        }
    }

    private static final String BEARER = "bearer ";

    private final List<byte[]> keys;

    private ApiKeys(List<byte[]> keys) {
        this.keys = keys;
    }

    /** The keys given, trimmed; blank entries are ignored, so an empty setting means no key. */
    public static ApiKeys of(Collection<String> configured) {
        return new ApiKeys(configured.stream()
                .filter(k -> k != null && !k.isBlank())
                .map(k -> k.strip().getBytes(StandardCharsets.UTF_8))
                .toList());
    }

    /** The keys of a comma-separated list, as in {@code NEWS_API_KEYS}; null or blank means none. */
    public static ApiKeys parse(String commaSeparated) {
        return of(commaSeparated == null ? List.of() : List.of(commaSeparated.split(",")));
    }

    /**
     * Checks the values of a request's {@code X-API-Key} and {@code Authorization} headers (either may be
     * null). Allowed when either carries a configured key.
     */
    public Verdict check(String apiKeyHeader, String authorizationHeader) {
        if (keys.isEmpty()) {
            return Verdict.ALLOWED;
        }
        String fromHeader = blankToNull(apiKeyHeader);
        String fromBearer = bearerToken(authorizationHeader);
        if (fromHeader == null && fromBearer == null) {
            return Verdict.MISSING;
        }
        return matches(fromHeader) | matches(fromBearer) ? Verdict.ALLOWED : Verdict.WRONG;
    }

    /**
     * Compared with every configured key, without stopping at the first match, in constant time for keys
     * of equal length: how long the comparison takes says nothing about how much of a key was right.
     */
    private boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] key : keys) {
            match |= MessageDigest.isEqual(key, candidate);
        }
        return match;
    }

    private static String bearerToken(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.strip();
        // The scheme is case-insensitive (RFC 9110 section 11.1).
        if (value.length() <= BEARER.length() || !value.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return null;
        }
        return blankToNull(value.substring(BEARER.length()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Never the keys themselves: this may end up in a log. */
    @Override
    public String toString() {
        return "ApiKeys[" + keys.size() + " configured]";
    }
}
