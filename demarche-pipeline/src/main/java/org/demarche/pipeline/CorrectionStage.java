package org.demarche.pipeline;

import org.demarche.search.SearchIndex;
import org.demarche.stance.Codebook;
import org.demarche.store.Workspace;

/**
 * A person's corrections over the machine's output, in the order the knowledge base needs them: those on
 * statements and actors, then the stance stage for the documents they changed (and any it has to do anyway),
 * then those on stances, then the search index. Run after every rebuild and after every new correction.
 */
public final class CorrectionStage {

    private CorrectionStage() {}

    /** @param codebook the workspace's codebook, or null to leave the stances as they are */
    public static void run(Workspace ws, Codebook codebook, int threads, IngestListener listener) {
        ws.corrections().applyFacts();
        ws.commit();
        if (codebook != null) {
            new StanceStage(ws, codebook, threads).run(listener);
        }
        ws.corrections().applyStances();
        ws.commit();
    }

    /** The same, then the search index, for a correction made on its own (not inside an ingest). */
    public static void runAndIndex(Workspace ws, Codebook codebook, int threads) {
        run(ws, codebook, threads, new IngestListener() {});
        SearchIndex.sync(ws);
    }
}
