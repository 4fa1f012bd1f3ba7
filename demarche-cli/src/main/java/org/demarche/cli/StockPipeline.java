package org.demarche.cli;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * CoreNLP's stock pipeline, run the way a user would run it on the same documents, on all cores:
 * the yardstick the benchmark compares demarche's extraction with.
 */
final class StockPipeline {

    static final String ANNOTATORS = "tokenize,ssplit,pos,lemma,ner,depparse,coref,quote";

    record Result(long words, double seconds) {}

    private StockPipeline() {}

    static Result run(List<Path> files, int threads) throws Exception {
        Properties p = new Properties();
        p.setProperty("annotators", ANNOTATORS);
        p.setProperty("coref.algorithm", "statistical");
        StanfordCoreNLP nlp = new StanfordCoreNLP(p); // models load before the clock starts
        long words = words(files);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        try {
            List<Future<Boolean>> done = new java.util.ArrayList<>();
            for (Path f : files) {
                done.add(pool.submit(() -> {
                    nlp.annotate(new CoreDocument(read(f)));
                    return true;
                }));
            }
            for (Future<Boolean> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(words, (System.nanoTime() - t0) / 1e9);
    }

    /** White-space separated words: the unit both sides of the comparison are counted in. */
    static long words(List<Path> files) {
        long n = 0;
        for (Path f : files) {
            String t = read(f).strip();
            n += t.isEmpty() ? 0 : t.split("\\s+").length;
        }
        return n;
    }

    private static String read(Path f) {
        try {
            return new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
