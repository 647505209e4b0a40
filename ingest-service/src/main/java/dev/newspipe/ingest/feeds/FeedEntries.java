package dev.newspipe.ingest.feeds;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import dev.newspipe.events.ArticleSubmitted;

/** RSS 2.0 and Atom entries as article submissions: link as URL, content (or summary) as body. */
public final class FeedEntries {

    public static List<ArticleSubmitted> parse(byte[] document, String feedUrl) throws FeedFetcher.FeedFetchException {
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false); // no DTDs, so no external entities
            feed = input.build(new XmlReader(new ByteArrayInputStream(document)));
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new FeedFetcher.FeedFetchException("not an RSS or Atom feed: " + e.getMessage());
        }
        String source = feed.getTitle() != null && !feed.getTitle().isBlank() ? feed.getTitle().strip() : hostOf(feedUrl);
        List<ArticleSubmitted> articles = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            Date published = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
            articles.add(new ArticleSubmitted(
                    link(entry, feedUrl),
                    entry.getTitle(),
                    body(entry),
                    source,
                    published == null ? null : published.toInstant().toString(),
                    feed.getLanguage(),
                    authors(entry),
                    entry.getUri()));
        }
        return articles;
    }

    private static String link(SyndEntry entry, String feedUrl) {
        String link = entry.getLink();
        if (link == null || link.isBlank()) {
            link = entry.getUri();
        }
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            return URI.create(feedUrl).resolve(link.strip()).toString();
        } catch (IllegalArgumentException e) {
            return link.strip();
        }
    }

    private static String body(SyndEntry entry) {
        for (SyndContent content : entry.getContents()) {
            if (content.getValue() != null && !content.getValue().isBlank()) {
                return content.getValue();
            }
        }
        return entry.getDescription() == null ? null : entry.getDescription().getValue();
    }

    private static List<String> authors(SyndEntry entry) {
        List<String> names = new ArrayList<>();
        for (SyndPerson person : entry.getAuthors()) {
            if (person.getName() != null && !person.getName().isBlank()) {
                names.add(person.getName());
            }
        }
        if (names.isEmpty() && entry.getAuthor() != null && !entry.getAuthor().isBlank()) {
            names.add(entry.getAuthor());
        }
        return names.isEmpty() ? null : names;
    }

    private static String hostOf(String url) {
        String host = URI.create(url).getHost();
        return host != null && host.startsWith("www.") ? host.substring(4) : host;
    }

    private FeedEntries() {
    }
}
