package dev.newspipe.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.newspipe.events.ArticleSubmitted;

/**
 * Reads IPTC ninjs news items (1.x flat fields such as {@code headline}/{@code body_text}, 2.x lowercase
 * arrays such as {@code headlines}/{@code bodies}, 3.x the same arrays in camelCase) as an
 * {@link ArticleSubmitted}. Bodies in HTML are returned as HTML: turning markup into text is the caller's job.
 */
public final class NinjsArticle {

    /** Fields only ninjs uses (in one version or another); the project's own article JSON has none of them. */
    private static final List<String> NINJS_ONLY_FIELDS = List.of("headlines", "bodies", "descriptions",
            "body_text", "body_html", "body_xhtml", "description_text", "description_html", "byline",
            "versionCreated", "versioncreated", "firstCreated", "firstcreated", "copyrightHolder", "copyrightholder",
            "pubStatus", "pubstatus", "representationType", "representationtype", "standard", "eventDetails");

    private static final Pattern HTTP_URL = Pattern.compile("(?i)https?://\\S+");
    private static final Pattern BYLINE_PREFIX = Pattern.compile("(?iu)^(by|von|av|af)(\\s+|$)");
    private static final Pattern NITF_BODY_CONTENT =
            Pattern.compile("(?s)<body\\.content(?:\\s[^>]*)?>(.*?)</body\\.content>");

    /** Body kinds, best first; a body of a media type we cannot read (images, proprietary XML) gets none. */
    private enum BodyKind { PLAIN, UNLABELED, HTML, NITF }

    /**
     * Whether a JSON document is a ninjs item rather than the project's own article JSON
     * ({@code url}, {@code headline}, {@code body}, ...). ninjs requires {@code uri}; a document with a
     * {@code uri} counts unless it uses our own {@code url}/{@code body} fields without any ninjs-only field.
     */
    public static boolean looksLikeNinjs(JsonNode document) {
        if (document == null || !document.isObject()) {
            return false;
        }
        if (NINJS_ONLY_FIELDS.stream().anyMatch(document::has)) {
            return true;
        }
        return document.path("uri").isTextual() && !document.has("url") && !document.has("body");
    }

    /**
     * Maps a ninjs item to a submission, fields kept as given (dates unparsed, language as sent).
     *
     * @throws InvalidArticleException naming {@code headline} or {@code body} when the item has none
     */
    public static ArticleSubmitted toArticle(JsonNode ninjs) {
        if (ninjs == null || !ninjs.isObject()) {
            throw new InvalidArticleException("article", "a ninjs item must be a JSON object");
        }
        String headline = headline(ninjs);
        if (headline == null) {
            throw new InvalidArticleException("headline", "the ninjs item has no headlines, headline or title");
        }
        String body = body(ninjs);
        if (body == null) {
            throw new InvalidArticleException("body",
                    "the ninjs item has no readable bodies, body_text, body_html or descriptions");
        }
        String uri = text(ninjs, "uri");
        String url = uri != null && HTTP_URL.matcher(uri.strip()).matches() ? uri.strip() : null;
        String source = text(ninjs, "copyrightHolder", "copyrightholder");
        return new ArticleSubmitted(
                url,
                headline,
                body,
                source != null ? source : hostOf(url),
                text(ninjs, "firstCreated", "firstcreated", "versionCreated", "versioncreated"),
                text(ninjs, "language"),
                authors(ninjs),
                uri != null ? uri : text(ninjs, "guid"));
    }

    private static String headline(JsonNode ninjs) {
        JsonNode headlines = ninjs.path("headlines");
        for (JsonNode headline : headlines) {
            if ("main".equalsIgnoreCase(text(headline, "role")) && text(headline, "value") != null) {
                return text(headline, "value");
            }
        }
        for (JsonNode headline : headlines) {
            if (text(headline, "value") != null) {
                return text(headline, "value");
            }
        }
        return text(ninjs, "headline", "title");
    }

    private static String body(JsonNode ninjs) {
        String best = null;
        BodyKind bestKind = null;
        for (JsonNode body : ninjs.path("bodies")) {
            String value = text(body, "value");
            BodyKind kind = bodyKind(text(body, "contentType", "contenttype"), text(body, "role"));
            if (value != null && kind != null && (bestKind == null || kind.compareTo(bestKind) < 0)) {
                best = kind == BodyKind.NITF ? nitfBodyContent(value) : value;
                bestKind = kind;
            }
        }
        if (best != null) {
            return best;
        }
        String flatBody = text(ninjs, "body_text", "body_html", "body_xhtml");
        return flatBody != null ? flatBody : description(ninjs);
    }

    private static BodyKind bodyKind(String contentType, String role) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        String rol = role == null ? "" : role.toLowerCase(Locale.ROOT);
        if (type.equals("text/plain")) {
            return BodyKind.PLAIN;
        }
        if (type.contains("nitf") || (type.endsWith("xml") && rol.equals("nitf"))) {
            return BodyKind.NITF;
        }
        if (type.contains("html")) {
            return BodyKind.HTML;
        }
        if (!type.isEmpty()) {
            return null;
        }
        // No media type: the role is all there is to go on; a bare {value} body is the ninjs "simple body".
        if (rol.equals("text") || rol.equals("plain")) {
            return BodyKind.PLAIN;
        }
        if (rol.contains("html")) {
            return BodyKind.HTML;
        }
        return rol.equals("nitf") ? BodyKind.NITF : BodyKind.UNLABELED;
    }

    /** The story part of an NITF document; the whole document when it has no {@code <body.content>}. */
    private static String nitfBodyContent(String nitf) {
        Matcher content = NITF_BODY_CONTENT.matcher(nitf);
        return content.find() && !content.group(1).isBlank() ? content.group(1).strip() : nitf;
    }

    /** Items without a body (event items, short wire alerts) still carry their text as a description. */
    private static String description(JsonNode ninjs) {
        for (JsonNode description : ninjs.path("descriptions")) {
            String role = text(description, "role");
            if ((role == null || role.equalsIgnoreCase("text") || role.equalsIgnoreCase("lead"))
                    && text(description, "value") != null) {
                return text(description, "value");
            }
        }
        return text(ninjs, "description_text", "description_html", "description_xhtml");
    }

    /** Named authors in {@code people} win over the free-text {@code by}/{@code byline} statement. */
    private static List<String> authors(JsonNode ninjs) {
        List<String> authors = new ArrayList<>();
        for (JsonNode person : ninjs.path("people")) {
            String name = text(person, "name", "literal");
            if (name != null && (isAuthorRole(text(person, "rel")) || isAuthorRole(text(person, "role")))) {
                authors.add(name);
            }
        }
        if (!authors.isEmpty()) {
            return List.copyOf(authors);
        }
        String by = text(ninjs, "by", "byline");
        if (by == null) {
            return null;
        }
        String name = BYLINE_PREFIX.matcher(by.strip()).replaceFirst("");
        return name.isBlank() ? null : List.of(name);
    }

    /** Roles may be plain words or vocabulary URIs/QCodes such as {@code nrol:author}. */
    private static boolean isAuthorRole(String role) {
        if (role == null) {
            return false;
        }
        String term = role.substring(Math.max(role.lastIndexOf('/'), role.lastIndexOf(':')) + 1).toLowerCase(Locale.ROOT);
        return term.equals("author") || term.equals("creator");
    }

    private static String hostOf(String url) {
        if (url == null) {
            return null;
        }
        try {
            String host = new URI(url).getHost();
            if (host == null) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The first of the named fields that holds a non-blank string. */
    private static String text(JsonNode node, String... fieldNames) {
        for (String fieldName : fieldNames) {
            JsonNode value = node.path(fieldName);
            if (value.isTextual() && !value.textValue().isBlank()) {
                return value.textValue();
            }
        }
        return null;
    }

    private NinjsArticle() {
    }
}
