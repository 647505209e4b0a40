package dev.newspipe.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/** Canonical URLs and the stable ids derived from them or from content. */
public final class ArticleIdentity {

    private static final Set<String> TRACKING_PARAMETERS = Set.of("fbclid", "gclid", "dclid", "msclkid", "mc_cid",
            "mc_eid", "igshid", "yclid", "_ga", "ref_src", "cmpid", "ocid");

    /**
     * Lower-case scheme and host, no default port, no fragment, no tracking parameters, no trailing slash.
     *
     * @throws InvalidArticleException when the URL is not an absolute http(s) URL
     */
    public static String canonicalUrl(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidArticleException("url", "not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
            throw new InvalidArticleException("url", "must be an absolute http or https URL");
        }
        StringBuilder out = new StringBuilder(scheme).append("://").append(uri.getHost().toLowerCase(Locale.ROOT));
        int port = uri.getPort();
        if (port != -1 && !(port == 80 && scheme.equals("http")) && !(port == 443 && scheme.equals("https"))) {
            out.append(':').append(port);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        out.append(path);
        String query = canonicalQuery(uri.getRawQuery());
        if (!query.isEmpty()) {
            out.append('?').append(query);
        }
        return out.toString();
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        StringJoiner kept = new StringJoiner("&");
        for (String pair : rawQuery.split("&")) {
            String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!pair.isEmpty() && !name.startsWith("utm_") && !TRACKING_PARAMETERS.contains(name)) {
                kept.add(pair);
            }
        }
        return kept.toString();
    }

    /** 32 hex digits of SHA-256: ids and content hashes share this form. */
    public static String hash(String text) {
        return hex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The hash of the lower-cased headline and body joined by a line feed, in UTF-8: {@code hash(headline
     * .toLowerCase(Locale.ROOT) + "\n" + body.toLowerCase(Locale.ROOT))}, without building that string. The
     * lower-cased copies, their concatenation and its UTF-8 bytes were four copies of every article, the
     * largest share of ingest's allocation after normalization.
     */
    public static String contentHash(String headline, String body) {
        MessageDigest sha = sha256();
        byte[] chunk = new byte[LOWER_CASE_CHUNK];
        updateLowerCase(sha, headline, chunk);
        sha.update((byte) '\n');
        updateLowerCase(sha, body, chunk);
        return hex(sha.digest());
    }

    private static final int LOWER_CASE_CHUNK = 2048;

    /**
     * Feeds the UTF-8 bytes of {@code text.toLowerCase(Locale.ROOT)}. ASCII text, most articles, is lower-cased
     * byte by byte, which is exactly what toLowerCase does to it; other text goes through toLowerCase itself,
     * whose rules beyond ASCII (final sigma, dotted capital I) depend on the neighbouring characters.
     */
    private static void updateLowerCase(MessageDigest sha, String text, byte[] chunk) {
        if (!isAscii(text)) {
            sha.update(text.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return;
        }
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            chunk[n++] = (byte) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
            if (n == chunk.length) {
                sha.update(chunk, 0, n);
                n = 0;
            }
        }
        sha.update(chunk, 0, n);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    /** The article id: from the canonical URL when there is one, from the content otherwise. */
    public static String articleId(String canonicalUrl, String contentHash) {
        return canonicalUrl != null ? hash("url:" + canonicalUrl) : hash("content:" + contentHash);
    }

    private ArticleIdentity() {
    }
}
