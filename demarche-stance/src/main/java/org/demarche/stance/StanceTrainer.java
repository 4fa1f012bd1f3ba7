package org.demarche.stance;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.demarche.model.Polarity;
import org.demarche.model.RecordId;
import org.demarche.model.Statement;
import org.demarche.stance.StanceDetector.Finding;

/**
 * Trains the stance model (eval/stance-train/train.sh runs it): reads the training pairs that
 * join_votes.py made from roll-call votes, computes each speech's evidence on its issue with the
 * stance detector (the whole speech as the state's one statement), reports cross-validation
 * that leaves whole issues out, fits the temperature on those held-out predictions and writes
 * the model trained on all pairs.
 *
 * <p>usage: StanceTrainer --pairs TSV --codebook YML --corpus DIR --features TSV --out MODEL [--threads N] [--lambda L]
 */
public final class StanceTrainer {

    /** How far the classes are balanced: 0 as they come, 1 each class weighs the same in total. */
    private static final double BALANCE = Double.parseDouble(System.getProperty("balance", "0.5"));

    private record Example(String file, String issue, int label, double[] raw) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path features = Path.of(a.get("features"));
        List<Example> examples = Files.exists(features) ? readFeatures(features)
                : computeFeatures(Path.of(a.get("pairs")), Path.of(a.get("codebook")), Path.of(a.get("corpus")), features,
                Integer.parseInt(a.getOrDefault("threads", "2")));
        double lambda = Double.parseDouble(a.getOrDefault("lambda", "0.003"));
        int iterations = Integer.parseInt(a.getOrDefault("iterations", "3000"));
        System.out.printf(Locale.ROOT, "%d examples with evidence, %d features, lambda %.4f%n", examples.size(),
                StanceFeatures.NAMES.length, lambda);

        // leave-issues-out cross-validation: each issue is predicted by a model that never saw it
        Set<String> issues = new LinkedHashSet<>();
        examples.forEach(e -> issues.add(e.issue()));
        List<double[]> xs = examples.stream().map(e -> StanceFeatures.input(e.raw())).toList();
        int[] ys = examples.stream().mapToInt(Example::label).toArray();
        StanceModel[] heldOut = new StanceModel[examples.size()];
        leaveEachIssueOut(examples, issues, (train, test) -> {
            StanceModel m = fit(train.stream().map(xs::get).toList(), train.stream().mapToInt(n -> ys[n]).toArray(),
                    lambda, iterations);
            test.forEach(n -> heldOut[n] = m);
        });
        double temperature = StanceModel.fitTemperature(heldOut, xs, ys);
        int[] predicted = new int[examples.size()];
        double[] confidence = new double[examples.size()];
        for (int n = 0; n < examples.size(); n++) {
            double[] p = heldOut[n].withTemperature(temperature).probabilities(xs.get(n));
            predicted[n] = argmax(p);
            confidence[n] = p[predicted[n]];
        }
        System.out.println("leave-one-issue-out cross-validation (temperature " + String.format(Locale.ROOT, "%.2f", temperature) + "):");
        for (String issue : issues) {
            report("  " + issue, examples, ys, predicted, e -> e.issue().equals(issue));
        }
        report("  all issues", examples, ys, predicted, e -> true);
        reliability(ys, predicted, confidence);
        // what ships: the words decide the side, the held-out model gives its probability as the confidence
        int[] words = new int[examples.size()];
        double[] wordsConfidence = new double[examples.size()];
        for (int n = 0; n < examples.size(); n++) {
            double[] raw = examples.get(n).raw();
            StanceDetector.Decision d = StanceDetector.decide(heldOut[n].withTemperature(temperature), raw);
            words[n] = StanceModel.indexOf(d.polarity());
            wordsConfidence[n] = d.confidence();
        }
        System.out.println("the words' side with the held-out model's probability of it:");
        report("  all issues", examples, ys, words, e -> true);
        reliability(ys, words, wordsConfidence);

        // the confidence that ships: how often the words' side is right, learnt from the held-out answers above
        // (the model's probability of that side, the words' own confidence, no side); reported leaving issues out again
        List<double[]> cx = new ArrayList<>();
        boolean[] right = new boolean[examples.size()];
        for (int n = 0; n < examples.size(); n++) {
            double[] raw = examples.get(n).raw();
            StanceDetector.Decision w = StanceDetector.decide(raw[StanceFeatures.SUPPORT], raw[StanceFeatures.OPPOSE],
                    raw[StanceFeatures.NEUTRAL]);
            double p = heldOut[n].withTemperature(temperature).probabilities(xs.get(n))[words[n]];
            cx.add(StanceModel.calibrationInput(p, w.confidence(), w.polarity() == Polarity.NEUTRAL));
            right[n] = words[n] == ys[n];
        }
        double[] calibratedConfidence = new double[examples.size()];
        leaveEachIssueOut(examples, issues, (train, test) -> {
            boolean[] ty = new boolean[train.size()];
            for (int k = 0; k < ty.length; k++) {
                ty[k] = right[train.get(k)];
            }
            double[] c = StanceModel.fitCalibration(train.stream().map(cx::get).toList(), ty, 3000);
            test.forEach(n -> calibratedConfidence[n] = StanceDetector.round(StanceModel.calibrate(c, cx.get(n))));
        });
        System.out.println("the words' side with the calibrated confidence (what the stance stage answers):");
        reliability(ys, words, calibratedConfidence);
        double[] calibration = StanceModel.fitCalibration(cx, right, 3000);

        StanceModel all = fit(xs, ys, lambda, iterations).withTemperature(temperature).withCalibration(calibration);
        if (a.containsKey("dev-pairs")) {
            // a development set, for a look only: it takes no part in training
            Path devCache = Path.of(a.get("features") + ".dev");
            List<Example> dev = Files.exists(devCache) ? readFeatures(devCache)
                    : computeFeatures(Path.of(a.get("dev-pairs")), Path.of(a.get("dev-codebook")), Path.of(a.get("dev-corpus")),
                    devCache, Integer.parseInt(a.getOrDefault("threads", "2")));
            int[] dy = dev.stream().mapToInt(Example::label).toArray();
            int[] dp = new int[dev.size()];
            double[] dc = new double[dev.size()];
            for (int n = 0; n < dev.size(); n++) {
                StanceDetector.Decision d = StanceDetector.decide(all, dev.get(n).raw());
                dp[n] = StanceModel.indexOf(d.polarity());
                dc[n] = d.confidence();
            }
            System.out.println("development pairs, as the stance stage answers (whole speeches, not the pipeline):");
            for (String issue : new LinkedHashSet<>(dev.stream().map(Example::issue).toList())) {
                report("  " + issue, dev, dy, dp, e -> e.issue().equals(issue));
            }
            report("  all", dev, dy, dp, e -> true);
            reliability(dy, dp, dc);
        }
        try (Writer out = Files.newBufferedWriter(Path.of(a.get("out")), StandardCharsets.UTF_8)) {
            all.write(out, "# The stance model: multinomial logistic regression over StanceFeatures.input, trained by\n"
                    + "# eval/stance-train/train.sh on " + examples.size() + " (speech, issue) pairs of " + issues.size()
                    + " training issues labelled by\n# roll-call votes (UNGDC and unvotes, both CC0). Generated: do not edit by hand.\n");
        }
    }

    /** For each issue in turn: the positions of the other issues' examples (to train on) and of its own (to predict). */
    private static void leaveEachIssueOut(List<Example> examples, Set<String> issues,
                                          java.util.function.BiConsumer<List<Integer>, List<Integer>> fold) {
        for (String issue : issues) {
            List<Integer> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int n = 0; n < examples.size(); n++) {
                (examples.get(n).issue().equals(issue) ? test : train).add(n);
            }
            fold.accept(train, test);
        }
    }

    /** Balanced class weights (each class weighs as much in total), so the rare sides are learned at all. */
    private static StanceModel fit(List<double[]> xs, int[] ys, double lambda, int iterations) {
        int[] counts = new int[StanceModel.CLASSES.length];
        for (int y : ys) {
            counts[y]++;
        }
        double[] w = new double[ys.length];
        for (int n = 0; n < ys.length; n++) {
            w[n] = Math.pow((double) ys.length / (counts.length * counts[ys[n]]), BALANCE);
        }
        return StanceModel.fit(xs, ys, w, lambda, iterations);
    }

    private static void report(String name, List<Example> ex, int[] ys, int[] pred, java.util.function.Predicate<Example> in) {
        int n = 0, hits = 0, sign = 0, support = 0;
        int[][] confusion = new int[3][3];
        for (int i = 0; i < ex.size(); i++) {
            if (!in.test(ex.get(i))) {
                continue;
            }
            n++;
            confusion[ys[i]][pred[i]]++;
            hits += ys[i] == pred[i] ? 1 : 0;
            sign += ys[i] + pred[i] == 1 ? 1 : 0; // support (0) against oppose (1)
            support += ys[i] == 0 ? 1 : 0;
        }
        double f1 = 0;
        int classes = 0;
        for (int c = 0; c < 3; c++) {
            int tp = confusion[c][c], fp = 0, fn = 0;
            for (int k = 0; k < 3; k++) {
                if (k != c) {
                    fp += confusion[k][c];
                    fn += confusion[c][k];
                }
            }
            if (tp + fp + fn > 0) {
                f1 += 2.0 * tp / (2 * tp + fp + fn);
                classes++;
            }
        }
        System.out.printf(Locale.ROOT, "%-34s n=%4d accuracy %.3f macro_f1 %.3f sign_errors %.3f (all-support %.3f)%n", name, n,
                (double) hits / n, f1 / classes, (double) sign / n, (double) support / n);
    }

    private static void reliability(int[] ys, int[] pred, double[] conf) {
        System.out.println("  reliability (held-out): confidence bin, n, mean confidence, accuracy");
        double ece = 0;
        for (int b = 0; b < 10; b++) {
            double lo = b / 10.0, hi = (b + 1) / 10.0;
            int n = 0, hits = 0;
            double sum = 0;
            for (int i = 0; i < ys.length; i++) {
                if (conf[i] >= lo && (conf[i] < hi || b == 9)) {
                    n++;
                    sum += conf[i];
                    hits += ys[i] == pred[i] ? 1 : 0;
                }
            }
            if (n > 0) {
                System.out.printf(Locale.ROOT, "    %.1f-%.1f %5d %.3f %.3f%n", lo, hi, n, sum / n, (double) hits / n);
                ece += Math.abs(sum / n - (double) hits / n) * n / ys.length;
            }
        }
        System.out.printf(Locale.ROOT, "  expected calibration error %.3f%n", ece);
    }

    static int argmax(double[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }

    private static List<Example> computeFeatures(Path pairs, Path codebookFile, Path corpus, Path cache, int threads)
            throws Exception {
        StanceDetector detector = new StanceDetector(Codebook.read(codebookFile), null);
        List<String> lines = Files.readAllLines(pairs, StandardCharsets.UTF_8);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Example>> futures = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            futures.add(pool.submit(() -> {
                String text = Files.readString(corpus.resolve(f[0]), StandardCharsets.UTF_8);
                for (Finding finding : detector.detect(text, Statement.at(RecordId.statement(0), null, 0, text.length(), null, null))) {
                    if (finding.issue().equals(f[1])) {
                        return new Example(f[0], f[1], label(Polarity.parse(f[2])), finding.evidence());
                    }
                }
                return null; // the stance stage would not find the issue in this speech
            }));
        }
        List<Example> out = new ArrayList<>();
        int done = 0;
        try (BufferedWriter w = Files.newBufferedWriter(cache, StandardCharsets.UTF_8)) {
            for (Future<Example> fu : futures) {
                Example e = fu.get();
                if (++done % 100 == 0) {
                    System.err.println("features: " + done + "/" + futures.size());
                }
                if (e == null) {
                    continue;
                }
                out.add(e);
                StringBuilder sb = new StringBuilder(e.file() + "\t" + e.issue() + "\t" + e.label());
                for (double v : e.raw()) {
                    sb.append('\t').append(v);
                }
                w.write(sb + "\n");
            }
        } finally {
            pool.shutdown();
        }
        return out;
    }

    private static List<Example> readFeatures(Path cache) throws IOException {
        List<Example> out = new ArrayList<>();
        for (String line : Files.readAllLines(cache, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            double[] raw = new double[StanceFeatures.RAW];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = Double.parseDouble(f[3 + i]);
            }
            out.add(new Example(f[0], f[1], Integer.parseInt(f[2]), raw));
        }
        return out;
    }

    private static int label(Polarity p) {
        for (int c = 0; c < StanceModel.CLASSES.length; c++) {
            if (StanceModel.CLASSES[c] == p) {
                return c;
            }
        }
        throw new IllegalArgumentException(p.toString());
    }

    private StanceTrainer() {}
}
