package org.demarche.pipeline;

import org.demarche.ingest.Corpora;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.demarche.export.JsonlExporter;
import org.demarche.ingest.DocumentIngester;
import org.demarche.ingest.Manifest;
import org.demarche.model.StoredDocument;
import org.demarche.store.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingest runs over real seeds: idempotency, replacement, and a batch full of bad input. */
class IngestRunnerTest {

    @TempDir
    Path tmp;

    private static final DocumentIngester INGESTER = new DocumentIngester();

    /** Records what the run reported, as a person would see it. */
    static final class Recorder implements IngestListener {
        final Map<Path, String> failures = new LinkedHashMap<>();
        final List<String> problems = new ArrayList<>();
        int committed;

        @Override
        public void fileFailed(Path file, String reason) {
            if (file == null) {
                problems.add(reason);
            } else {
                failures.put(file.getFileName(), reason);
            }
        }

        @Override
        public void committed(int documentsThisRun) {
            committed = documentsThisRun;
        }
    }

    private IngestSummary ingest(Workspace ws, Manifest m, IngestListener l, Path... inputs) {
        return new IngestRunner(ws, INGESTER, IngestRunner.Options.defaults()).run(List.of(inputs), m, l);
    }

    private static String export(Workspace ws) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonlExporter(false).export(ws, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theSameContentTwiceAddsNothing() throws Exception {
        Path seeds = Corpora.copySeeds(tmp);
        Manifest m = Manifest.read(seeds.resolve("manifest.csv"));
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            IngestSummary first = ingest(ws, m, new Recorder(), seeds);
            assertEquals(5, first.added());
            assertEquals(1, first.notInManifest(), "the codebook in the folder is not a document");
            String before = export(ws);

            IngestSummary again = ingest(ws, m, new Recorder(), seeds);
            assertEquals(0, again.added());
            assertEquals(5, again.unchanged());
            assertEquals(0, again.bytesRead(), "unchanged files are not even read");

            // touched but not changed: read, recognised by its hash, still nothing added
            Path seed = seeds.resolve("001_5b1dba479f85dabc.txt");
            Files.setLastModifiedTime(seed, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
            IngestSummary touched = ingest(ws, m, new Recorder(), seeds);
            assertEquals(5, touched.unchanged());

            // the same content under another name is stored once
            Files.copy(seed, tmp.resolve("copy-of-001.txt"));
            IngestSummary copy = ingest(ws, Manifest.none(), new Recorder(), tmp.resolve("copy-of-001.txt"));
            assertEquals(1, copy.duplicates());
            assertEquals(5, ws.documentCount());
            assertEquals(before, export(ws));
        }
    }

    @Test
    void aChangedFileReplacesItsOldVersion() throws Exception {
        Path seeds = Corpora.copySeeds(tmp);
        Manifest m = Manifest.read(seeds.resolve("manifest.csv"));
        Path seed = seeds.resolve("002_45ed76d0f631c29a.txt");
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            ingest(ws, m, new Recorder(), seeds);
            String added = "\n\nLavrov later told reporters in Moscow that Russia would block the mission.\n";
            Files.writeString(seed, Files.readString(seed) + added);
            IngestSummary s = ingest(ws, m, new Recorder(), seeds);
            assertEquals(1, s.replaced());
            assertEquals(4, s.unchanged());
            assertEquals(5, ws.documentCount(), "the old version is gone");
            List<StoredDocument> docs = new ArrayList<>();
            ws.forEachDocument(docs::add);
            StoredDocument ap = docs.stream().filter(d -> d.document().file().equals(seed.getFileName().toString()))
                    .findFirst().orElseThrow();
            assertTrue(ap.document().cleanText().contains("Russia would block the mission."));
            assertEquals("Associated Press", ap.document().metadata().publisher());
        }
    }

    @Test
    void badInputIsReportedOneLineEachAndTheBatchGoesOn() throws Exception {
        Path seeds = Corpora.copySeeds(tmp);
        Manifest m = Manifest.read(seeds.resolve("manifest.csv"));
        Path batch = Files.createDirectories(tmp.resolve("batch folder with spaces"));
        Path good = batch.resolve("Косово — статья 003.txt"); // new content: seed 003 with a paragraph more
        Files.writeString(good, Files.readString(seeds.resolve("003_ab43830253b2613d.txt"))
                + "\n\nOn July 24 Churkin repeated that Russia would veto any resolution imposing independence.\n");
        Files.write(batch.resolve("empty.txt"), new byte[0]);
        byte[] junk = new byte[30_000];
        new Random(11).nextBytes(junk);
        Files.write(batch.resolve("junk.txt"), junk);
        Files.write(batch.resolve("junk.docx"), junk);
        Files.writeString(batch.resolve("truncated.pdf"), "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Ty");
        try (RandomAccessFile huge = new RandomAccessFile(batch.resolve("huge.txt").toFile(), "rw")) {
            huge.setLength(200L << 20); // 200 MB, sparse
        }
        Path doomed = Files.copy(seeds.resolve("001_5b1dba479f85dabc.txt"), batch.resolve("zz-deleted-during-run.txt"));

        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            ingest(ws, m, new Recorder(), seeds);
            String before = export(ws);
            // a stored file turns into junk: its stored version must survive
            Path stored = seeds.resolve("004_02832a135dc6d770.txt");
            Files.write(stored, junk);

            Recorder r = new Recorder();
            IngestListener deleting = new IngestListener() {
                @Override
                public void started(int files, long bytes) {
                    try {
                        Files.delete(doomed); // listed, then gone before it is read
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }

                @Override
                public void fileFailed(Path file, String reason) {
                    r.fileFailed(file, reason);
                }
            };
            IngestSummary s = new IngestRunner(ws, INGESTER, IngestRunner.Options.defaults().withMaxFileBytes(64L << 20))
                    .run(List.of(batch, stored), Manifest.none(), deleting);

            assertEquals(1, s.added(), "only the good file is new");
            assertEquals(7, s.failed(), r.failures.toString());
            assertEquals(7, r.failures.size());
            for (Map.Entry<Path, String> f : r.failures.entrySet()) {
                assertFalse(f.getValue().isBlank());
                assertEquals(1, f.getValue().lines().count(), f.toString());
            }
            assertTrue(r.failures.get(Path.of("huge.txt")).contains("too large"));
            assertTrue(r.failures.get(Path.of("zz-deleted-during-run.txt")).contains("deleted"));
            assertTrue(r.failures.get(Path.of("empty.txt")).contains("empty"));
            assertEquals(6, ws.documentCount());
            // everything stored before is still there, unchanged
            String after = export(ws);
            for (String line : before.split("\n")) {
                assertTrue(after.contains(line), "lost: " + line);
            }
            assertTrue(after.contains("Косово — статья 003.txt"));
            assertTrue(good.toFile().exists());
        }
    }
}
