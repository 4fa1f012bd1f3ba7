package org.demarche.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.demarche.model.Document;
import org.demarche.model.DocumentMetadata;
import org.demarche.model.OffsetMap;

/**
 * The ingest stage for one file: detect the format, read text and layout (with the format's reader,
 * FormatReaders), remove chrome, and settle the metadata (manifest first, then the file's own, then what
 * the text shows).
 * Thread-safe: one instance serves every worker.
 */
public final class DocumentIngester {

    /** A stage-wide cap on extracted text: a file that expands beyond it is refused. */
    public static final int DEFAULT_MAX_CHARS = 20_000_000;

    private final Detector detector = TikaConfig.getDefaultConfig().getDetector();
    private final FormatReaders formats;

    public DocumentIngester() {
        this(DEFAULT_MAX_CHARS);
    }

    public DocumentIngester(int maxChars) {
        this.formats = FormatReaders.standard(maxChars);
    }

    /** The formats this ingester reads, containers included (CorpusReader opens those). */
    public FormatReaders formats() {
        return formats;
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

    /** The text and layout of a document, by the reader of its format. */
    private ExtractedText read(byte[] bytes, String file, String type) throws IngestException {
        return formats.text(FormatReader.Input.document(file, bytes, type));
    }

    private static String firstNonBlank(String a, String b, String c) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : c;
    }
}
