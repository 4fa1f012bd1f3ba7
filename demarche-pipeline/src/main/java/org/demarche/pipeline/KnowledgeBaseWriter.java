package org.demarche.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.demarche.ingest.CorpusReader;
import org.demarche.model.Document;
import org.demarche.model.Extraction;
import org.demarche.pipeline.IngestListener.Outcome;
import org.demarche.search.SearchIndex;
import org.demarche.stance.Codebook;
import org.demarche.store.SourceState;
import org.demarche.store.Workspace;

/**
 * The writing half of an ingest or an import: what a CorpusReader read (and the extractor found in it), or
 * what the Spark job's tables hold, stored in the workspace; then the stages that need the whole knowledge
 * base, the actor merge, the stances and the search index. It is the only one that writes, on one thread,
 * in small transactions (a batch of documents, or a short time, whichever comes first), so every committed
 * document is safe whatever happens next, and a failure in one file never touches another.
 *
 * <p>A changed source replaces its old document and, by cascade, everything derived from it, once no path
 * refers to it any more; the same content under another path is linked to the stored document, not stored
 * twice. Ingest's workers hand their sources over through a bounded queue ({@link #put}, {@link #drain}): a
 * worker ahead of the writer waits, so a large archive never sits in the heap whole. An import, on one
 * thread, calls {@link #write} itself.
 */
public final class KnowledgeBaseWriter {

    /**
     * Set in the transaction that stores a run's first new document, cleared once its actors are merged: a run
     * killed in between leaves it, and the next reader or writer finishes the merge (never dangling actors).
     */
    public static final String MERGE_PENDING = Workspace.MERGE_PENDING;

    /** One source as it is to be stored: what the reader made of it, and what extraction found (or null). */
    public record Entry(CorpusReader.Source source, Extraction extraction) {}

    /** A worker has finished a file: every Entry of it is in the queue before this. */
    private record FileDone(Path file, Outcome outcome, long bytes) {}

    private final Workspace workspace;
    private final IngestRunner.Options options;
    private final boolean extracted;
    private final Codebook codebook;
    private final StageClock clock;
    /** What the workspace held when the run began, by source. */
    private final Map<String, SourceState> known;
    private final Map<String, Long> byHash;
    private final BlockingQueue<Object> queue;
    private final int[] counts = new int[Outcome.values().length];
    private boolean mergeFlagged;
    private int pending;
    private int committed;
    private long lastCommit = System.nanoTime();

    /**
     * @param extracted whether the documents come with extractions: then the actor merge and the stances run
     * @param codebook  the stance stage's issues, or null for none
     */
    public KnowledgeBaseWriter(Workspace workspace, IngestRunner.Options options, boolean extracted, Codebook codebook) {
        this(workspace, options, extracted, codebook, new StageClock());
    }

    KnowledgeBaseWriter(Workspace workspace, IngestRunner.Options options, boolean extracted, Codebook codebook,
                        StageClock clock) {
        this.workspace = workspace;
        this.options = options;
        this.extracted = extracted;
        this.codebook = codebook;
        this.clock = clock;
        this.known = workspace.sources();
        this.byHash = workspace.documentIdsByHash();
        // bounds memory: workers wait for the writer, with their documents, instead of filling the heap
        this.queue = new ArrayBlockingQueue<>(Math.max(2, options.threads() * 4) * 4);
    }

    /** What a reader needs to know of the workspace's sources, to pass over what is unchanged. */
    public NavigableMap<String, CorpusReader.Seen> seen() {
        NavigableMap<String, CorpusReader.Seen> seen = new TreeMap<>();
        known.forEach((source, s) -> seen.put(source, new CorpusReader.Seen(s.hash(), s.fingerprint(), s.size(),
                s.modified())));
        return seen;
    }

    /** From a worker: one source to store; waits while the queue is full. */
    public void put(Entry entry) throws InterruptedException {
        queue.put(entry);
    }

    /** From a worker: a file is done (its sources are all put), with what became of it and the bytes read. */
    public void fileDone(Path file, Outcome outcome, long bytes) throws InterruptedException {
        queue.put(new FileDone(file, outcome, bytes));
    }

    /**
     * Stores what the workers put until this many files are done, committing as batches fill or age.
     *
     * @return the bytes read
     */
    public long drain(int files, IngestListener listener) throws InterruptedException {
        int done = 0;
        long bytes = 0;
        while (done < files) {
            Object o = queue.poll(options.batchMillis(), TimeUnit.MILLISECONDS);
            if (o instanceof Entry e) {
                write(e, listener);
            } else if (o instanceof FileDone f) {
                done++;
                bytes += f.bytes();
                listener.fileDone(f.file(), f.outcome(), f.bytes());
            }
            commitIfDue(listener);
        }
        commit(listener);
        return bytes;
    }

    /** Stores one source in the current transaction, committing when a batch is full or old. */
    public Outcome write(Entry entry, IngestListener listener) {
        long t0 = System.nanoTime();
        Outcome outcome = store(entry.source(), entry.extraction());
        clock.since("store", t0);
        counts[outcome.ordinal()]++;
        if (entry.source() instanceof CorpusReader.Failed f) {
            listener.fileFailed(f.file(), f.reason());
        }
        if (outcome == Outcome.NEW || outcome == Outcome.REPLACED) {
            pending++;
        }
        commitIfDue(listener);
        return outcome;
    }

    private void commitIfDue(IngestListener listener) {
        if (pending >= options.batchSize()
                || (pending > 0 && System.nanoTime() - lastCommit > options.batchMillis() * 1_000_000L)) {
            commit(listener);
        }
    }

    /** Commits what is written so far. */
    public void commit(IngestListener listener) {
        long t0 = System.nanoTime();
        workspace.commit();
        clock.since("store", t0);
        committed += pending;
        if (pending > 0) {
            listener.committed(committed);
        }
        pending = 0;
        lastCommit = System.nanoTime();
    }

    /** Commits, then the actor merge, the corrections with the stance stage, and the search index, each when needed. */
    public void finish(IngestListener listener) {
        workspace.commit();
        boolean changed = counts[Outcome.NEW.ordinal()] + counts[Outcome.REPLACED.ordinal()] > 0;
        if (extracted && (changed || workspace.setting(MERGE_PENDING).isPresent())) {
            // flagged first, so a run killed during the merge has the next run redo it
            long t0 = System.nanoTime();
            workspace.setSetting(MERGE_PENDING, "1");
            workspace.commit();
            ActorMerge.run(workspace);
            workspace.deleteSetting(MERGE_PENDING);
            workspace.commit();
            clock.since("merge actors", t0);
        }
        if (extracted) {
            // a person's corrections, applied again over what the machine found; the stances between them
            long t0 = System.nanoTime();
            CorrectionStage.run(workspace, codebook, options.threads(), listener);
            clock.since("stances", t0);
        }
        // the search index follows the workspace: rebuilt when anything in it changed
        long t1 = System.nanoTime();
        int indexed = SearchIndex.sync(workspace);
        clock.since("index", t1);
        if (indexed > 0) {
            listener.indexed(indexed, (System.nanoTime() - t1) / 1_000_000);
        }
    }

    /** The run's counts, with what the caller knows besides: files, failures before reading, bytes. */
    public IngestSummary summary(int files, int failedToList, int notInManifest, long bytes, Duration elapsed) {
        return new IngestSummary(files, counts[Outcome.NEW.ordinal()], counts[Outcome.REPLACED.ordinal()],
                counts[Outcome.UNCHANGED.ordinal()], counts[Outcome.DUPLICATE.ordinal()],
                counts[Outcome.FAILED.ordinal()] + failedToList, notInManifest, bytes, elapsed);
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
            CorrectionStage.runAndIndex(ws, codebook, IngestRunner.Options.defaults().threads());
            return true;
        } finally {
            ws.unlockForWriting();
        }
    }

    /** One source into the current transaction. */
    private Outcome store(CorpusReader.Source s, Extraction x) {
        SourceState previous = known.get(s.source());
        if (s instanceof CorpusReader.Failed) {
            return Outcome.FAILED; // what was stored for this source before stays as it was
        }
        if (s instanceof CorpusReader.Unchanged u) {
            relink(u.source(), previous, u.size(), u.modified());
            return Outcome.UNCHANGED;
        }
        CorpusReader.Read r = (CorpusReader.Read) s;
        Document d = r.document();
        if (previous != null && previous.fingerprint().equals(r.fingerprint()) && previous.hash().equals(d.hash())) {
            // the same content and facts as stored (an import of tables already imported): a reader says so itself
            relink(r.source(), previous, r.size(), r.modified());
            return Outcome.UNCHANGED;
        }
        if (extracted && !mergeFlagged) {
            workspace.setSetting(MERGE_PENDING, "1"); // committed with the document
            mergeFlagged = true;
        }
        Long existing = byHash.get(d.hash());
        Outcome outcome;
        long id;
        if (existing != null && previous != null && existing == previous.documentId()) {
            // same content, new manifest facts or pipeline version: redo it in place
            workspace.deleteDocument(existing);
            id = insert(d, r.fingerprint(), x);
            byHash.put(d.hash(), id);
            outcome = Outcome.REPLACED;
        } else if (existing != null) {
            id = existing; // this content is stored already under another path
            outcome = Outcome.DUPLICATE;
        } else {
            id = insert(d, r.fingerprint(), x);
            byHash.put(d.hash(), id);
            outcome = previous != null ? Outcome.REPLACED : Outcome.NEW;
        }
        workspace.linkSource(r.source(), id, r.size(), r.modified());
        if (previous != null && previous.documentId() != id && workspace.deleteIfUnreferenced(previous.documentId())) {
            byHash.values().remove(previous.documentId());
        }
        return outcome;
    }

    /** An unchanged source whose file was touched: its new size and time, so the next run need not read it. */
    private void relink(String source, SourceState previous, long size, long modified) {
        if (previous.modified() != modified || previous.size() != size) {
            workspace.linkSource(source, previous.documentId(), size, modified);
        }
    }

    private long insert(Document d, String fingerprint, Extraction x) {
        long id = workspace.insertDocument(d, fingerprint);
        if (x != null) {
            workspace.kb().insert(id, x);
        }
        return id;
    }
}
