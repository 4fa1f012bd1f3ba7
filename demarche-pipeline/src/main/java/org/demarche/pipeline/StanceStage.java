package org.demarche.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.demarche.model.RecordId;
import org.demarche.model.Stance;
import org.demarche.model.Statement;
import org.demarche.stance.Codebook;
import org.demarche.stance.StanceAggregator;
import org.demarche.stance.StanceDetector;
import org.demarche.stance.StanceDetector.Finding;
import org.demarche.store.StanceTables;
import org.demarche.store.StanceTables.Input;
import org.demarche.store.Workspace;

/**
 * The stance stage: reads each document's stored statements, finds the codebook's issues in
 * them and where each speaker stands, and stores one stance per (actor, issue, document).
 * It works from the knowledge base, not from the parse, so a new codebook redoes only this
 * stage. Documents are computed in parallel; the one connection reads and writes in order.
 */
public final class StanceStage {

    /** Bump when the stance stage changes what it finds. */
    public static final String VERSION = "stance-3";

    private final Workspace workspace;
    private final Codebook codebook;
    private final StanceDetector detector;
    private final int threads;

    public StanceStage(Workspace workspace, Codebook codebook, int threads) {
        this.workspace = workspace;
        this.codebook = codebook;
        this.detector = new StanceDetector(codebook);
        this.threads = Math.max(1, threads);
    }

    public String fingerprint() {
        return VERSION + ":" + codebook.fingerprint().substring(0, 40) + ":" + StanceDetector.lexiconFingerprint();
    }

    /** Computes the stances of every document not yet done with this codebook; returns how many were done. */
    public int run(IngestListener listener) {
        StanceTables tables = workspace.stances();
        String fingerprint = fingerprint();
        List<Long> todo = tables.documentsToRedo(fingerprint);
        if (todo.isEmpty()) {
            return 0;
        }
        listener.stageStarted("stances", todo.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "demarche-stance");
            t.setDaemon(true);
            return t;
        });
        Deque<Future<Result>> inFlight = new ArrayDeque<>();
        int done = 0;
        try {
            for (long id : todo) {
                Input input = tables.input(id);
                if (input != null) {
                    inFlight.add(pool.submit(() -> compute(input)));
                }
                while (inFlight.size() >= threads * 4 || (!inFlight.isEmpty() && inFlight.peekFirst().isDone())) {
                    store(tables, inFlight.removeFirst().get(), fingerprint);
                    if (++done % 64 == 0) {
                        workspace.commit();
                        listener.stageProgress("stances", done);
                    }
                }
            }
            while (!inFlight.isEmpty()) {
                store(tables, inFlight.removeFirst().get(), fingerprint);
                done++;
            }
            workspace.commit();
            listener.stageProgress("stances", done);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workspace.commit();
        } catch (ExecutionException e) {
            workspace.commit(); // what is done stays; the rest is redone on the next run
            throw new IllegalStateException("the stance stage failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return done;
    }

    /** A document's statements with what they say on the issues, and its stances (each actor the document's own). */
    private record Result(long documentId, List<Statement> found, List<Stance> stances) {}

    private Result compute(Input in) {
        // a statement without a speaker has no one to hold the position
        List<Statement> spoken = in.statements().stream().filter(s -> s.speaker() != null).toList();
        List<Finding> findings = detector.detect(in.text(), spoken);
        Map<RecordId, List<Statement.Issue>> readings = new LinkedHashMap<>();
        for (Finding f : findings) {
            readings.computeIfAbsent(f.statement(), k -> new ArrayList<>()).add(f.reading());
        }
        List<Statement> found = spoken.stream().filter(s -> readings.containsKey(s.id()))
                .map(s -> s.withIssues(readings.get(s.id()))).toList();
        return new Result(in.documentId(), found, StanceAggregator.aggregate(findings, spoken, in.speaksFor(),
                in.published()));
    }

    private static void store(StanceTables tables, Result r, String fingerprint) {
        tables.replace(r.documentId(), r.found(), r.stances(), fingerprint);
    }
}
