package org.demarche.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.demarche.ingest.CorpusReader;
import org.demarche.ingest.DocumentIngester;
import org.demarche.ingest.Manifest;
import org.demarche.ingest.SourceFinder;
import org.demarche.model.Document;
import org.demarche.model.DocumentMetadata;
import org.demarche.model.Extraction;
import org.demarche.nlp.Extractor;
import org.demarche.pipeline.IngestListener.Outcome;
import org.demarche.stance.Codebook;
import org.demarche.store.Workspace;

/**
 * Runs ingest over a batch: the reader (CorpusReader) and the extraction run in parallel on worker threads,
 * each document extracted on the worker that read it, under a time limit; the writer (KnowledgeBaseWriter)
 * stores what they hand it on this thread, then runs the stages that need the whole workspace.
 */
public final class IngestRunner {

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

    private final Workspace workspace;
    private final DocumentIngester ingester;
    private final Options options;
    private final Extractor extractor;
    private final long extractionMillis;
    private final ExecutorService extraction;
    private Codebook codebook;
    private final StageClock clock = new StageClock();

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
        this.extraction = extractor == null ? null : Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "demarche-extract");
            t.setDaemon(true);
            return t;
        });
    }

    /** Time spent per stage so far, summed over threads: read and clean, extract, store, merge, stances, index. */
    public Map<String, Duration> stageTimes() {
        return clock.times();
    }

    /** After extraction, find where speakers stand on this codebook's issues (the stance stage). */
    public IngestRunner withStances(Codebook codebook) {
        this.codebook = codebook;
        return this;
    }

    /** Ingests files and folders; never throws for a bad file, only for a workspace that cannot be written. */
    public IngestSummary run(List<Path> inputs, Manifest manifest, IngestListener listener) {
        long t0 = System.nanoTime();
        SourceFinder.Found found = CorpusReader.find(inputs, manifest, options.allFiles());
        found.problems().forEach(p -> listener.fileFailed(null, p));
        List<Path> files = found.files();
        listener.started(files.size(), files.stream().mapToLong(CorpusReader::sizeOf).sum());

        KnowledgeBaseWriter writer = new KnowledgeBaseWriter(workspace, options, extractor != null, codebook, clock);
        CorpusReader reader = new CorpusReader(ingester, options.maxFileBytes(),
                extractor == null ? "none" : extractor.version(), writer.seen());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.threads()), r -> {
            Thread t = new Thread(r, "demarche-ingest");
            t.setDaemon(true);
            return t;
        });
        long bytesRead = 0;
        try {
            // files wait in the pool's queue as paths; the writer's queue bounds the documents read ahead of it
            for (Path p : files) {
                DocumentMetadata meta = manifest.metadataFor(p);
                pool.execute(() -> work(reader, writer, p, meta));
            }
            bytesRead = writer.drain(files.size(), listener);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workspace.commit(); // keep what is done
        } finally {
            pool.shutdownNow();
        }
        clock.add("read and clean", reader.readTime().toNanos());
        writer.finish(listener);
        return writer.summary(files.size(), found.problems().size(), found.notInManifest(), bytesRead,
                Duration.ofNanos(System.nanoTime() - t0));
    }

    /** Worker side: one file's sources, extracted, to the writer, then its end, whatever happens. */
    private void work(CorpusReader reader, KnowledgeBaseWriter writer, Path path, DocumentMetadata meta) {
        CorpusReader.FileRead read = new CorpusReader.FileRead(CorpusReader.Status.FAILED, 0);
        try {
            read = reader.read(path, meta, source -> writer.put(extracted(source)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                writer.fileDone(path, outcome(read.status()), read.bytes());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Outcome outcome(CorpusReader.Status status) {
        return switch (status) {
            case READ -> Outcome.NEW;
            case UNCHANGED -> Outcome.UNCHANGED;
            case FAILED -> Outcome.FAILED;
        };
    }

    /** A source read, with what extraction finds in it (a document it cannot finish is kept without). */
    private KnowledgeBaseWriter.Entry extracted(CorpusReader.Source source) {
        if (extractor == null || !(source instanceof CorpusReader.Read r)) {
            return new KnowledgeBaseWriter.Entry(source, null);
        }
        Document d = r.document();
        long t1 = System.nanoTime();
        try {
            Extraction x = extract(d);
            clock.since("extract", t1);
            return new KnowledgeBaseWriter.Entry(r, x);
        } catch (TimeoutException e) {
            d = d.withWarning("extraction stopped after " + extractionMillis / 1000 + " s: the document is stored "
                    + "without actors or statements");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            d = d.withWarning("extraction failed: " + c.getClass().getSimpleName() + ": " + c.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new KnowledgeBaseWriter.Entry(new CorpusReader.Failed(r.file(), r.source(), "interrupted"), null);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return new KnowledgeBaseWriter.Entry(new CorpusReader.Failed(r.file(), r.source(), "extraction failed: "
                    + e.getClass().getSimpleName() + ": " + e.getMessage()), null);
        }
        return new KnowledgeBaseWriter.Entry(new CorpusReader.Read(r.file(), r.source(), d, r.fingerprint(), r.size(),
                r.modified()), null);
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
}
