package org.demarche.pipeline;

import org.demarche.ingest.Corpora;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.demarche.ingest.DocumentIngester;
import org.demarche.ingest.Manifest;
import org.demarche.store.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Speeches are all body: on 1,000 UNGDC statements the cleaner must leave the words alone. */
class UngdcCleaningTest {

    @Test
    void statementsKeepTheirText(@TempDir Path tmp) throws Exception {
        List<Path> files = Corpora.ungdcSample(1000);
        Manifest manifest = Manifest.read(Corpora.ungdc().resolve("manifest.csv"));
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            IngestSummary s = new IngestRunner(ws, new DocumentIngester(), IngestRunner.Options.defaults())
                    .run(files, manifest, new IngestListener() {});
            assertEquals(1000, s.added(), s.describe());
            long[] totals = new long[2];
            List<String> damaged = new ArrayList<>();
            ws.forEachDocument(d -> {
                var doc = d.document();
                totals[0] += doc.originalText().length();
                totals[1] += doc.boilerplateChars();
                if (doc.boilerplateChars() > doc.originalText().length() * 0.05) {
                    damaged.add(doc.file() + " lost " + doc.boilerplateChars() + " of " + doc.originalText().length());
                }
                assertTrue(doc.metadata().speakerFor() != null, "manifest facts reach the document");
            });
            assertTrue(damaged.isEmpty(), damaged.toString());
            assertTrue(totals[1] < totals[0] / 1000, "removed " + totals[1] + " of " + totals[0] + " characters");
        }
    }
}
