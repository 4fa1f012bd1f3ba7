package org.demarche.cli;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.demarche.ingest.DocumentIngester;
import org.demarche.ingest.Manifest;
import org.demarche.ingest.ManifestException;
import org.demarche.ingest.SourceFinder;
import org.demarche.nlp.Extractor;
import org.demarche.nlp.NlpExtractor;
import org.demarche.pipeline.IngestListener;
import org.demarche.pipeline.IngestListener.Outcome;
import org.demarche.pipeline.IngestRunner;
import org.demarche.pipeline.IngestSummary;
import org.demarche.stance.Codebook;
import org.demarche.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code demarche bench ingest}: measures ingest (extraction, cleaning, storage) on a corpus
 * and prints documents/s, MB/s and peak heap. A fresh workspace each run; a second, unchanged
 * pass shows what re-ingesting costs. Run it with the heap you want to prove: JAVA_OPTS=-Xmx1g.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure a stage on a corpus and print the figures.")
final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STAGE", description = "What to measure: ingest (read, clean, store), "
            + "extract (the full pipeline, compared in the same run with CoreNLP's stock pipeline on the same documents) or "
            + "serve (search and stance-matrix requests from concurrent clients on loopback, over --workspace), "
            + "network (discourse networks of all issues over --workspace) or export (JSON Lines, CSV, Parquet of --workspace).")
    String stage;

    @Option(names = "--stock-sample", paramLabel = "N", defaultValue = "20",
            description = "With extract: how many of the documents CoreNLP's stock pipeline also runs on (default: ${DEFAULT-VALUE}).")
    int stockSample;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "8", description = "With serve: concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--server-threads", paramLabel = "N", defaultValue = "0",
            description = "With serve: the server's request threads (default: as serve, one per core, at least 2).")
    int serverThreads;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "200", description = "With serve: requests per client and kind (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "300",
            description = "With serve: unmeasured searches per client first, while the JIT compiles the request path "
                    + "(default: ${DEFAULT-VALUE}; with fewer, compiling takes a quarter of the cores during the measure).")
    int warmup;

    @Option(names = "--hostile", description = "With serve: the searches again while slow clients and a flood of "
            + "distinct URLs attack the server; fails unless p95 stays within twice the quiet figure.")
    boolean hostile;

    @Option(names = "--slow-sockets", paramLabel = "N", defaultValue = "50", description = "With --hostile: half-open sockets (default: ${DEFAULT-VALUE}).")
    int slowSockets;

    @Option(names = "--flood", paramLabel = "N", defaultValue = "10000", description = "With --hostile: distinct URLs requested (default: ${DEFAULT-VALUE}).")
    int flood;

    @Option(names = "--heap-bound", paramLabel = "MB", defaultValue = "512", description = "With --hostile: the most heap in use allowed (default: ${DEFAULT-VALUE}).")
    long heapBound;

    @Option(names = "--window", paramLabel = "SPEC", defaultValue = "3y/1y",
            description = "With network: the time windows (default: ${DEFAULT-VALUE}).")
    String window;

    @Option(names = "--corpus", paramLabel = "DIR", description = "The corpus folder (ingest, extract).")
    Path corpus;

    @Option(names = "--manifest", paramLabel = "FILE", description = "Its manifest (default: DIR/manifest.csv if present).")
    Path manifestFile;

    @Option(names = "--limit", paramLabel = "N", description = "Use N files spread evenly over the corpus (default: all).")
    Integer limit;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per core).")
    Integer threads;

    @Option(names = "--codebook", paramLabel = "FILE", description = "With extract: the codebook the stance stage uses (default: the built-in one).")
    Path codebookFile;

    @Option(names = "--checkpoint", paramLabel = "N", defaultValue = "1000",
            description = "With extract: print the cost per word after every N documents of the run (default: ${DEFAULT-VALUE}).")
    int checkpoint;

    @Option(names = "--curve", paramLabel = "N", split = ",",
            description = "With extract: also run the pipeline on nested samples of these sizes and print the cost per word.")
    List<Integer> curve;

    @Option(names = "--workspace", paramLabel = "DIR", description = "Where to build the workspace (default: a temporary folder, removed after).")
    Path workspaceDir;

    @Override
    public Integer call() throws Exception {
        if (stage.equals("serve") && hostile) {
            if (workspaceDir == null || !Workspace.exists(workspaceDir)) {
                System.err.println("demarche: bench serve needs --workspace with an ingested workspace");
                return 2;
            }
            return ServeBench.hostile(workspaceDir, clients, requests, slowSockets, flood, serverThreads, heapBound);
        }
        if (stage.equals("network") || stage.equals("export")) {
            if (workspaceDir == null || !Workspace.exists(workspaceDir)) {
                System.err.println("demarche: bench " + stage + " needs --workspace with an ingested workspace");
                return 2;
            }
            return stage.equals("network") ? NetworkBench.network(workspaceDir, window) : NetworkBench.export(workspaceDir);
        }
        if (stage.equals("serve")) {
            return ServeBench.run(workspaceDir, clients, requests, warmup, codebookFile, serverThreads);
        }
        if (!stage.equals("ingest") && !stage.equals("extract")) {
            System.err.println("demarche: unknown stage " + stage + " (ingest, extract, serve, network or export)");
            return 2;
        }
        if (corpus == null) {
            System.err.println("demarche: bench " + stage + " needs --corpus");
            return 2;
        }
        boolean extract = stage.equals("extract");
        Path mf = manifestFile != null ? manifestFile : corpus.resolve("manifest.csv");
        Manifest manifest = Files.exists(mf) ? Manifest.read(mf) : Manifest.none();
        List<Path> files = SourceFinder.find(List.of(corpus), manifest, false).files();
        if (limit != null) {
            files = SourceFinder.spread(files, limit);
        }
        boolean temporary = workspaceDir == null;
        Path wsDir = temporary ? Files.createTempDirectory("demarche-bench") : workspaceDir;
        IngestRunner.Options options = IngestRunner.Options.defaults();
        if (threads != null) {
            options = options.withThreads(threads);
        }
        try {
            System.out.printf("bench ingest: %d files from %s, %d threads, max heap %d MB%n", files.size(), corpus,
                    options.threads(), Runtime.getRuntime().maxMemory() >> 20);
            resetPeaks();
            long gc0 = gcMillis();
            IngestSummary first;
            IngestSummary again;
            NlpExtractor extractor = extract ? IngestCommand.loadExtractor() : null;
            resetPeaks();
            Codebook codebook = codebookFile != null ? Codebook.read(codebookFile) : Codebook.builtIn();
            Map<Path, Long> wordsPerFile = new HashMap<>(); // read once: for the checkpoints and the total
            if (extract) {
                for (Path f : files) {
                    wordsPerFile.put(f, StockPipeline.words(List.of(f)));
                }
            }
            Map<String, Duration> stages;
            try (Workspace ws = Workspace.open(wsDir)) {
                IngestRunner runner = extract
                        ? new IngestRunner(ws, new DocumentIngester(), options, extractor, 600_000).withStances(codebook)
                        : new IngestRunner(ws, new DocumentIngester(), options);
                ProgressReporter progress = ProgressReporter.forStderr("bench");
                try {
                    first = runner.run(files, manifest, extract ? new Checkpoints(progress, wordsPerFile, checkpoint) : progress);
                } finally {
                    progress.close();
                }
                stages = runner.stageTimes();
                again = runner.run(files, manifest, new IngestListener() {});
            }
            double secs = first.elapsed().toNanos() / 1e9;
            long words = wordsPerFile.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("first pass:  %s%n", first.describe());
            System.out.printf("  %.1f documents/s, %.2f MB/s (%.1f MB read), peak heap %d MB, GC %.1f s%n",
                    first.files() / secs, first.bytesRead() / 1e6 / secs, first.bytesRead() / 1e6, peakHeapMb(),
                    (gcMillis() - gc0) / 1000.0);
            if (extract) {
                System.out.printf("  demarche full pipeline (ingest, extraction, stances, index): %,d words, %.0f words/s%n",
                        words, words / secs);
            }
            System.out.printf("  time per stage (summed over %d threads; the wall clock was %.1f s):%n", options.threads(),
                    secs);
            stages.forEach((stage, d) -> System.out.printf("    %-15s %8.1f s%n", stage, d.toNanos() / 1e9));
            if (extract) {
                // taken before the second pass, which extracts nothing new
                Map<String, Duration> steps = extractor.stepTimes();
                System.out.println("  time per extraction step (summed over threads):");
                steps.forEach((step, d) -> System.out.printf("    %-20s %8.1f s%n", step, d.toNanos() / 1e9));
            }
            double againSecs = again.elapsed().toNanos() / 1e9;
            System.out.printf("second pass (unchanged): %s%n  %.2f s, %.1f%% of the first pass%n", again.describe(),
                    againSecs, 100 * againSecs / secs);
            System.out.printf("workspace size on disk: %.1f MB%n", folderBytes(wsDir) / 1e6);
            if (extract && curve != null) {
                printCurve(files, manifest, options, extractor, codebook);
            }
            if (extract && stockSample > 0) {
                List<Path> sample = SourceFinder.spread(files, Math.min(stockSample, files.size()));
                resetPeaks();
                StockPipeline.Result stock = StockPipeline.run(sample, options.threads());
                System.out.printf("CoreNLP stock pipeline (%s) on %d of the documents: %,d words in %.1f s, "
                        + "%.0f words/s, peak heap %d MB%n", StockPipeline.ANNOTATORS, sample.size(), stock.words(),
                        stock.seconds(), stock.words() / stock.seconds(), peakHeapMb());
                System.out.printf("speed-up of demarche over the stock pipeline: %.1fx%n",
                        (words / secs) / (stock.words() / stock.seconds()));
            }
        } finally {
            if (temporary) {
                deleteTree(wsDir);
            }
        }
        return 0;
    }

    /**
     * The cost per word as the corpus grows: the whole pipeline on nested samples spread over the corpus, each
     * into a fresh workspace. A flat line means nothing in it grows faster than the corpus.
     */
    private void printCurve(List<Path> all, Manifest manifest, IngestRunner.Options options,
                            Extractor extractor, Codebook codebook) throws IOException {
        System.out.println("cost per word as the corpus grows (whole pipeline, fresh workspace each):");
        System.out.println("  documents      words   seconds   words/s   µs/word   peak heap MB");
        for (int n : curve) {
            List<Path> files = SourceFinder.spread(all, Math.min(n, all.size()));
            long words = StockPipeline.words(files);
            Path dir = Files.createTempDirectory("demarche-curve");
            try (Workspace ws = Workspace.open(dir)) {
                resetPeaks();
                IngestSummary s = new IngestRunner(ws, new DocumentIngester(), options, extractor, 600_000)
                        .withStances(codebook).run(files, manifest, new IngestListener() {});
                double secs = s.elapsed().toNanos() / 1e9;
                System.out.printf("  %9d %10d %9.1f %9.0f %9.1f %14d%n", files.size(), words, secs, words / secs,
                        1e6 * secs / words, peakHeapMb());
            } finally {
                deleteTree(dir);
            }
        }
    }

    /**
     * Passes everything to the progress display and prints, every n documents, the cost per word of the last n
     * and of all so far: within one run over the corpus, the curve of the cost per word as the workspace grows.
     */
    private static final class Checkpoints implements IngestListener {
        private final IngestListener inner;
        private final Map<Path, Long> words;
        private final int every;
        private final long t0 = System.nanoTime();
        private long lastNanos = t0;
        private long allWords;
        private long lastWords;
        private int done;

        Checkpoints(IngestListener inner, Map<Path, Long> words, int every) {
            this.inner = inner;
            this.words = words;
            this.every = Math.max(1, every);
            System.out.println("  documents      words   seconds   µs/word (last " + this.every + ")   µs/word (all)   heap used MB");
        }

        @Override
        public void fileDone(Path file, Outcome outcome, long bytes) {
            inner.fileDone(file, outcome, bytes);
            allWords += words.getOrDefault(file, 0L);
            if (++done % every == 0) {
                long now = System.nanoTime();
                Runtime rt = Runtime.getRuntime();
                System.out.printf("  %9d %10d %9.0f %21.1f %15.1f %14d%n", done, allWords, (now - t0) / 1e9,
                        (now - lastNanos) / 1e3 / Math.max(1, allWords - lastWords), (now - t0) / 1e3 / allWords,
                        (rt.totalMemory() - rt.freeMemory()) >> 20);
                lastNanos = now;
                lastWords = allWords;
            }
        }

        @Override
        public void started(int files, long bytes) {
            inner.started(files, bytes);
        }

        @Override
        public void fileFailed(Path file, String reason) {
            inner.fileFailed(file, reason);
        }

        @Override
        public void committed(int documentsThisRun) {
            inner.committed(documentsThisRun);
        }

        @Override
        public void stageStarted(String stage, int documents) {
            inner.stageStarted(stage, documents);
        }

        @Override
        public void stageProgress(String stage, int n) {
            inner.stageProgress(stage, n);
        }

        @Override
        public void indexed(int units, long millis) {
            inner.indexed(units, millis);
        }
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peaks: an upper bound on the heap the run needed at once. */
    private static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    }

    private static long folderBytes(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
