package org.demarche.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.demarche.stance.Codebook;
import org.demarche.stance.StanceAggregator;
import org.demarche.stance.StanceDetector;
import org.demarche.stance.StanceDetector.Finding;
import org.demarche.store.StanceTables;
import org.demarche.store.StanceTables.Input;
import org.demarche.store.StanceTables.IssueRow;
import org.demarche.store.StanceTables.StanceRow;
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

    private record Result(long documentId, List<IssueRow> issues, List<StanceRow> stances) {}

    private Result compute(Input in) {
        List<StanceDetector.StatementSpan> spans = new ArrayList<>();
        Map<Long, StanceAggregator.Said> said = new HashMap<>();
        for (StanceTables.StatementSpan s : in.statements()) {
            if (s.speaker() == null) {
                continue; // no one to hold the position
            }
            spans.add(new StanceDetector.StatementSpan(s.id(), s.start(), s.end(), s.cue()));
            said.put(s.id(), new StanceAggregator.Said(s.id(), s.speaker(), s.date(), s.cue() != null));
        }
        List<Finding> findings = detector.detect(in.text(), spans);
        List<IssueRow> issues = new ArrayList<>();
        for (Finding f : findings) {
            issues.add(new IssueRow(f.statement(), f.issue(), f.polarity().id(), f.confidence(), f.support(),
                    f.oppose(), f.cue()));
        }
        List<StanceRow> stances = new ArrayList<>();
        for (StanceAggregator.Stance s : StanceAggregator.aggregate(findings, said, in.speaksFor(), in.published())) {
            stances.add(new StanceRow(s.actor(), s.issue(), s.polarity().id(), s.date(), s.confidence(),
                    s.support(), s.oppose(), s.evidence()));
        }
        return new Result(in.documentId(), issues, stances);
    }

    private static void store(StanceTables tables, Result r, String fingerprint) {
        tables.replace(r.documentId(), r.issues(), r.stances(), fingerprint);
    }
}
