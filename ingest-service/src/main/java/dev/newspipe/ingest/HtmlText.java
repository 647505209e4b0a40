package dev.newspipe.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Readable text of an HTML page: one paragraph per block element, paragraphs joined by a blank line. */
public final class HtmlText {

    /** Elements that hold no article text: code, styling, navigation, forms, embeds and photo captions. */
    private static final String NOISE = "script, style, noscript, template, nav, aside, footer, form, button, "
            + "select, iframe, object, embed, svg, canvas, figcaption";

    /** Elements that start and end a paragraph, as a browser would break the line around them. */
    private static final Set<String> BLOCKS = Set.of("address", "article", "blockquote", "body", "br", "caption",
            "dd", "details", "dialog", "div", "dl", "dt", "fieldset", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
            "header", "hgroup", "hr", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead",
            "tfoot", "tr", "ul");

    /** Table cells sit side by side: keep their texts apart with a space, not a paragraph break. */
    private static final Set<String> CELLS = Set.of("td", "th");

    /**
     * An opening or closing tag of a common HTML element, with attribute-shaped contents, or a doctype;
     * a lone "<" in prose, or "<a few words, like this>", does not count.
     */
    static final Pattern TAG = Pattern.compile("<(?:!doctype\\s+html|/?(?:html|head|body|title|meta|link|"
            + "script|style|p|div|span|br|hr|a|b|i|u|em|strong|small|sup|sub|ul|ol|li|dl|dt|dd|h[1-6]|table|thead|"
            + "tbody|tr|td|th|img|picture|source|figure|figcaption|blockquote|pre|code|section|article|header|footer|"
            + "main|nav|aside|iframe|form|input|button|noscript|time)"
            + "(?:\\s+[\\w:@.-]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s\"'<>]+))?)*\\s*/?)>",
            Pattern.CASE_INSENSITIVE);

    public static String toText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document document = Jsoup.parse(html);
        document.select(NOISE).remove();
        ParagraphCollector collector = new ParagraphCollector();
        NodeTraversor.traverse(collector, document.body());
        collector.endParagraph();
        return String.join("\n\n", collector.paragraphs);
    }

    public static boolean looksLikeHtml(String text) {
        if (text == null) {
            return false;
        }
        // A tag starts with '<': finding the first one is far cheaper than running the pattern over plain prose.
        int firstAngle = text.indexOf('<');
        return firstAngle >= 0 && TAG.matcher(text).find(firstAngle);
    }

    /**
     * Runs of white space ({@code \s} and {@code \h} of {@link Pattern}), U+200B and U+FEFF become one space,
     * and the ends are stripped as by {@link String#strip()}. A loop rather than a pattern: it runs for every
     * paragraph of every HTML body.
     */
    static String collapseSpace(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean afterSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = TextNormalizer.isHorizontalSpace(c) || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            if (!space) {
                out.append(c);
            } else if (!afterSpace) {
                out.append(' ');
            }
            afterSpace = space;
        }
        return out.toString().strip();
    }

    /** Gathers text nodes into the current paragraph and closes it at every block boundary. */
    private static final class ParagraphCollector implements NodeVisitor {
        final List<String> paragraphs = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                current.append(text.getWholeText());
            } else {
                boundary(node);
            }
        }

        @Override
        public void tail(Node node, int depth) {
            boundary(node);
        }

        private void boundary(Node node) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (BLOCKS.contains(tag)) {
                    endParagraph();
                } else if (CELLS.contains(tag)) {
                    current.append(' ');
                }
            }
        }

        void endParagraph() {
            String paragraph = collapseSpace(current);
            if (!paragraph.isEmpty()) {
                paragraphs.add(paragraph);
            }
            current.setLength(0);
        }
    }

    private HtmlText() {
    }
}
