package org.demarche.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.demarche.ingest.Corpora;
import org.demarche.ingest.DocumentIngester;
import org.demarche.ingest.Manifest;
import org.demarche.nlp.NlpExtractor;
import org.demarche.model.StoredDocument;
import org.demarche.store.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A document whose extraction runs past the limit is stored all the same, with a warning; the batch goes on. */
class ExtractionTimeLimitTest {

    @Test
    void pastTheLimitTheDocumentIsKeptWithAWarning(@TempDir Path tmp) throws Exception {
        Path speech = Corpora.ungdc().resolve("Session 63 - 2008/RUS_63_2008.txt");
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            IngestSummary s = new IngestRunner(ws, new DocumentIngester(), IngestRunner.Options.defaults(),
                    new NlpExtractor(), 1).run(List.of(speech), Manifest.none(), new IngestListener() {});
            assertEquals(1, s.added());
            List<StoredDocument> docs = new ArrayList<>();
            ws.forEachDocument(docs::add);
            assertTrue(docs.get(0).document().warnings().stream().anyMatch(w -> w.contains("extraction stopped")),
                    docs.get(0).document().warnings().toString());
        }
    }
}
