package org.demarche.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.demarche.model.Document;
import org.demarche.model.DocumentMetadata;

/**
 * The reading half of an ingest: finds the files, decides what changed since the workspace last read them,
 * opens containers (web archives, feeds: a document per record), fingerprints and hashes, and reads each new
 * or changed document with the DocumentIngester. It writes nothing and knows no store: what the workspace
 * holds comes in as a map, and every source read goes to a {@link Sink} (the pipeline's writer, the Spark
 * job's tables). Thread-safe: one instance serves every worker.
 *
 * <p>Idempotency: a path whose size, modification time and fingerprint (manifest facts, versions) match what
 * the workspace remembers is not even read; otherwise its SHA-256 decides.
 */
public final class CorpusReader {

    /**
     * Bump when ingest changes what it stores: documents ingested by an older version are redone.
     */
    public static final String PIPELINE_VERSION = "ingest-4";

    /**
     * What the workspace remembers of a source: enough to recognise it unchanged without reading it (size and
     * modification time) or after reading it (hash), and to tell whether the facts that shaped its records
     * changed (fingerprint). A container's records are under "path#key".
     */
    public record Seen(String hash, String fingerprint, long size, long modified) {}

    /** What became of one source: a file, or one record of a container, whose source is "path#key". */
    public sealed interface Source permits Unchanged, Failed, Read {
        /** The file it is, or is in. */
        Path file();

        String source();
    }

    /** Stored already, as it is now: not read again. Size and time are the file's now. */
    public record Unchanged(Path file, String source, String fingerprint, long size, long modified) implements Source {}

    /** Could not be read; what was stored of it before stays. */
    public record Failed(Path file, String source, String reason) implements Source {}

    /** New or changed, read and cleaned. */
    public record Read(Path file, String source, Document document, String fingerprint, long size, long modified)
            implements Source {}

    /** Receives the sources of a file, in file order, on the thread that reads it. */
    public interface Sink {
        void accept(Source source) throws InterruptedException;
    }

    /** What became of a file as a whole (a container's last record), and the bytes read of it. */
    public enum Status { READ, UNCHANGED, FAILED }

    public record FileRead(Status status, long bytes) {}

    private final DocumentIngester ingester;
    private final long maxFileBytes;
    private final String extraction;
    private final NavigableMap<String, Seen> known;
    private final LongAdder readNanos = new LongAdder();

    /**
     * @param maxFileBytes a larger file (or container record) is refused
     * @param extraction   the version of what later stages find, part of every fingerprint ("none" without)
     * @param known        what the workspace holds, by source
     */
    public CorpusReader(DocumentIngester ingester, long maxFileBytes, String extraction, NavigableMap<String, Seen> known) {
        this.ingester = ingester;
        this.maxFileBytes = maxFileBytes;
        this.extraction = extraction;
        this.known = known;
    }

    /** The files to read under the inputs (see SourceFinder). */
    public static SourceFinder.Found find(List<Path> inputs, Manifest manifest, boolean allFiles) {
        return SourceFinder.find(inputs, manifest, allFiles);
    }

    /** Time spent reading and cleaning documents so far, summed over threads. */
    public Duration readTime() {
        return Duration.ofNanos(readNanos.sum());
    }

    /**
     * Reads one file: its source (or each of a container's) to the sink, whatever happens; never throws for
     * what is in the file.
     */
    public FileRead read(Path path, DocumentMetadata meta, Sink sink) throws InterruptedException {
        Status last = Status.FAILED;
        long size = 0;
        try {
            FormatReader.Input input = FormatReader.Input.file(path, maxFileBytes);
            Optional<FormatReader> container = ingester.formats().container(input);
            if (container.isPresent()) {
                last = container(path, input, container.get(), meta, sink);
                size = last == Status.UNCHANGED ? 0 : sizeOf(path);
            } else {
                Source r = file(path, meta);
                last = status(r);
                size = r instanceof Read read ? read.size() : 0; // bytes read, for progress
                sink.accept(r);
            }
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError | AssertionError e) {
            // AssertionError: a parser's own check failing on a broken file (Tika's RTF reader does) is that file's failure
            sink.accept(new Failed(path, path.toString(), "failed: " + e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
        return new FileRead(last, size);
    }

    /**
     * A web archive or feed: each record is a document of its own. A file unchanged since the last run
     * (size, time and facts, as recorded with each of its records) is not read; otherwise each record's
     * hash decides, so a feed saved again with two new items adds two documents.
     */
    private Status container(Path path, FormatReader.Input input, FormatReader reader, DocumentMetadata meta, Sink sink)
            throws InterruptedException {
        String fingerprint = fingerprint(meta);
        String prefix = path + "#";
        Map<String, Seen> before = known.subMap(prefix, true, prefix + Character.MAX_VALUE, true);
        Stamp stamp;
        try {
            stamp = Stamp.of(path);
        } catch (IOException e) {
            sink.accept(new Failed(path, path.toString(), "cannot read: " + e.getMessage()));
            return Status.FAILED;
        }
        long size = stamp.size();
        long modified = stamp.modified();
        if (!before.isEmpty() && before.values().stream().allMatch(s -> s.fingerprint().equals(fingerprint)
                && s.size() == size && s.modified() == modified)) {
            for (String source : before.keySet()) {
                sink.accept(new Unchanged(path, source, fingerprint, size, modified));
            }
            return Status.UNCHANGED;
        }
        Status[] last = {Status.UNCHANGED};
        String name = path.getFileName().toString();
        try {
            reader.read(input, new FormatReader.Sink() {
                @Override
                public void text(ExtractedText text) {
                    throw new IllegalStateException(reader.getClass().getSimpleName() + " read a container as one text");
                }

                @Override
                public void item(FormatReader.Item item) {
                    String source = prefix + item.key();
                    Seen previous = before.get(source);
                    String hash = sha256(item.bytes());
                    Source r;
                    if (previous != null && previous.fingerprint().equals(fingerprint) && previous.hash().equals(hash)) {
                        r = new Unchanged(path, source, fingerprint, size, modified);
                    } else {
                        r = document(path, source, name + "#" + item.key(), item.bytes(), hash,
                                item.metadata().orElse(meta), fingerprint, size, modified);
                    }
                    last[0] = status(r);
                    put(sink, r);
                }

                @Override
                public void problem(String where, String reason) {
                    put(sink, new Failed(path, prefix + where, where + ": " + reason));
                }
            });
        } catch (IOException | IngestException e) {
            sink.accept(new Failed(path, path.toString(), e.getMessage()));
            return Status.FAILED;
        }
        return last[0];
    }

    private static void put(Sink sink, Source s) {
        try {
            sink.accept(s);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    /** A file of one document: recognised unchanged, or read. */
    private Source file(Path path, DocumentMetadata meta) {
        String fingerprint = fingerprint(meta);
        Seen previous = known.get(path.toString());
        Stamp stamp;
        try {
            stamp = Stamp.of(path);
        } catch (NoSuchFileException e) {
            return failed(path, "the file was deleted before it could be read");
        } catch (IOException e) {
            return failed(path, "cannot read: " + e.getMessage());
        }
        long size = stamp.size();
        long modified = stamp.modified();
        boolean sameFacts = previous != null && previous.fingerprint().equals(fingerprint);
        if (sameFacts && previous.size() == size && previous.modified() == modified) {
            return new Unchanged(path, path.toString(), fingerprint, size, modified);
        }
        if (size > maxFileBytes) {
            return failed(path, String.format("too large: %,d bytes (the limit is %,d; raise it with --max-file-size)",
                    size, maxFileBytes));
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return failed(path, "the file was deleted before it could be read");
        } catch (IOException | OutOfMemoryError e) {
            return failed(path, "cannot read: " + e.getMessage());
        }
        String hash = sha256(bytes);
        if (sameFacts && previous.hash().equals(hash)) {
            return new Unchanged(path, path.toString(), fingerprint, bytes.length, modified);
        }
        return document(path, path.toString(), path.getFileName().toString(), bytes, hash, meta, fingerprint,
                bytes.length, modified);
    }

    /** A file's size and time, which say whether it changed since it was last read. */
    private record Stamp(long size, long modified) {
        static Stamp of(Path path) throws IOException {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            return new Stamp(a.size(), a.lastModifiedTime().toMillis());
        }
    }

    /** Reads and cleans one document's bytes; never throws for what is in them. */
    private Source document(Path path, String source, String name, byte[] bytes, String hash, DocumentMetadata meta,
                            String fingerprint, long size, long modified) {
        try {
            long t0 = System.nanoTime();
            Document d = ingester.ingest(name, source, bytes, hash, meta);
            readNanos.add(System.nanoTime() - t0);
            return new Read(path, source, d, fingerprint, size, modified);
        } catch (IngestException e) {
            return new Failed(path, source, e.getMessage());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // a parser bug on one hostile file must not end the batch
            return new Failed(path, source, "extraction failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static Failed failed(Path path, String reason) {
        return new Failed(path, path.toString(), reason);
    }

    private static Status status(Source s) {
        return s instanceof Read ? Status.READ : s instanceof Unchanged ? Status.UNCHANGED : Status.FAILED;
    }

    /** This reader's fingerprint of a document's facts: the manifest's and the extraction version. */
    private String fingerprint(DocumentMetadata meta) {
        return fingerprint(meta, extraction);
    }

    /** What besides the bytes decides a document's records: the manifest's facts and the pipeline version. */
    public static String fingerprint(DocumentMetadata m, String extraction) {
        String facts = String.join("\u0001", PIPELINE_VERSION, extraction, String.valueOf(m.url()), String.valueOf(m.title()),
                String.valueOf(m.published()), String.valueOf(m.publisher()), String.valueOf(m.author()),
                String.valueOf(m.speaker()), String.valueOf(m.speakerKind()), String.valueOf(m.speakerRole()),
                String.valueOf(m.speakerFor()), String.valueOf(m.language()));
        return sha256(facts.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file's size, 0 when it cannot be read. */
    public static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
