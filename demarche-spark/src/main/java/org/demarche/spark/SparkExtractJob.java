package org.demarche.spark;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.demarche.ingest.CorpusReader;
import org.demarche.ingest.DocumentIngester;
import org.demarche.ingest.Manifest;
import org.demarche.ingest.SourceFinder;
import org.demarche.model.Document;
import org.demarche.model.DocumentMetadata;
import org.demarche.model.Extraction;
import org.demarche.nlp.NlpExtractor;

/**
 * The extraction stage on Apache Spark. The driver lists the corpus (and reads the manifest); the
 * executors read, clean and extract each file with the same code a single-machine ingest runs (the
 * ingest module's CorpusReader, the nlp module's NlpExtractor: no workspace library is on their classpath),
 * CoreNLP loaded once per executor JVM; the results are written as the Parquet tables of KbTables.
 * `demarche import` then stores them in a workspace, where the actor merge, the stance stage and
 * the search index run as after an ingest (they are cheap next to extraction).
 *
 * <pre>
 * spark-submit --class org.demarche.spark.SparkExtractJob demarche-spark-job.jar \
 *     --corpus /shared/ungdc --out /shared/ungdc-kb [--manifest FILE] [--partitions N]
 * </pre>
 * The corpus must be readable at the same path by the driver and every executor (a shared mount).
 */
public final class SparkExtractJob {

    /** One file to read, with the manifest's facts about it (the manifest stays on the driver). */
    record FileTask(String path, String[] metadata) implements Serializable {}

    /** What one file became: a document's rows per table, or a failure. */
    static final class Extracted implements Serializable {
        Row document;
        Row failure;
        final List<Row> actors = new ArrayList<>();
        final List<Row> mentions = new ArrayList<>();
        final List<Row> statements = new ArrayList<>();
        final List<Row> roles = new ArrayList<>();
        final List<Row> events = new ArrayList<>();
    }

    /** Per executor JVM: models load once, on the first document. */
    private static final class Stage {
        static final DocumentIngester INGESTER = new DocumentIngester();
        static final NlpExtractor EXTRACTOR = new NlpExtractor();
    }

    private static final int CLEAN_TEXT = KbTables.DOCUMENTS.fieldIndex("clean_text");

    private SparkExtractJob() {}

    public static void main(String[] args) throws Exception {
        Path corpus = null;
        Path out = null;
        Path manifestFile = null;
        int partitions = 0;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--corpus" -> corpus = Path.of(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--manifest" -> manifestFile = Path.of(args[i + 1]);
                case "--partitions" -> partitions = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (corpus == null || out == null) {
            System.err.println("usage: SparkExtractJob --corpus DIR --out DIR [--manifest FILE] [--partitions N]");
            System.exit(2);
        }
        if (manifestFile == null && Files.isRegularFile(corpus.resolve("manifest.csv"))) {
            manifestFile = corpus.resolve("manifest.csv");
        }
        Manifest manifest = manifestFile == null ? Manifest.none() : Manifest.read(manifestFile);
        try (SparkSession spark = SparkSession.builder().appName("demarche extract").getOrCreate()) {
            long t0 = System.nanoTime();
            Counts c = run(spark, corpus, manifest, out, partitions);
            System.out.printf("demarche extract on Spark: %d documents, %d failures, %,d words in %.1f s; tables in %s%n",
                    c.documents(), c.failures(), c.words(), (System.nanoTime() - t0) / 1e9, out);
        }
    }

    /** What a run wrote. */
    public record Counts(long documents, long failures, long words) {}

    /** Extracts the corpus's files (those the manifest lists, when there is one) into Parquet tables under out. */
    public static Counts run(SparkSession spark, Path corpus, Manifest manifest, Path out, int partitions) {
        SourceFinder.Found found = CorpusReader.find(List.of(corpus), manifest, false);
        List<FileTask> tasks = new ArrayList<>();
        for (Path p : found.files()) {
            tasks.add(new FileTask(p.toString(), metadata(manifest.metadataFor(p))));
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int slices = partitions > 0 ? partitions : Math.max(1, Math.min(tasks.size(), jsc.defaultParallelism() * 4));
        JavaRDD<Extracted> done = jsc.parallelize(tasks, slices).flatMap(SparkExtractJob::extract)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            write(spark, done.filter(e -> e.document != null).map(e -> e.document), KbTables.DOCUMENTS, out, "documents");
            write(spark, done.flatMap(e -> e.actors.iterator()), KbTables.ACTORS, out, "actors");
            write(spark, done.flatMap(e -> e.mentions.iterator()), KbTables.MENTIONS, out, "mentions");
            write(spark, done.flatMap(e -> e.statements.iterator()), KbTables.STATEMENTS, out, "statements");
            write(spark, done.flatMap(e -> e.roles.iterator()), KbTables.ROLES, out, "roles");
            write(spark, done.flatMap(e -> e.events.iterator()), KbTables.EVENTS, out, "events");
            write(spark, done.filter(e -> e.failure != null).map(e -> e.failure), KbTables.FAILURES, out, "failures");
            long docs = done.filter(e -> e.document != null).count();
            long failures = done.filter(e -> e.failure != null).count() + found.problems().size();
            long words = done.filter(e -> e.document != null)
                    .map(e -> (long) e.document.getString(CLEAN_TEXT).split("\\s+").length).fold(0L, Long::sum);
            return new Counts(docs, failures, words);
        } finally {
            done.unpersist();
        }
    }

    private static void write(SparkSession spark, JavaRDD<Row> rows, StructType schema, Path out, String table) {
        spark.createDataFrame(rows, schema).write().mode(SaveMode.Overwrite).parquet(out.resolve(table).toUri().toString());
    }

    private static String[] metadata(DocumentMetadata m) {
        return new String[] {m.url(), m.title(), m.published(), m.publisher(), m.author(), m.speaker(), m.speakerKind(),
                m.speakerRole(), m.speakerFor(), m.language()};
    }

    private static DocumentMetadata metadata(String[] f) {
        return new DocumentMetadata(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9]);
    }

    /** Executor side: one file (or each record of a web archive or feed) read, cleaned and extracted. */
    static Iterator<Extracted> extract(FileTask task) throws InterruptedException {
        List<Extracted> out = new ArrayList<>();
        // nothing is stored yet: every source is read; the import decides what is unchanged
        new CorpusReader(Stage.INGESTER, Long.MAX_VALUE, NlpExtractor.VERSION, new TreeMap<>())
                .read(Path.of(task.path()), metadata(task.metadata()), source -> out.add(extracted(source)));
        return out.iterator();
    }

    private static Extracted extracted(CorpusReader.Source source) {
        if (source instanceof CorpusReader.Failed f) {
            return failure(f.source(), f.reason());
        }
        CorpusReader.Read r = (CorpusReader.Read) source; // never Unchanged: the reader knows no stored source
        Document d = r.document();
        Extraction x = null;
        try {
            x = Stage.EXTRACTOR.extract(d);
        } catch (RuntimeException | StackOverflowError e) {
            d = d.withWarning("extraction failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        String s = r.source();
        Extracted e = new Extracted();
        e.document = KbTables.document(s, d, r.fingerprint(), r.size(), r.modified(), x);
        if (x != null) {
            e.actors.addAll(KbTables.actors(s, x));
            e.mentions.addAll(KbTables.mentions(s, x));
            e.statements.addAll(KbTables.statements(s, x));
            e.roles.addAll(KbTables.roles(s, x));
            e.events.addAll(KbTables.events(s, x));
        }
        return e;
    }

    private static Extracted failure(String source, String reason) {
        Extracted e = new Extracted();
        e.failure = RowFactory.create(source, reason);
        return e;
    }
}
