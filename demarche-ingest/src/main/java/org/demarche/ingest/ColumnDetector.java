package org.demarche.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises text whose two columns a PDF extractor read across as one: most lines are then
 * about twice the column width, and many are glued at the column seam ("…visiting Kosovo,
 * butThe Ivanov-Lavrov"). The document gets a warning, and {@link ColumnRepair} rejoins the
 * columns. Written by hand: no maintained library judges extracted text for this.
 */
final class ColumnDetector {

    /** What was found: the column width, lines holding both columns, lines glued at the seam. */
    record Finding(int width, int wideLines, int gluedLines, int lines) {
        String warning() {
            return String.format("the text looks like two columns read across as one (%d of %d lines hold both, "
                    + "%d glued at the seam near character %d)", wideLines, lines, gluedLines, width);
        }
    }

    private static final int MIN_LINES = 12;
    private static final Pattern RUN_TOGETHER = Pattern.compile("\\b[a-z]{5,}\\b");

    private ColumnDetector() {}

    /** A finding if the text is interleaved, else null. Linear in the text's length. */
    static Finding detect(String text) {
        List<String> lines = new ArrayList<>();
        for (String l : text.split("\n")) {
            if (!l.isBlank()) {
                lines.add(l.stripTrailing());
            }
        }
        if (lines.size() < MIN_LINES) {
            return null;
        }
        int[] byLength = new int[256];
        for (String l : lines) {
            byLength[Math.min(255, l.length())]++;
        }
        // the column width that best explains the lengths: lines of about W, and lines of about 2W
        int bestW = 0;
        int bestScore = -1;
        int bestShort = 0;
        int bestWide = 0;
        for (int w = 30; w <= 100; w++) {
            int shortLines = count(byLength, (int) Math.ceil(0.8 * w), (int) Math.floor(1.08 * w));
            int wide = count(byLength, (int) Math.ceil(1.7 * w), (int) Math.floor(2.25 * w));
            if (shortLines + wide > bestScore) {
                bestScore = shortLines + wide;
                bestW = w;
                bestShort = shortLines;
                bestWide = wide;
            }
        }
        int n = lines.size();
        if (bestWide < 0.25 * n || bestShort < 0.1 * n) {
            return null; // the lengths do not look two-column: the seams (and the word model) are not looked at
        }
        int glued = 0;
        for (String l : lines) {
            if (l.length() >= bestW + 6 && gluedAtSeam(l, bestW)) {
                glued++;
            }
        }
        return glued >= 3 && glued >= 0.08 * bestWide ? new Finding(bestW, bestWide, glued, n) : null;
    }

    private static int count(int[] byLength, int from, int to) {
        int c = 0;
        for (int i = Math.max(0, from); i <= Math.min(255, to); i++) {
            c += byLength[i];
        }
        return c;
    }

    /**
     * A word's end touching the next column's word, with no space, near the seam: a capital
     * ("butThe", "authorities.Foreign"), a word after a comma or a full stop ("country,mission"),
     * or two English words run together ("ofproposal", "andwould": the word is unknown, its halves
     * are common; {@link BigramModel}, read only for texts whose line lengths already look two-column).
     */
    private static boolean gluedAtSeam(String line, int w) {
        int from = Math.max(1, w - 18);
        int to = Math.min(line.length() - 1, w + 12);
        for (int p = from; p < to; p++) {
            char a = line.charAt(p - 1);
            char b = line.charAt(p);
            if (Character.isUpperCase(b) && (Character.isLowerCase(a) || ".,;:!?”’)".indexOf(a) >= 0)) {
                return true;
            }
            if (Character.isLowerCase(b) && ",;”".indexOf(a) >= 0 && p >= 2 && Character.isLetter(line.charAt(p - 2))) {
                return true;
            }
        }
        Matcher m = RUN_TOGETHER.matcher(line);
        BigramModel lm = null;
        while (m.find()) {
            if (m.end() < from || m.start() > to) {
                continue;
            }
            String t = m.group().toLowerCase();
            lm = lm != null ? lm : BigramModel.english();
            if (lm.known(t)) {
                continue;
            }
            for (int k = 2; k <= t.length() - 2; k++) {
                int seam = m.start() + k;
                if (seam >= from && seam <= to && lm.count(t.substring(0, k)) > 5000 && lm.count(t.substring(k)) > 5000) {
                    return true;
                }
            }
        }
        return false;
    }

}
