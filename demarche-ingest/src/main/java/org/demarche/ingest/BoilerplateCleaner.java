package org.demarche.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.demarche.model.OffsetMap;

/**
 * Removes page chrome and boilerplate from a document's blocks by general means, never by a
 * list of phrases:
 * <ul>
 *   <li>structure: blocks inside nav/header/footer/aside or widget-named elements (HTML, DOCX);</li>
 *   <li>link density: blocks that are mostly link text;</li>
 *   <li>repetition: a paragraph that repeats an earlier one (a lede printed twice);</li>
 *   <li>position: short blocks above the title, and the run of non-prose blocks after the last
 *       body paragraph (share buttons, comment forms, "scroll to top", contact footers);</li>
 *   <li>statistics: the body is found as in jusText, from paragraph length, stopword density and
 *       whether a block reads as sentences; short "Label: value" lines outside prose are metadata.</li>
 * </ul>
 * Hand-written: jusText has no maintained Java port, and boilerpipe only reads HTML.
 * The cleaner never empties a document: with no body paragraph found, only structural chrome goes.
 */
public final class BoilerplateCleaner {

    /** Why a block was removed. */
    public enum Reason { STRUCTURE, LINKS, REPEATED, BEFORE_TITLE, METADATA_LINE, TRAILING_CHROME }

    public record Removed(Reason reason, String text) {}

    /**
     * @param text             the cleaned text
     * @param offsets          cleaned-text offsets to original offsets
     * @param boilerplateChars characters of the removed blocks
     * @param kept             the blocks kept, in order
     */
    public record Result(String text, OffsetMap offsets, int boilerplateChars, List<Block> kept, List<Removed> removed) {}

    private static final Set<String> STOPWORDS = loadStopwords();
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");
    private static final Pattern LABEL_LINE = Pattern.compile("^[^\\p{L}\\p{N}]*\\p{L}[\\p{L}\\p{N} .'’-]{0,30}:\\s*\\S.*$");
    private static final String SEPARATOR = "\n\n";
    private static final int TITLE_LOOKAHEAD = 3;

    private record Features(int words, double stopwordDensity, double linkDensity, boolean sentenceEnd,
                            boolean labelLine, String norm) {}

    private BoilerplateCleaner() {}

    /**
     * @param original   the text the blocks' pieces point into
     * @param knownTitle the title from the manifest or the file's metadata, if any
     * @param language   ISO 639-1; stopword statistics are used for English only
     */
    public static Result clean(String original, List<Block> blocks, String knownTitle, String language) {
        boolean english = language == null || language.isBlank() || language.startsWith("en");
        int n = blocks.size();
        Features[] f = new Features[n];
        for (int i = 0; i < n; i++) {
            f[i] = features(blocks.get(i));
        }
        Reason[] drop = new Reason[n];

        // structure, links, repetition
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Block b = blocks.get(i);
            if (b.structuralChrome()) {
                drop[i] = Reason.STRUCTURE;
            } else if (f[i].linkDensity > 0.5 || (f[i].linkDensity > 0.3 && f[i].words < 30)) {
                drop[i] = Reason.LINKS;
            } else if (f[i].words >= 8 && !seen.add(f[i].norm)) {
                drop[i] = Reason.REPEATED;
            }
        }

        // the body: from the first to the last paragraph that reads as prose
        int first = -1;
        int last = -1;
        for (int i = 0; i < n; i++) {
            if (drop[i] == null && isBody(f[i], english)) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first >= 0) {
            // above the title: whatever precedes a block that repeats the known title
            int title = titleBlock(f, first, knownTitle);
            for (int i = 0; i < title; i++) {
                if (drop[i] == null && f[i].words < 30) {
                    drop[i] = Reason.BEFORE_TITLE;
                }
            }
            // after the body: the contiguous run of blocks that do not read as sentences
            boolean tail = false;
            for (int i = last + 1; i < n; i++) {
                if (drop[i] != null) {
                    continue;
                }
                tail = tail || !f[i].sentenceEnd || f[i].labelLine;
                if (tail) {
                    drop[i] = Reason.TRAILING_CHROME;
                }
            }
        }
        // "Label: value" lines that are not sentences: credits, issue numbers, language switches
        for (int i = 0; i < n; i++) {
            if (drop[i] == null && f[i].labelLine && !f[i].sentenceEnd && f[i].words <= 8
                    && blocks.get(i).kind() != Block.Kind.HEADING) {
                drop[i] = Reason.METADATA_LINE;
            }
        }
        return assemble(original, blocks, drop);
    }

    private static boolean isBody(Features f, boolean english) {
        boolean wordy = !english || f.stopwordDensity >= 0.2;
        return (f.words >= 30 && (wordy || f.sentenceEnd)) || (f.words >= 10 && f.sentenceEnd && wordy);
    }

    /** Index of the block near the top that repeats the title, or 0. */
    private static int titleBlock(Features[] f, int bodyStart, String knownTitle) {
        if (knownTitle == null || knownTitle.isBlank()) {
            return 0;
        }
        String title = normalize(knownTitle);
        // a banner above the title can read like a sentence: look a few blocks past the first "body" one
        for (int i = 0; i <= bodyStart + TITLE_LOOKAHEAD && i < f.length; i++) {
            if (!title.isEmpty() && f[i].norm.equals(title)) {
                return i;
            }
        }
        return 0;
    }

    private static Result assemble(String original, List<Block> blocks, Reason[] drop) {
        StringBuilder text = new StringBuilder();
        OffsetMap.Builder map = new OffsetMap.Builder();
        List<Block> kept = new ArrayList<>();
        List<Removed> removed = new ArrayList<>();
        int boilerplate = 0;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (drop[i] != null) {
                String t = b.text();
                removed.add(new Removed(drop[i], t));
                boilerplate += t.length();
                continue;
            }
            if (text.length() > 0) {
                text.append(i > 0 && drop[i - 1] == null ? gap(original, blocks.get(i - 1), b) : SEPARATOR);
            }
            for (Block.Piece p : b.pieces()) {
                if (p.origStart() >= 0) {
                    map.add(text.length(), p.origStart(), p.text().length());
                }
                text.append(p.text());
            }
            kept.add(b);
        }
        return new Result(text.toString(), map.build(), boilerplate, kept, removed);
    }

    /**
     * Between two neighbours that both stay: the original white space when it already holds a blank line, so
     * untouched text stays as it was; else a blank line, so every paragraph and heading is one for later stages.
     */
    private static String gap(String original, Block before, Block after) {
        Block.Piece last = before.pieces().get(before.pieces().size() - 1);
        Block.Piece next = after.pieces().get(0);
        if (last.origStart() < 0 || next.origStart() < 0) {
            return SEPARATOR;
        }
        int from = last.origStart() + last.text().length();
        int to = next.origStart();
        if (from > to || to > original.length()) {
            return SEPARATOR;
        }
        String between = original.substring(from, to);
        return between.isBlank() && between.indexOf('\n') != between.lastIndexOf('\n') ? between : SEPARATOR;
    }

    private static Features features(Block b) {
        String t = b.text();
        var m = WORD.matcher(t);
        int words = 0;
        int stop = 0;
        while (m.find()) {
            words++;
            if (STOPWORDS.contains(m.group().toLowerCase(Locale.ROOT))) {
                stop++;
            }
        }
        double stopDensity = words == 0 ? 0 : (double) stop / words;
        double linkDensity = t.isEmpty() ? 0 : (double) b.linkChars() / t.strip().length();
        boolean label = t.length() < 200 && t.indexOf('\n') < 0 && LABEL_LINE.matcher(t).matches();
        return new Features(words, stopDensity, linkDensity, PlainTextReader.endsSentence(t), label, normalize(t));
    }

    /** Case, accents, punctuation and spacing folded: "IE 11 is not supported." == "ie 11 is not supported". */
    static String normalize(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return t.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static Set<String> loadStopwords() {
        try (InputStream in = BoilerplateCleaner.class.getResourceAsStream("stopwords-en.txt")) {
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new HashSet<>(Arrays.asList(all.trim().split("\\s+")));
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("stopwords-en.txt missing from the build", e);
        }
    }
}
