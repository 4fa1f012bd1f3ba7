package org.demarche.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.demarche.export.JsonlExporter;
import org.demarche.ingest.Corpora;
import org.demarche.ingest.DocumentIngester;
import org.demarche.ingest.Manifest;
import org.demarche.pipeline.IngestListener;
import org.demarche.pipeline.IngestRunner;
import org.demarche.pipeline.IngestSummary;
import org.demarche.nlp.NlpExtractor;
import org.demarche.pipeline.ParquetImport;
import org.demarche.stance.Codebook;
import org.demarche.store.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark job in local mode against a single-machine ingest of the same corpus: the same knowledge base. */
class SparkExtractJobTest {

    @TempDir
    Path tmp;

    /** The seeds with their manifest, six UN General Debate statements with theirs, a feed and an empty file. */
    private Path corpus() throws Exception {
        Path dir = Corpora.copySeeds(tmp);
        List<String> manifest = new ArrayList<>(Files.readAllLines(dir.resolve("manifest.csv"), StandardCharsets.UTF_8));
        List<String> ungdcRows = Files.readAllLines(Corpora.ungdc().resolve("manifest.csv"), StandardCharsets.UTF_8);
        for (Path p : Corpora.ungdcSample(6)) {
            String rel = Corpora.ungdc().relativize(p).toString();
            Path copy = dir.resolve("ungdc").resolve(rel);
            Files.createDirectories(copy.getParent());
            Files.copy(p, copy);
            String row = ungdcRows.stream().filter(r -> r.startsWith(rel + ",")).findFirst().orElseThrow();
            manifest.add("ungdc/" + row);
        }
        Files.writeString(dir.resolve("desk.rss"), "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Desk</title>"
                + "<item><title>Lavrov on Kosovo</title><link>https://desk.example.org/1</link>"
                + "<pubDate>Mon, 18 Feb 2008 09:00:00 GMT</pubDate><description><![CDATA[<p>Russian Foreign Minister Sergei "
                + "Lavrov said on Monday that Moscow would not recognise the independence of Kosovo. \"This is a breach of "
                + "international law,\" Lavrov told reporters.</p>]]></description></item></channel></rss>");
        manifest.add("desk.rss,,,,,,,,,,en");
        Files.write(dir.resolve("empty.txt"), new byte[0]);
        manifest.add("empty.txt,,,,,,,,,,en");
        Files.write(dir.resolve("manifest.csv"), manifest, StandardCharsets.UTF_8);
        return dir;
    }

    private static String export(Workspace ws) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonlExporter(false).export(ws, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theJobOnSparkMakesTheSameKnowledgeBaseAsOneMachine() throws Exception {
        Path corpus = corpus();
        Manifest manifest = Manifest.read(corpus.resolve("manifest.csv"));
        Codebook codebook = Codebook.builtIn();
        IngestRunner.Options one = IngestRunner.Options.defaults().withThreads(1); // files stored in path order

        String single;
        IngestSummary local;
        try (Workspace ws = Workspace.open(tmp.resolve("single"))) {
            local = new IngestRunner(ws, new DocumentIngester(), one, new NlpExtractor(), 120_000).withStances(codebook)
                    .run(List.of(corpus), manifest, new IngestListener() {});
            single = export(ws);
        }
        assertEquals(1, local.failed(), "the empty file");

        Path tables = tmp.resolve("tables");
        SparkExtractJob.Counts counts;
        try (SparkSession spark = SparkSession.builder().master("local[2]").appName("demarche-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate()) {
            counts = SparkExtractJob.run(spark, corpus, manifest, tables, 3);
        }
        assertEquals(local.added(), counts.documents());
        assertEquals(1, counts.failures());
        assertTrue(Files.isDirectory(tables.resolve("statements")));

        List<String> failures = new ArrayList<>();
        String imported;
        try (Workspace ws = Workspace.open(tmp.resolve("imported"))) {
            IngestSummary s = ParquetImport.run(ws, tables, codebook, one, new IngestListener() {
                @Override
                public void fileFailed(Path file, String reason) {
                    failures.add(file.getFileName() + ": " + reason);
                }
            });
            assertEquals(local.added(), s.added());
            imported = export(ws);
            IngestSummary again = ParquetImport.run(ws, tables, codebook, one, new IngestListener() {});
            assertEquals(0, again.added(), "an import of the same tables changes nothing");
            assertEquals(imported, export(ws));
        }
        assertEquals(List.of("empty.txt: empty file (0 bytes)"), failures);
        assertTrue(single.contains("\"type\":\"statement\""), "the corpus gave statements");
        assertEquals(single, imported);
    }
}
