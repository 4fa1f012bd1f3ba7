package org.demarche.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.demarche.model.Document;
import org.demarche.model.DocumentMetadata;
import org.demarche.model.OffsetMap;

/**
 * The ingest stage for one file: detect the format, read text and layout, remove chrome,
 * and settle the metadata (manifest first, then the file's own, then what the text shows).
 * Thread-safe: one instance serves every worker.
 */
public final class DocumentIngester {

    /** A stage-wide cap on extracted text: a file that expands beyond it is refused. */
    public static final int DEFAULT_MAX_CHARS = 20_000_000;

    private static final Set<String> MARKDOWN = Set.of("text/x-web-markdown", "text/markdown", "text/x-markdown");
    private static final Set<String> TIKA_TEXT = Set.of("text/html", "application/xhtml+xml", "text/rtf");
    private static final Set<String> ARCHIVES = Set.of("application/zip", "application/gzip", "application/x-gzip",
            "application/x-tar", "application/x-7z-compressed", "application/x-rar-compressed", "application/x-bzip2",
            "application/x-xz", "application/java-archive");

    private final Detector detector = TikaConfig.getDefaultConfig().getDetector();
    private final TikaReader tika;

    public DocumentIngester() {
        this(DEFAULT_MAX_CHARS);
    }

    public DocumentIngester(int maxChars) {
        this.tika = new TikaReader(maxChars);
    }

    /**
     * @param file     the file's base name (format hints come from its extension)
     * @param source   the path it was read from
     * @param bytes    its content
     * @param hash     SHA-256 of the content
     * @param manifest what the manifest says about it (may be {@link DocumentMetadata#EMPTY})
     */
    public Document ingest(String file, String source, byte[] bytes, String hash, DocumentMetadata manifest)
            throws IngestException {
        if (bytes.length == 0) {
            throw new IngestException("empty file (0 bytes)");
        }
        String type = detect(bytes, file);
        ExtractedText x = read(bytes, file, type);
        String language = firstNonBlank(manifest.language(), x.fileMetadata().language(), "en");
        String knownTitle = firstNonBlank(manifest.title(), x.fileMetadata().title(), null);
        List<String> warnings = new ArrayList<>(x.warnings());
        // two columns read across as one: what later stages read is the text rejoined in reading order;
        // the original stays as it was, and offsets are mapped back to it
        String read = x.original();
        List<Block> blocks = x.blocks();
        OffsetMap toOriginal = null;
        ColumnDetector.Finding columns = ColumnDetector.detect(x.original());
        if (columns != null && columns.lines() > ColumnRepair.MAX_LINES) {
            warnings.add(columns.warning() + String.format(": not rejoined, it is longer than %,d lines", ColumnRepair.MAX_LINES));
        } else if (columns != null) {
            ColumnRepair.Result repaired = ColumnRepair.repair(x.original(), columns.width());
            warnings.add(columns.warning() + String.format(": they were separated (%d lines cut in two) and rejoined in "
                    + "reading order from %d runs; the original text is kept, and offsets point into it",
                    repaired.splitLines(), repaired.pieces()));
            read = repaired.text();
            blocks = PlainTextReader.blocks(read);
            toOriginal = repaired.toOriginal();
        }
        BoilerplateCleaner.Result cleaned = BoilerplateCleaner.clean(read, blocks, knownTitle, language);
        if (cleaned.text().isBlank()) {
            throw new IngestException("no text left once page chrome is removed");
        }
        if (cleaned.boilerplateChars() > cleaned.text().length()) {
            warnings.add("most of the text (" + cleaned.boilerplateChars() + " characters) was page chrome and was removed");
        }
        DocumentMetadata inferred = MetadataInferrer.infer(cleaned.kept());
        DocumentMetadata defaults = new DocumentMetadata(null, null, null, null, null, null, null, null, null, language);
        DocumentMetadata metadata = manifest.orElse(x.fileMetadata()).orElse(inferred).orElse(defaults);
        OffsetMap offsets = toOriginal == null ? cleaned.offsets() : cleaned.offsets().then(toOriginal);
        return new Document(file, source, hash, bytes.length, type, x.charset(), metadata, x.original(),
                cleaned.text(), cleaned.boilerplateChars(), warnings, offsets);
    }

    /** The format of a file, from its bytes first and its name second. */
    public String detect(byte[] bytes, String file) throws IngestException {
        Metadata m = new Metadata();
        m.set(TikaCoreProperties.RESOURCE_NAME_KEY, file);
        try (TikaInputStream in = TikaInputStream.get(bytes)) {
            return detector.detect(in, m).getBaseType().toString();
        } catch (IOException e) {
            throw new IngestException("cannot detect the format: " + e.getMessage(), e);
        }
    }

    private ExtractedText read(byte[] bytes, String file, String type) throws IngestException {
        if (TIKA_TEXT.contains(type) || type.equals("application/rtf")) {
            // HTML and RTF are text: bytes that do not decode as text were only named so (random bytes called
            // .html are detected by their name), and are refused as they are under any other name
            TextDecoder.decode(bytes);
            return tika.read(bytes, file, type);
        }
        if (type.startsWith("text/")) {
            TextDecoder.Decoded d = TextDecoder.decode(bytes);
            String text = d.text().replace("\r\n", "\n").replace('\r', '\n');
            boolean markdown = MARKDOWN.contains(type) || MarkdownReader.looksLikeMarkdown(text);
            List<Block> blocks = markdown ? MarkdownReader.blocks(text) : PlainTextReader.blocks(text);
            if (blocks.isEmpty()) {
                throw new IngestException("no text (the file holds only white space)");
            }
            return new ExtractedText(text, blocks, DocumentMetadata.EMPTY, markdown ? "text/markdown" : "text/plain",
                    d.charset(), d.warnings());
        }
        if (type.equals("application/octet-stream")) {
            throw new IngestException("binary data of no known document format");
        }
        if (ARCHIVES.contains(type)) {
            throw new IngestException("an archive (" + type + "): unpack it and ingest the folder");
        }
        if (type.startsWith("image/") || type.startsWith("audio/") || type.startsWith("video/")) {
            throw new IngestException("no text to read in " + type + " (OCR and transcription are not supported)");
        }
        ExtractedText x = tika.read(bytes, file, type);
        return type.equals("application/pdf") ? inColumns(x, bytes) : x;
    }

    /**
     * A PDF read again from its glyphs' positions: when a page is set in columns, the columns come
     * out one after the other instead of line by line across the page (Tika's order). Tika's
     * reading stays the one used when the PDF has no columns or its layout cannot be read.
     */
    private static ExtractedText inColumns(ExtractedText x, byte[] bytes) {
        PdfColumnReader.Result columns;
        try {
            columns = PdfColumnReader.read(bytes);
        } catch (IOException | RuntimeException e) {
            return x; // Tika could read it: its text stands
        }
        if (columns.columnPages() == 0 || columns.text().isBlank()) {
            return x;
        }
        return new ExtractedText(columns.text(), PlainTextReader.blocks(columns.text()), x.fileMetadata(), x.mediaType(),
                x.charset(), x.warnings());
    }

    private static String firstNonBlank(String a, String b, String c) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : c;
    }
}
