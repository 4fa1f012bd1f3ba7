package org.demarche.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.EmptyParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.html.HtmlMapper;
import org.demarche.model.DocumentMetadata;
import org.xml.sax.SAXException;

/**
 * Extracts text and layout blocks from formats that are not plain text (HTML, PDF, DOCX,
 * ODT, RTF…) with Apache Tika. Embedded documents (images, attachments) are not parsed:
 * they carry no statements and are where decompression bombs hide.
 *
 * <p>As a {@link FormatReader} it is the last one asked: it takes every document the others did not.
 */
final class TikaReader implements FormatReader {

    /**
     * Formats that are text underneath: bytes that do not decode as text were only named so (random bytes
     * called .html are detected by their name), and are refused as they are under any other name.
     */
    static final Set<String> TEXT_TYPES = Set.of("text/html", "application/xhtml+xml", "text/rtf", "application/rtf");

    private static final Pattern ISO_DATE = Pattern.compile("^\\d{4}(-\\d{2}(-\\d{2})?)?");

    private final AutoDetectParser parser = new AutoDetectParser(); // stateless: shared by all threads
    private final int maxChars;

    TikaReader(int maxChars) {
        this.maxChars = maxChars;
    }

    @Override
    public boolean reads(Input input) {
        return input.mediaType() != null;
    }

    @Override
    public void read(Input input, Sink sink) throws IngestException {
        if (TEXT_TYPES.contains(input.mediaType())) {
            input.text();
        }
        sink.text(read(input.bytes(), input.name(), input.mediaType()));
    }

    ExtractedText read(byte[] bytes, String fileName, String mediaType) throws IngestException {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        ParseContext context = new ParseContext();
        context.set(HtmlMapper.class, StructureHtmlMapper.INSTANCE);
        context.set(Parser.class, new EmptyParser());
        BlockCollector collector = new BlockCollector(maxChars);
        try (TikaInputStream in = TikaInputStream.get(bytes)) {
            parser.parse(in, collector, metadata, context);
        } catch (EncryptedDocumentException e) {
            throw new IngestException("encrypted document: it needs a password", e);
        } catch (ZeroByteFileException e) {
            throw new IngestException("empty file", e);
        } catch (BlockCollector.TooMuchText e) {
            throw new IngestException(e.getMessage(), e);
        } catch (SAXException e) {
            throw new IngestException("cannot parse " + mediaType + ": " + firstLine(e), e);
        } catch (TikaException e) {
            throw new IngestException(describe(e, mediaType), e);
        } catch (IOException | RuntimeException e) {
            throw new IngestException("cannot parse " + mediaType + " (truncated or corrupt?): " + firstLine(e), e);
        }
        List<String> warnings = new ArrayList<>();
        if (collector.text().isBlank()) {
            throw new IngestException("no text in " + mediaType + " (scanned images, or an empty document)");
        }
        return new ExtractedText(collector.text(), collector.blocks(), fileMetadata(metadata), mediaType, null, warnings);
    }

    private static String describe(TikaException e, String mediaType) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase();
            // Tika's SecureContentHandler and POI's ZipSecureFile and record-size guards all stop a bomb
            if (m.contains("zip bomb") || m.contains("compression ratio") || m.contains("inflate ratio")
                    || m.contains("maximum length for this record type")) {
                return "suspected decompression bomb: " + firstLine(t);
            }
            if (t instanceof EncryptedDocumentException || m.contains("encrypt")) {
                return "encrypted document: it needs a password";
            }
            if (t instanceof BlockCollector.TooMuchText) {
                return t.getMessage();
            }
        }
        return "cannot parse " + mediaType + " (truncated or corrupt?): " + firstLine(e);
    }

    private static String firstLine(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return m.lines().findFirst().orElse(m).strip();
    }

    private static DocumentMetadata fileMetadata(Metadata m) {
        String title = first(m, TikaCoreProperties.TITLE.getName(), "og:title", "dc:title");
        String author = first(m, TikaCoreProperties.CREATOR.getName(), "author", "article:author", "dc:creator");
        String published = isoDate(first(m, "article:published_time", "og:article:published_time", "date",
                "dc.date", "DC.date.issued", TikaCoreProperties.CREATED.getName()));
        String publisher = first(m, "og:site_name", TikaCoreProperties.PUBLISHER.getName());
        String url = first(m, "og:url", "canonical");
        String language = first(m, TikaCoreProperties.LANGUAGE.getName(), "Content-Language");
        if (language != null) {
            language = language.strip().toLowerCase();
            language = language.length() >= 2 ? language.substring(0, 2) : null;
        }
        return new DocumentMetadata(url, title, published, publisher, author, null, null, null, null, language);
    }

    private static String first(Metadata m, String... names) {
        for (String n : names) {
            String v = m.get(n);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static String isoDate(String s) {
        if (s == null) {
            return null;
        }
        var match = ISO_DATE.matcher(s.strip());
        return match.find() ? match.group() : null;
    }
}
