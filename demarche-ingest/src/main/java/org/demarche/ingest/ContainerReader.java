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
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.demarche.model.DocumentMetadata;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcPayload;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.xml.sax.InputSource;

/**
 * Files that hold many documents: web archives (WARC, WARC.gz, read with jwarc) and RSS or Atom
 * feeds saved to disk (read with Rome). Each captured page or feed item becomes one document, with
 * the record's URL, date and title as metadata. A broken record ends the reading of its file, not
 * the batch: what was read before it is kept, and the problem is reported with the record's number.
 */
public final class ContainerReader {

    public enum Kind { WARC, FEED }

    /**
     * One document inside a container.
     *
     * @param key  stable within its container: the record's number in a WARC (archives do not change),
     *             the item's id or link in a feed (a feed saved again has new items on top)
     */
    public record Item(String key, byte[] bytes, DocumentMetadata metadata) {}

    /** Receives items and problems in file order. */
    public interface Sink {
        void item(Item item);

        void problem(String where, String reason);

        /** A record that is not a document (an image, a script, a redirect): passed over, counted. */
        default void skipped() {}
    }

    /** Payload types read as documents; an archive's images, scripts and styles are not. */
    private static final Set<String> DOCUMENT_TYPES = Set.of("text/html", "application/xhtml+xml", "text/plain",
            "application/pdf", "application/rtf", "text/rtf", "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    private static final Pattern FEED_ROOT = Pattern.compile("<(rss|feed|rdf:RDF)[\\s>]");

    private ContainerReader() {}

    /** What kind of container this file is, from its name and first bytes; empty for a single document. */
    public static Optional<Kind> kind(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".warc") || name.endsWith(".warc.gz")) {
            return Optional.of(Kind.WARC);
        }
        if (name.endsWith(".rss") || name.endsWith(".atom") || name.endsWith(".xml") || name.endsWith(".feed")) {
            byte[] head = new byte[2048];
            int n;
            try (InputStream in = Files.newInputStream(file)) {
                n = in.readNBytes(head, 0, head.length);
            } catch (IOException e) {
                return Optional.empty(); // the single-document path reports it
            }
            String text = new String(head, 0, n, StandardCharsets.UTF_8);
            if (FEED_ROOT.matcher(text).find()) {
                return Optional.of(Kind.FEED);
            }
        }
        return Optional.empty();
    }

    /** Reads the file's documents into the sink; maxItemBytes bounds one item, not the file. */
    public static void read(Path file, Kind kind, long maxItemBytes, Sink sink) throws IOException {
        if (kind == Kind.WARC) {
            readWarc(file, maxItemBytes, sink);
        } else {
            readFeed(file, maxItemBytes, sink);
        }
    }

    private static void readWarc(Path file, long maxItemBytes, Sink sink) throws IOException {
        int number = 0;
        try (WarcReader reader = new WarcReader(file)) {
            while (true) {
                Optional<WarcRecord> next;
                try {
                    next = reader.next();
                } catch (IOException | RuntimeException e) {
                    sink.problem("record " + (number + 1), "unreadable, the rest of the archive is skipped: " + oneLine(e));
                    return;
                }
                if (next.isEmpty()) {
                    return;
                }
                number++;
                WarcRecord record = next.get();
                try {
                    warcRecord(record, number, maxItemBytes, sink);
                } catch (IOException | RuntimeException e) {
                    sink.problem("record " + number, "unreadable, the rest of the archive is skipped: " + oneLine(e));
                    return;
                }
            }
        }
    }

    private static void warcRecord(WarcRecord record, int number, long maxItemBytes, Sink sink) throws IOException {
        String url;
        Optional<WarcPayload> payload;
        if (record instanceof WarcResponse r) {
            if (r.contentType().base().toString().startsWith("application/http") && r.http().status() != 200) {
                sink.skipped();
                return;
            }
            url = r.target();
            payload = r.payload();
        } else if (record instanceof WarcResource r) {
            url = r.target();
            payload = r.payload();
        } else {
            return; // warcinfo, request, metadata, revisit: no document of their own
        }
        if (payload.isEmpty() || !DOCUMENT_TYPES.contains(baseType(payload.get().type()))) {
            sink.skipped();
            return;
        }
        byte[] bytes;
        try (InputStream in = payload.get().body().stream()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxItemBytes + 1));
        }
        if (bytes.length > maxItemBytes) {
            sink.problem("record " + number + " (" + url + ")", String.format("too large: over %,d bytes", maxItemBytes));
            return;
        }
        if (record.truncated() != null && record.truncated() != WarcTruncationReason.NOT_TRUNCATED) {
            sink.problem("record " + number + " (" + url + ")", "the capture was cut short (" + record.truncated()
                    + "): kept as it is");
        }
        String date = record.date() == null ? null : record.date().atZone(ZoneOffset.UTC).toLocalDate().toString();
        sink.item(new Item(Integer.toString(number), bytes,
                new DocumentMetadata(url, null, date, null, null, null, null, null, null, null)));
    }

    private static String baseType(MediaType type) {
        return type == null ? "" : type.base().toString().toLowerCase(Locale.ROOT);
    }

    private static void readFeed(Path file, long maxItemBytes, Sink sink) throws IOException {
        SyndFeed feed;
        try (InputStream in = Files.newInputStream(file)) {
            SyndFeedInput input = new SyndFeedInput(); // refuses DOCTYPEs: no external entities are read
            feed = input.build(new InputSource(in));
        } catch (FeedException | IllegalArgumentException e) {
            throw new IOException("not a readable feed: " + oneLine(e), e);
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

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return m.replaceAll("\\s+", " ");
    }
}
