package org.demarche.ingest;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.demarche.model.DocumentMetadata;
import org.xml.sax.InputSource;

/**
 * RSS and Atom feeds saved to disk (read with Rome), a container: each item becomes one document, with its
 * URL, date, title, author and the feed's title as metadata.
 */
final class FeedReader implements FormatReader {

    private static final Pattern FEED_ROOT = Pattern.compile("<(rss|feed|rdf:RDF)[\\s>]");

    /** A feed by its name, and by its root element: a .xml file is often something else. */
    @Override
    public boolean reads(Input input) {
        String name = input.lowerName();
        if (input.file() == null || !(name.endsWith(".rss") || name.endsWith(".atom") || name.endsWith(".xml")
                || name.endsWith(".feed"))) {
            return false;
        }
        return FEED_ROOT.matcher(new String(input.head(), StandardCharsets.UTF_8)).find();
    }

    @Override
    public void read(Input input, Sink sink) throws IOException {
        long maxItemBytes = input.maxItemBytes();
        SyndFeed feed;
        try (InputStream in = Files.newInputStream(input.file())) {
            SyndFeedInput feeds = new SyndFeedInput(); // refuses DOCTYPEs: no external entities are read
            feed = feeds.build(new InputSource(in));
        } catch (FeedException | IllegalArgumentException e) {
            throw new IOException("not a readable feed: " + IngestException.oneLine(e), e);
        }
        Set<String> seen = new HashSet<>();
        int number = 0;
        for (SyndEntry entry : feed.getEntries()) {
            number++;
            String url = blankToNull(entry.getLink());
            String key = firstNonBlank(entry.getUri(), url, Integer.toString(number));
            if (!seen.add(key)) {
                key = key + "~" + number; // the same id twice in one feed: keep both
            }
            String body = entryBody(entry);
            if (body == null || body.isBlank()) {
                sink.problem("item " + number + (url == null ? "" : " (" + url + ")"), "has no text");
                continue;
            }
            String title = blankToNull(entry.getTitle());
            // an item's text is HTML (or text) without a page around it: given one, so that the HTML reader
            // takes the title and the cleaner the paragraphs; the item's own markup stays data
            String page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>"
                    + (title == null ? "" : escape(title)) + "</title></head><body><article>"
                    + (title == null ? "" : "<h1>" + escape(title) + "</h1>") + body + "</article></body></html>";
            byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > maxItemBytes) {
                sink.problem("item " + number, String.format("too large: %,d bytes", bytes.length));
                continue;
            }
            Date when = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
            String date = when == null ? null : when.toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString();
            String author = blankToNull(entry.getAuthor());
            String publisher = blankToNull(feed.getTitle());
            sink.item(new Item(key, bytes, new DocumentMetadata(url, title, date, publisher, author, null, null, null,
                    null, null)));
        }
    }

    /** The item's full content if it has one, else its description; plain text is escaped into HTML. */
    private static String entryBody(SyndEntry entry) {
        StringBuilder sb = new StringBuilder();
        for (SyndContent c : entry.getContents()) {
            appendContent(sb, c);
        }
        if (sb.length() == 0 && entry.getDescription() != null) {
            appendContent(sb, entry.getDescription());
        }
        return sb.toString();
    }

    private static void appendContent(StringBuilder sb, SyndContent c) {
        if (c.getValue() == null) {
            return;
        }
        String type = c.getType() == null ? "html" : c.getType().toLowerCase(Locale.ROOT);
        if (type.contains("html")) {
            sb.append(c.getValue());
        } else {
            for (String para : c.getValue().split("\\n\\s*\\n")) {
                sb.append("<p>").append(escape(para.strip())).append("</p>");
            }
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
