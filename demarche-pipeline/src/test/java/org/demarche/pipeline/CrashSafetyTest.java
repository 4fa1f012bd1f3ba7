package org.demarche.pipeline;

import org.demarche.ingest.Corpora;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.demarche.ingest.CorpusReader;
import org.demarche.ingest.DocumentIngester;
import org.demarche.ingest.Manifest;
import org.demarche.store.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 an ingest half way: the workspace opens and holds every document committed before the kill. */
class CrashSafetyTest {

    @Test
    void aKilledIngestLosesNothingItCommitted(@TempDir Path tmp) throws Exception {
        List<Path> files = Corpora.ungdcSample(1500);
        Path ws = tmp.resolve("ws");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(), ws.toString()));
        files.forEach(f -> cmd.add(f.toString()));
        Process child = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int committed = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("committed ")) {
                    committed = Integer.parseInt(line.substring(10));
                    if (committed >= 200) {
                        break;
                    }
                }
            }
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no close
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(committed >= 200, "the child never got far enough: " + committed);
        assertFalse(Files.exists(ws.resolve("finished")));

        try (Workspace w = Workspace.open(ws)) {
            int stored = w.documentCount();
            assertTrue(stored >= committed, stored + " stored, " + committed + " committed before the kill");
            assertTrue(stored < files.size(), "the kill came before the end");
            w.forEachDocument(d -> {
                try {
                    byte[] bytes = Files.readAllBytes(Path.of(d.document().source()));
                    assertEquals(CorpusReader.sha256(bytes), d.document().hash(), "intact: " + d.document().file());
                    assertFalse(d.document().cleanText().isBlank());
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            // and the interrupted batch finishes cleanly, with no duplicates
            IngestSummary rest = new IngestRunner(w, new DocumentIngester(), IngestRunner.Options.defaults())
                    .run(files, Manifest.none(), new IngestListener() {});
            assertEquals(0, rest.failed());
            assertEquals(stored, rest.unchanged());
            assertEquals(files.size(), w.documentCount());
        }
    }
}
