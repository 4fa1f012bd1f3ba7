package org.demarche.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.demarche.model.Document;
import org.demarche.model.DocumentMetadata;
import org.junit.jupiter.api.Test;

/**
 * Interleaved columns rejoined: seed 000 against a person's reading of it
 * (resources/columns/000-sentences.txt; eval/columns/whole_sentences.py reports the same
 * figure), offsets mapped back into the original, and UN General Debate speeches set in two
 * columns and read across, two ways.
 */
class ColumnRepairTest {

    @Test
    void theInterviewReadsWholeAndInOrderAgain() throws Exception {
        byte[] bytes = Files.readAllBytes(Corpora.seed("000"));
        String original = new String(bytes, StandardCharsets.UTF_8);
        List<List<String>> reference = reference();
        double before = wholeInOrder(reference, original);
        Document d = new DocumentIngester().ingest("000.txt", "000.txt", bytes, "x".repeat(64), DocumentMetadata.EMPTY);
        double after = wholeInOrder(reference, d.cleanText());
        System.out.printf("seed 000: sentences whole and in order %.3f before repair, %.3f after%n", before, after);
        assertTrue(before < 0.4, "the seed is garbled before repair: " + before);
        assertTrue(after >= 0.9, "whole and in order after repair: " + after + "\n" + d.cleanText());
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("rejoined in reading order")), d.warnings().toString());
        assertEquals(original, d.originalText(), "the original is kept as it was");
    }

    /** Every word of the repaired text points at the same word in the original (words rejoined over a hyphen aside). */
    @Test
    void offsetsPointIntoTheOriginal() throws Exception {
        byte[] bytes = Files.readAllBytes(Corpora.seed("000"));
        Document d = new DocumentIngester().ingest("000.txt", "000.txt", bytes, "x".repeat(64), DocumentMetadata.EMPTY);
        String original = d.originalText();
        Matcher m = Pattern.compile("\\p{L}+").matcher(d.cleanText());
        int words = 0;
        List<String> wrong = new ArrayList<>();
        while (m.find()) {
            words++;
            int at = d.offsets().toOriginal(m.start());
            if (original.startsWith(m.group(), at)) {
                continue;
            }
            // a word rejoined over a line-end hyphen ("stipu-" + "lates") starts right, up to the hyphen
            int hyphen = original.indexOf('-', at);
            if (hyphen <= at || !m.group().startsWith(original.substring(at, hyphen))) {
                wrong.add(m.group() + "@" + m.start());
            }
        }
        assertTrue(words > 1500, "the interview's words: " + words);
        assertEquals(List.of(), wrong, words + " words");
        int stipulates = d.cleanText().indexOf("Resolution 1244 stipulates");
        assertTrue(stipulates >= 0, d.cleanText());
        assertTrue(original.startsWith("Resolution 1244 stipu-", d.offsets().toOriginal(stipulates)));
    }

    /**
     * Speeches set in two columns of 56 characters (the first half of the text down the left
     * column, the rest down the right) and read across, a third of the lines with no space at the
     * seam: once with the left column first on every line, once alternating.
     */
    @Test
    void speechesReadAcrossAreRejoined() throws Exception {
        List<Path> speeches = Corpora.ungdcSample(10);
        double raw = 0;
        double repaired = 0;
        int cases = 0;
        int detected = 0;
        for (Path p : speeches) {
            String text = Files.readString(p, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
            String[] words = text.split(" ");
            String body = String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length, 700)));
            List<String> sentences = sentences(body);
            for (boolean alternate : new boolean[] {false, true}) {
                String interleaved = interleave(body, alternate, new Random(cases));
                ColumnDetector.Finding f = ColumnDetector.detect(interleaved);
                if (f != null) {
                    detected++;
                }
                int width = f != null ? f.width() : 56;
                String out = ColumnRepair.repair(interleaved, width).text();
                raw += wholeInOrder(List.of(sentences), interleaved);
                repaired += wholeInOrder(List.of(sentences), out);
                cases++;
            }
        }
        raw /= cases;
        repaired /= cases;
        System.out.printf("%d speeches read across: sentences whole and in order %.3f as read, %.3f repaired; "
                + "detected %d of %d%n", speeches.size(), raw, repaired, detected, cases);
        assertTrue(raw < 0.15, "read across, the speeches are garbled: " + raw);
        assertTrue(repaired >= 0.6, "repaired: " + repaired);
        assertTrue(detected >= cases * 0.8, "detected " + detected + " of " + cases);
    }

    /** The body, in paragraphs of four sentences, as two columns read across the page. */
    private static String interleave(String body, boolean alternate, Random random) {
        List<String> lines = new ArrayList<>();
        String[] sentences = body.split("(?<=[.?!])\\s+(?=[A-Z\"“])");
        for (int s = 0; s < sentences.length; s += 4) {
            if (!lines.isEmpty()) {
                lines.add("");
            }
            StringBuilder line = new StringBuilder();
            String paragraph = String.join(" ", java.util.Arrays.copyOfRange(sentences, s, Math.min(s + 4, sentences.length)));
            for (String w : paragraph.split(" ")) {
                if (line.length() > 0 && line.length() + 1 + w.length() > 56) {
                    lines.add(line.toString());
                    line = new StringBuilder();
                }
                line.append(line.length() > 0 ? " " : "").append(w);
            }
            lines.add(line.toString());
        }
        int half = (lines.size() + 1) / 2;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < half; i++) {
            String left = lines.get(i);
            String right = half + i < lines.size() ? lines.get(half + i) : "";
            String seam = random.nextDouble() < 0.3 ? "" : " ";
            boolean leftFirst = !alternate || i % 2 == 0;
            if (left.isEmpty() || right.isEmpty()) {
                out.append(left).append(right).append('\n'); // one column's paragraph break: the other's line alone
            } else {
                out.append(leftFirst ? left + seam + right : right + seam + left).append('\n');
            }
        }
        return out.toString();
    }

    private static List<String> sentences(String body) {
        List<String> out = new ArrayList<>();
        String[] parts = body.split("(?<=[.?!])\\s+(?=[A-Z\"“])");
        for (int i = 0; i < parts.length - 1; i++) { // the last one is cut off at 700 words
            if (parts[i].length() > 15) {
                out.add(parts[i]);
            }
        }
        return out;
    }

    /** The reference's parts (a blank line between parts whose order on the page cannot be told). */
    private static List<List<String>> reference() throws Exception {
        List<List<String>> parts = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        try (InputStream in = ColumnRepairTest.class.getResourceAsStream("/columns/000-sentences.txt")) {
            assertNotNull(in);
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#")) {
                    continue;
                }
                if (line.isBlank()) {
                    if (!cur.isEmpty()) {
                        parts.add(cur);
                    }
                    cur = new ArrayList<>();
                } else {
                    cur.add(line.strip());
                }
            }
        }
        if (!cur.isEmpty()) {
            parts.add(cur);
        }
        return parts;
    }

    /**
     * The share of the sentences that appear whole (white space aside) and in order within their
     * part: the longest run of found sentences in increasing position. As eval/columns/whole_sentences.py.
     */
    static double wholeInOrder(List<List<String>> parts, String text) {
        String flat = text.replaceAll("\\s+", " ");
        int total = 0;
        int ordered = 0;
        for (List<String> part : parts) {
            TreeSet<Integer> tails = new TreeSet<>(); // patience sorting: tails of increasing runs
            for (String s : part) {
                total++;
                int at = flat.indexOf(s.replaceAll("\\s+", " "));
                if (at < 0) {
                    continue;
                }
                Integer ceiling = tails.ceiling(at);
                if (ceiling != null) {
                    tails.remove(ceiling);
                }
                tails.add(at);
            }
            ordered += tails.size();
        }
        return total == 0 ? 0 : (double) ordered / total;
    }
}
