package org.demarche.stance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.demarche.model.Polarity;

/**
 * The learned decision: a multinomial logistic regression over {@link StanceFeatures#input},
 * trained on roll-call votes by {@link StanceTrainer} (eval/stance-train/train.sh) and kept in
 * the resource {@code stance-model.tsv}, with a temperature fitted on held-out predictions so
 * that its probabilities are calibrated. Small enough to write here (a library would bring a
 * framework for one dot product); L2-regularised, fitted by full-batch gradient descent.
 */
public final class StanceModel {

    /** Classes in the order of the weights. */
    public static final Polarity[] CLASSES = {Polarity.SUPPORT, Polarity.OPPOSE, Polarity.NEUTRAL};
    /** Below this probability a stance is unclear: kept, but not shown by default. */
    public static final double CONFIDENT = 0.5;

    private static final StanceModel SHIPPED = load();

    private final double[][] weights; // [class][feature]
    private final double temperature;
    /**
     * How far the words' side is right, given the model's probability of that side (as a logit), the words' own
     * confidence and whether the words found no side: {bias, logit, words, neutral}, or null (the probability as is).
     */
    private final double[] calibration;

    public StanceModel(double[][] weights, double temperature) {
        this(weights, temperature, null);
    }

    StanceModel(double[][] weights, double temperature, double[] calibration) {
        this.weights = weights;
        this.temperature = temperature;
        this.calibration = calibration;
    }

    public StanceModel withCalibration(double[] c) {
        return new StanceModel(weights, temperature, c);
    }

    /** The inputs of the calibration for one answer: {1, logit of the model's probability of the side, words' confidence, no side}. */
    static double[] calibrationInput(double p, double wordsConfidence, boolean neutral) {
        double q = Math.min(1 - 1e-6, Math.max(1e-6, p));
        return new double[] {1, Math.log(q / (1 - q)), wordsConfidence, neutral ? 1 : 0};
    }

    /**
     * The probability that the side the words read is right: the model's probability of that side, recalibrated
     * on held-out issues against the votes (a speech's words and a state's vote part more often on some readings).
     */
    public double confidence(double[] raw, Polarity side, double wordsConfidence) {
        double p = probabilities(StanceFeatures.input(raw))[indexOf(side)];
        if (calibration == null) {
            return p;
        }
        return calibrate(calibration, calibrationInput(p, wordsConfidence, side == Polarity.NEUTRAL));
    }

    /** The calibrated confidence for calibration inputs x. */
    static double calibrate(double[] calibration, double[] x) {
        double z = 0;
        for (int i = 0; i < x.length; i++) {
            z += calibration[i] * x[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** A binary logistic regression (right or not) over calibration inputs, fitted by gradient descent. */
    static double[] fitCalibration(List<double[]> xs, boolean[] right, int iterations) {
        double[] c = new double[xs.get(0).length];
        for (int it = 0; it < iterations; it++) {
            double[] grad = new double[c.length];
            for (int n = 0; n < xs.size(); n++) {
                double z = 0;
                for (int i = 0; i < c.length; i++) {
                    z += c[i] * xs.get(n)[i];
                }
                double g = 1 / (1 + Math.exp(-z)) - (right[n] ? 1 : 0);
                for (int i = 0; i < c.length; i++) {
                    grad[i] += g * xs.get(n)[i] / xs.size();
                }
            }
            for (int i = 0; i < c.length; i++) {
                c[i] -= 0.5 * grad[i];
            }
        }
        return c;
    }

    /** The position of a polarity among {@link #CLASSES}. */
    public static int indexOf(Polarity p) {
        for (int c = 0; c < CLASSES.length; c++) {
            if (CLASSES[c] == p) {
                return c;
            }
        }
        throw new IllegalArgumentException(p.toString());
    }

    /** The model the project ships, or null when there is none (the window rules decide then). */
    public static StanceModel shipped() {
        return SHIPPED;
    }

    public StanceModel withTemperature(double t) {
        return new StanceModel(weights, t, calibration);
    }

    /** Probabilities of support, oppose and neutral for one input vector. */
    public double[] probabilities(double[] x) {
        double[] z = new double[CLASSES.length];
        for (int c = 0; c < z.length; c++) {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
                s += weights[c][i] * x[i];
            }
            z[c] = s / temperature;
        }
        return softmax(z);
    }

    static double[] softmax(double[] z) {
        double max = Arrays.stream(z).max().orElse(0);
        double sum = 0;
        double[] p = new double[z.length];
        for (int c = 0; c < z.length; c++) {
            p[c] = Math.exp(z[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < z.length; c++) {
            p[c] /= sum;
        }
        return p;
    }

    /** Fits the weights on inputs xs with class indices ys (sample weights w), L2 penalty lambda. */
    public static StanceModel fit(List<double[]> xs, int[] ys, double[] w, double lambda, int iterations) {
        int d = xs.get(0).length;
        double[][] wt = new double[CLASSES.length][d];
        double totalWeight = Arrays.stream(w).sum();
        double rate = 0.5;
        for (int it = 0; it < iterations; it++) {
            double[][] grad = new double[CLASSES.length][d];
            for (int n = 0; n < xs.size(); n++) {
                double[] x = xs.get(n);
                double[] p = new StanceModel(wt, 1).probabilities(x);
                for (int c = 0; c < CLASSES.length; c++) {
                    double g = (p[c] - (ys[n] == c ? 1 : 0)) * w[n] / totalWeight;
                    for (int i = 0; i < d; i++) {
                        grad[c][i] += g * x[i];
                    }
                }
            }
            for (int c = 0; c < CLASSES.length; c++) {
                for (int i = 0; i < d; i++) {
                    double penalty = i == 0 ? 0 : lambda * wt[c][i]; // the bias is not shrunk
                    wt[c][i] -= rate * (grad[c][i] + penalty);
                }
            }
        }
        return new StanceModel(wt, 1);
    }

    /** The temperature that minimises the log loss of held-out predictions (their logits at temperature 1). */
    public static double fitTemperature(StanceModel[] models, List<double[]> xs, int[] ys) {
        double best = 1;
        double bestLoss = Double.MAX_VALUE;
        for (double t = 0.3; t <= 4.0; t += 0.02) {
            double loss = 0;
            for (int n = 0; n < xs.size(); n++) {
                loss -= Math.log(Math.max(1e-9, models[n].withTemperature(t).probabilities(xs.get(n))[ys[n]]));
            }
            if (loss < bestLoss) {
                bestLoss = loss;
                best = t;
            }
        }
        return best;
    }

    public void write(Writer out, String header) throws IOException {
        out.write(header);
        out.write("temperature\t" + String.format(Locale.ROOT, "%.4f", temperature) + "\n");
        if (calibration != null) {
            out.write("calibration");
            for (double c : calibration) {
                out.write(String.format(Locale.ROOT, "\t%.6f", c));
            }
            out.write("\n");
        }
        out.write("feature");
        for (Polarity p : CLASSES) {
            out.write("\t" + p.id());
        }
        out.write("\n");
        for (int i = 0; i < StanceFeatures.NAMES.length; i++) {
            out.write(StanceFeatures.NAMES[i]);
            for (double[] c : weights) {
                out.write(String.format(Locale.ROOT, "\t%.6f", c[i]));
            }
            out.write("\n");
        }
    }

    private static StanceModel load() {
        InputStream in = StanceModel.class.getResourceAsStream("stance-model.tsv");
        if (in == null) {
            return null;
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            double temperature = 1;
            double[] calibration = null;
            List<double[]> rows = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("feature\t")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f[0].equals("temperature")) {
                    temperature = Double.parseDouble(f[1]);
                    continue;
                }
                if (f[0].equals("calibration")) {
                    calibration = new double[f.length - 1];
                    for (int i = 1; i < f.length; i++) {
                        calibration[i - 1] = Double.parseDouble(f[i]);
                    }
                    continue;
                }
                names.add(f[0]);
                rows.add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])});
            }
            if (!names.equals(List.of(StanceFeatures.NAMES))) {
                throw new IllegalStateException("stance-model.tsv was trained on other features: retrain (eval/stance-train/train.sh)");
            }
            double[][] w = new double[CLASSES.length][names.size()];
            for (int i = 0; i < names.size(); i++) {
                for (int c = 0; c < CLASSES.length; c++) {
                    w[c][i] = rows.get(i)[c];
                }
            }
            return new StanceModel(w, temperature, calibration);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stance model", e);
        }
    }

    /** A short hash of the model file, so that stored stances are redone when it changes. */
    static String fingerprint() {
        try (InputStream in = StanceModel.class.getResourceAsStream("stance-model.tsv")) {
            return in == null ? "none" : String.format("%08x", Arrays.hashCode(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
