package org.demarche.pipeline;

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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import org.demarche.ingest.ContainerReader;
import org.demarche.ingest.DocumentIngester;
import org.demarche.ingest.IngestException;
import org.demarche.ingest.Manifest;
import org.demarche.ingest.SourceFinder;
import org.demarche.model.Document;
import org.demarche.model.DocumentMetadata;
import org.demarche.model.Extraction;
import org.demarche.pipeline.IngestListener.Outcome;
import org.demarche.store.SourceState;
import org.demarche.search.SearchIndex;
import org.demarche.stance.Codebook;
import org.demarche.store.Workspace;

/**
 * Runs ingest over a batch. Reading and extraction run in parallel on worker threads; this
 * thread is the only one that writes, in small transactions, so every committed document is
 * safe whatever happens next, and a failure in one file never touches another.
 *
 * <p>Idempotency: a path whose size, modification time and manifest facts match what the
 * workspace remembers is not even read; otherwise its SHA-256 decides. A changed file
 * replaces its old document and, by cascade, everything derived from it.
 */
public final class IngestRunner {

    /**
     * Bump when ingest changes what it stores: documents ingested by an older version are redone.
     */
    public static final String PIPELINE_VERSION = "ingest-4";

    /** A stage after ingest that reads a document and finds actors, statements, roles and events in it. */
    public interface Extractor {
        Extraction extract(Document document);

        /** Part of every document's fingerprint: a new version redoes the documents. */
        String version();
    }

    /**
     * Set in the transaction that stores a run's first new document, cleared once its actors are merged: a run
     * killed in between leaves it, and the next reader or writer finishes the merge (never dangling actors).
     */
    public static final String MERGE_PENDING = Workspace.MERGE_PENDING;
    private boolean mergeFlagged;

    /** How the run behaves. */
    public record Options(int threads, long maxFileBytes, boolean allFiles, int batchSize, long batchMillis) {
        public static Options defaults() {
            return new Options(Runtime.getRuntime().availableProcessors(), 64L << 20, false, 64, 250);
        }

        public Options withThreads(int n) {
            return new Options(n, maxFileBytes, allFiles, batchSize, batchMillis);
        }

        public Options withMaxFileBytes(long n) {
            return new Options(threads, n, allFiles, batchSize, batchMillis);
        }

        public Options withAllFiles(boolean b) {
            return new Options(threads, maxFileBytes, b, batchSize, batchMillis);
        }

        public Options withBatch(int size, long millis) {
            return new Options(threads, maxFileBytes, allFiles, size, millis);
        }
    }

    /**
     * What a worker hands the writer for one document: a file's, or one record's of a container file
     * (a web archive, a feed), whose source is the file's path, "#" and the record's key.
     */
    private record Result(Path path, String source, Outcome outcome, Document document, Extraction extraction,
                          String fingerprint, long size, long modified, String failure, SourceState previous) {}

    /** A worker has finished a file: every Result of it is in the queue before this. */
    private record FileDone(Path path, long size, Outcome outcome) {}

    private final Workspace workspace;
    private final DocumentIngester ingester;
    private final Options options;
    private final Extractor extractor;
    private final long extractionMillis;
    private final ExecutorService extraction;
    private Codebook codebook;
    /** Time per stage, summed over the threads that ran it (nanoseconds): for the benchmark. */
    private final Map<String, LongAdder> clock = new LinkedHashMap<>();

    /** Ingest only: documents are read, cleaned and stored, nothing is extracted. */
    public IngestRunner(Workspace workspace, DocumentIngester ingester, Options options) {
        this(workspace, ingester, options, null, 0);
    }

    /**
     * Ingest, then extraction, each document on the worker that read it.
     *
     * @param extractionMillis a document whose extraction takes longer is stored without it, with a warning
     */
    public IngestRunner(Workspace workspace, DocumentIngester ingester, Options options, Extractor extractor,
                        long extractionMillis) {
        this.workspace = workspace;
        this.ingester = ingester;
        this.options = options;
        this.extractor = extractor;
        this.extractionMillis = extractionMillis;
        for (String stage : List.of("read and clean", "extract", "store", "merge actors", "stances", "index")) {
            clock.put(stage, new LongAdder());
        }
        this.extraction = extractor == null ? null : Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "demarche-extract");
            t.setDaemon(true);
            return t;
        });
    }

    /** Time spent per stage so far, summed over threads: read and clean, extract, store, merge, stances, index. */
    public Map<String, Duration> stageTimes() {
        Map<String, Duration> out = new LinkedHashMap<>();
        clock.forEach((stage, nanos) -> out.put(stage, Duration.ofNanos(nanos.sum())));
        return out;
    }

    private long tick() {
        return System.nanoTime();
    }

    private void tock(String stage, long since) {
        clock.get(stage).add(System.nanoTime() - since);
    }

    /** After extraction, find where speakers stand on this codebook's issues (the stance stage). */
    public IngestRunner withStances(Codebook codebook) {
        this.codebook = codebook;
        return this;
    }

    /** Ingests files and folders; never throws for a bad file, only for a workspace that cannot be written. */
    public IngestSummary run(List<Path> inputs, Manifest manifest, IngestListener listener) {
        long t0 = System.nanoTime();
        SourceFinder.Found found = SourceFinder.find(inputs, manifest, options.allFiles());
        found.problems().forEach(p -> listener.fileFailed(null, p));
        List<Path> files = found.files();
        long totalBytes = files.stream().mapToLong(IngestRunner::sizeOrZero).sum();
        listener.started(files.size(), totalBytes);

        Map<String, SourceState> known = workspace.sources();
        Map<String, Long> byHash = workspace.documentIdsByHash();
        int[] counts = new int[Outcome.values().length];
        long bytesRead = 0;

        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.threads()), r -> {
            Thread t = new Thread(r, "demarche-ingest");
            t.setDaemon(true);
            return t;
        });
        int inFlightLimit = Math.max(2, options.threads() * 4); // bounds memory: files wait on disk, not in the heap
        // workers put each document's result as it is ready (a web archive holds thousands), then a FileDone;
        // the queue is bounded, so a worker ahead of the writer waits instead of filling the heap
        BlockingQueue<Object> done = new ArrayBlockingQueue<>(inFlightLimit * 4);
        NavigableMap<String, SourceState> knownSorted = new TreeMap<>(known);
        int next = 0;
        int inFlight = 0;
        int pendingInBatch = 0;
        int committedThisRun = 0;
        long lastCommit = System.nanoTime();
        try {
            while (next < files.size() || inFlight > 0) {
                while (next < files.size() && inFlight < inFlightLimit) {
                    Path p = files.get(next++);
                    DocumentMetadata meta = manifest.metadataFor(p);
                    pool.execute(() -> work(p, meta, knownSorted, done));
                    inFlight++;
                }
                Object o = done.poll(options.batchMillis(), TimeUnit.MILLISECONDS);
                if (o instanceof Result r) {
                    long w0 = tick();
                    Outcome outcome = write(r, byHash);
                    tock("store", w0);
                    counts[outcome.ordinal()]++;
                    if (outcome == Outcome.FAILED) {
                        listener.fileFailed(r.path(), r.failure());
                    }
                    if (outcome == Outcome.NEW || outcome == Outcome.REPLACED) {
                        pendingInBatch++;
                    }
                } else if (o instanceof FileDone f) {
                    inFlight--;
                    bytesRead += f.size();
                    listener.fileDone(f.path(), f.outcome(), f.size());
                }
                boolean due = pendingInBatch >= options.batchSize()
                        || (pendingInBatch > 0 && System.nanoTime() - lastCommit > options.batchMillis() * 1_000_000L)
                        || (next >= files.size() && inFlight == 0);
                if (due) {
                    long w0 = tick();
                    workspace.commit();
                    tock("store", w0);
                    committedThisRun += pendingInBatch;
                    if (pendingInBatch > 0) {
                        listener.committed(committedThisRun);
                    }
                    pendingInBatch = 0;
                    lastCommit = System.nanoTime();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workspace.commit(); // keep what is done
        } finally {
            pool.shutdownNow();
        }
        finish(counts[Outcome.NEW.ordinal()] + counts[Outcome.REPLACED.ordinal()] > 0, listener);
        return new IngestSummary(files.size(), counts[Outcome.NEW.ordinal()], counts[Outcome.REPLACED.ordinal()],
                counts[Outcome.UNCHANGED.ordinal()], counts[Outcome.DUPLICATE.ordinal()],
                counts[Outcome.FAILED.ordinal()] + found.problems().size(), found.notInManifest(), bytesRead,
                Duration.ofNanos(System.nanoTime() - t0));
    }

    /**
     * Finishes what a killed run left: the actor merge (and the stances and index after it), when the
     * workspace says it is pending and no other process is writing. The caller must not hold a snapshot.
     * @return true if there was one to finish
     */
    public static boolean finishPendingMerge(Workspace ws, Codebook codebook) {
        if (ws.setting(MERGE_PENDING).isEmpty() || !ws.tryLockForWriting(1)) {
            return false;
        }
        try {
            if (ws.setting(MERGE_PENDING).isEmpty()) {
                return false; // finished by the writer that was there a moment ago
            }
            ActorMerge.run(ws);
            ws.deleteSetting(MERGE_PENDING);
            ws.commit();
            CorrectionStage.runAndIndex(ws, codebook, Options.defaults().threads());
            return true;
        } finally {
            ws.unlockForWriting();
        }
    }

    /** After the documents: the actor merge, the stance stage and the search index, each when needed. */
    private void finish(boolean changed, IngestListener listener) {
        if (extractor != null && (changed || workspace.setting(MERGE_PENDING).isPresent())) {
            // flagged first, so a run killed during the merge has the next run redo it
            long t0 = tick();
            workspace.setSetting(MERGE_PENDING, "1");
            workspace.commit();
            ActorMerge.run(workspace);
            workspace.deleteSetting(MERGE_PENDING);
            workspace.commit();
            tock("merge actors", t0);
        }
        if (extractor != null) {
            // a person's corrections, applied again over what the machine found; the stances between them
            long t0 = tick();
            CorrectionStage.run(workspace, codebook, options.threads(), listener);
            tock("stances", t0);
        }
        // the search index follows the workspace: rebuilt when anything in it changed
        long t1 = System.nanoTime();
        int indexed = SearchIndex.sync(workspace);
        tock("index", t1);
        if (indexed > 0) {
            listener.indexed(indexed, (System.nanoTime() - t1) / 1_000_000);
        }
    }

    /**
     * A document read and extracted elsewhere (by the Spark job), with what ingest records of its source.
     *
     * @param failure why it could not be read (document null), or null
     */
    public record Prepared(String source, Document document, Extraction extraction, String fingerprint, long size,
                           long modified, String failure) {}

    /**
     * The writer half of run(), fed with prepared documents instead of workers: each is stored as ingest
     * stores a file's (unchanged ones are left, changed ones replaced, the same content twice kept once),
     * then the merge, stance and index stages run. Items should come in source order, as run() sees files.
     */
    public IngestSummary store(Iterator<Prepared> items, IngestListener listener) {
        long t0 = System.nanoTime();
        Map<String, SourceState> known = workspace.sources();
        Map<String, Long> byHash = workspace.documentIdsByHash();
        int[] counts = new int[Outcome.values().length];
        int total = 0;
        long bytes = 0;
        int pending = 0;
        while (items.hasNext()) {
            Prepared p = items.next();
            total++;
            Path path = Path.of(p.source());
            SourceState previous = known.get(p.source());
            Result r;
            if (p.document() == null) {
                r = failed(path, p.source(), p.failure(), previous);
            } else if (previous != null && previous.fingerprint().equals(p.fingerprint())
                    && previous.hash().equals(p.document().hash())) {
                r = new Result(path, p.source(), Outcome.UNCHANGED, null, null, p.fingerprint(), p.size(), p.modified(),
                        null, previous);
            } else {
                r = new Result(path, p.source(), Outcome.NEW, p.document(), p.extraction(), p.fingerprint(), p.size(),
                        p.modified(), null, previous);
            }
            Outcome outcome = write(r, byHash);
            counts[outcome.ordinal()]++;
            if (outcome == Outcome.FAILED) {
                listener.fileFailed(path, r.failure());
            } else if (outcome != Outcome.UNCHANGED) {
                bytes += p.size();
                if (++pending >= options.batchSize()) {
                    workspace.commit();
                    pending = 0;
                }
            }
            listener.fileDone(path, outcome, p.size());
        }
        workspace.commit();
        finish(counts[Outcome.NEW.ordinal()] + counts[Outcome.REPLACED.ordinal()] > 0, listener);
        return new IngestSummary(total, counts[Outcome.NEW.ordinal()], counts[Outcome.REPLACED.ordinal()],
                counts[Outcome.UNCHANGED.ordinal()], counts[Outcome.DUPLICATE.ordinal()], counts[Outcome.FAILED.ordinal()],
                0, bytes, Duration.ofNanos(System.nanoTime() - t0));
    }

    /** Worker side: one file's documents into the queue, then its FileDone, whatever happens. */
    private void work(Path path, DocumentMetadata meta, NavigableMap<String, SourceState> known, BlockingQueue<Object> done) {
        Outcome last = Outcome.FAILED;
        long size = 0;
        try {
            Optional<ContainerReader.Kind> kind = ContainerReader.kind(path);
            if (kind.isPresent()) {
                last = container(path, kind.get(), meta, known, done);
                size = last == Outcome.UNCHANGED ? 0 : sizeOrZero(path);
            } else {
                Result r = process(path, meta, known.get(path.toString()));
                size = r.outcome() == Outcome.UNCHANGED ? 0 : r.size(); // bytes read for progress
                last = r.outcome();
                done.put(r);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError | AssertionError e) {
            // AssertionError: a parser's own check failing on a broken file (Tika's RTF reader does) is that file's failure
            try {
                done.put(failed(path, "failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(), null));
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        } finally {
            try {
                done.put(new FileDone(path, size, last));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * A web archive or feed: each record is a document of its own. A file unchanged since the last run
     * (size, time and facts, as recorded with each of its records) is not read; otherwise each record's
     * hash decides, so a feed saved again with two new items adds two documents.
     */
    private Outcome container(Path path, ContainerReader.Kind kind, DocumentMetadata meta,
                              NavigableMap<String, SourceState> known, BlockingQueue<Object> done)
            throws InterruptedException {
        String fingerprint = fingerprint(meta);
        String prefix = path + "#";
        Map<String, SourceState> before = known.subMap(prefix, true, prefix + Character.MAX_VALUE, true);
        Stamp stamp;
        try {
            stamp = Stamp.of(path);
        } catch (IOException e) {
            done.put(failed(path, "cannot read: " + e.getMessage(), null));
            return Outcome.FAILED;
        }
        long size = stamp.size();
        long modified = stamp.modified();
        if (!before.isEmpty() && before.values().stream().allMatch(s -> s.fingerprint().equals(fingerprint)
                && s.size() == size && s.modified() == modified)) {
            for (Map.Entry<String, SourceState> e : before.entrySet()) {
                done.put(new Result(path, e.getKey(), Outcome.UNCHANGED, null, null, fingerprint, size, modified, null,
                        e.getValue()));
            }
            return Outcome.UNCHANGED;
        }
        Outcome[] last = {Outcome.UNCHANGED};
        String name = path.getFileName().toString();
        try {
            ContainerReader.read(path, kind, options.maxFileBytes(), new ContainerReader.Sink() {
                @Override
                public void item(ContainerReader.Item item) {
                    String source = prefix + item.key();
                    SourceState previous = before.get(source);
                    String hash = sha256(item.bytes());
                    Result r;
                    if (previous != null && previous.fingerprint().equals(fingerprint) && previous.hash().equals(hash)) {
                        r = new Result(path, source, Outcome.UNCHANGED, null, null, fingerprint, size, modified, null,
                                previous);
                    } else {
                        r = document(path, source, name + "#" + item.key(), item.bytes(), hash,
                                item.metadata().orElse(meta), fingerprint, size, modified, previous);
                    }
                    last[0] = r.outcome();
                    put(done, r);
                }

                @Override
                public void problem(String where, String reason) {
                    put(done, new Result(path, prefix + where, Outcome.FAILED, null, null, null, 0, 0, where + ": " + reason,
                            null));
                }
            });
        } catch (IOException e) {
            done.put(failed(path, e.getMessage(), null));
            return Outcome.FAILED;
        }
        return last[0];
    }

    private static void put(BlockingQueue<Object> queue, Result r) {
        try {
            queue.put(r);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    /** Worker side: read, recognise what is unchanged, extract what is not. */
    private Result process(Path path, DocumentMetadata meta, SourceState previous) {
        String fingerprint = fingerprint(meta);
        Stamp stamp;
        try {
            stamp = Stamp.of(path);
        } catch (NoSuchFileException e) {
            return failed(path, "the file was deleted before it could be read", previous);
        } catch (IOException e) {
            return failed(path, "cannot read: " + e.getMessage(), previous);
        }
        long size = stamp.size();
        long modified = stamp.modified();
        boolean sameFacts = previous != null && previous.fingerprint().equals(fingerprint);
        if (sameFacts && previous.size() == size && previous.modified() == modified) {
            return new Result(path, path.toString(), Outcome.UNCHANGED, null, null, fingerprint, size, modified, null,
                    previous);
        }
        if (size > options.maxFileBytes()) {
            return failed(path, String.format("too large: %,d bytes (the limit is %,d; raise it with --max-file-size)",
                    size, options.maxFileBytes()), previous);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return failed(path, "the file was deleted before it could be read", previous);
        } catch (IOException | OutOfMemoryError e) {
            return failed(path, "cannot read: " + e.getMessage(), previous);
        }
        String hash = sha256(bytes);
        if (sameFacts && previous.hash().equals(hash)) {
            return new Result(path, path.toString(), Outcome.UNCHANGED, null, null, fingerprint, bytes.length, modified,
                    null, previous);
        }
        return document(path, path.toString(), path.getFileName().toString(), bytes, hash, meta, fingerprint,
                bytes.length, modified, previous);
    }

    /** A file's size and time, which say whether it changed since it was last read. */
    private record Stamp(long size, long modified) {
        static Stamp of(Path path) throws IOException {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            return new Stamp(a.size(), a.lastModifiedTime().toMillis());
        }
    }

    /** Reads one document's bytes and extracts from it; never throws for what is in the bytes. */
    private Result document(Path path, String source, String name, byte[] bytes, String hash, DocumentMetadata meta,
                            String fingerprint, long size, long modified, SourceState previous) {
        try {
            long t0 = tick();
            Document d = ingester.ingest(name, source, bytes, hash, meta);
            tock("read and clean", t0);
            Extraction x = null;
            if (extractor != null) {
                long t1 = tick();
                try {
                    x = extract(d);
                    tock("extract", t1);
                } catch (TimeoutException e) {
                    d = d.withWarning("extraction stopped after " + extractionMillis / 1000 + " s: the document is stored "
                            + "without actors or statements");
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    d = d.withWarning("extraction failed: " + c.getClass().getSimpleName() + ": " + c.getMessage());
                }
            }
            return new Result(path, source, Outcome.NEW, d, x, fingerprint, size, modified, null, previous);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(path, source, "interrupted", previous);
        } catch (IngestException e) {
            return failed(path, source, e.getMessage(), previous);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // a parser bug on one hostile file must not end the batch
            return failed(path, source, "extraction failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                    previous);
        }
    }

    /** Runs the extractor with the per-document time limit; a document past it is stopped (interrupted). */
    private Extraction extract(Document d) throws TimeoutException, ExecutionException, InterruptedException {
        Future<Extraction> f = extraction.submit(() -> extractor.extract(d));
        try {
            return f.get(extractionMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw e;
        }
    }

    /** Writer side: one file's result into the current transaction. */
    private Outcome write(Result r, Map<String, Long> byHash) {
        String path = r.source();
        if (extractor != null && !mergeFlagged && (r.outcome() == Outcome.NEW || r.outcome() == Outcome.REPLACED)) {
            workspace.setSetting(MERGE_PENDING, "1"); // committed with the document
            mergeFlagged = true;
        }
        switch (r.outcome()) {
            case UNCHANGED -> {
                if (r.previous().modified() != r.modified() || r.previous().size() != r.size()) {
                    workspace.linkSource(path, r.previous().documentId(), r.size(), r.modified());
                }
                return Outcome.UNCHANGED;
            }
            case FAILED -> {
                return Outcome.FAILED; // what was stored for this path before stays as it was
            }
            default -> {
                Document d = r.document();
                Long existing = byHash.get(d.hash());
                Outcome outcome;
                long id;
                if (existing != null && r.previous() != null && existing == r.previous().documentId()) {
                    // same content, new manifest facts or pipeline version: redo it in place
                    workspace.deleteDocument(existing);
                    id = store(d, r);
                    byHash.put(d.hash(), id);
                    outcome = Outcome.REPLACED;
                } else if (existing != null) {
                    id = existing; // this content is stored already under another path
                    outcome = Outcome.DUPLICATE;
                } else {
                    id = store(d, r);
                    byHash.put(d.hash(), id);
                    outcome = r.previous() != null ? Outcome.REPLACED : Outcome.NEW;
                }
                workspace.linkSource(path, id, r.size(), r.modified());
                if (r.previous() != null && r.previous().documentId() != id
                        && workspace.deleteIfUnreferenced(r.previous().documentId())) {
                    byHash.values().remove(r.previous().documentId());
                }
                return outcome;
            }
        }
    }

    private long store(Document d, Result r) {
        long id = workspace.insertDocument(d, r.fingerprint());
        if (r.extraction() != null) {
            workspace.kb().insert(id, r.extraction());
        }
        return id;
    }

    private static Result failed(Path path, String reason, SourceState previous) {
        return failed(path, path.toString(), reason, previous);
    }

    private static Result failed(Path path, String source, String reason, SourceState previous) {
        return new Result(path, source, Outcome.FAILED, null, null, null, 0, 0, reason, previous);
    }

    /** This run's fingerprint of a document's facts: the manifest's and the extraction version. */
    private String fingerprint(DocumentMetadata meta) {
        return fingerprint(meta, extractor == null ? "none" : extractor.version());
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

    private static long sizeOrZero(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
