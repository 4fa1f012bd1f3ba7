package org.demarche.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Recognises text whose two columns a PDF extractor read across as one: most lines are then
 * about twice the column width, and many are glued at the column seam ("…visiting Kosovo,
 * butThe Ivanov-Lavrov"). Only recognition so far: the document gets a warning, its text is
 * not changed. Written by hand: no maintained library judges extracted text for this.
 */
final class ColumnDetector {

    /** What was found: the column width, lines holding both columns, lines glued at the seam. */
    record Finding(int width, int wideLines, int gluedLines, int lines) {
        String warning() {
            return String.format("the text looks like two columns read across as one (%d of %d lines hold both, "
                    + "%d glued at the seam near character %d): who said what in it may be garbled", wideLines, lines,
                    gluedLines, width);
        }
    }

    private static final int MIN_LINES = 12;

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
        int glued = 0;
        for (String l : lines) {
            if (l.length() >= bestW + 6 && gluedAtSeam(l, bestW)) {
                glued++;
            }
        }
        int n = lines.size();
        boolean interleaved = bestWide >= 0.25 * n && bestShort >= 0.1 * n && glued >= 3 && glued >= 0.08 * bestWide;
        return interleaved ? new Finding(bestW, bestWide, glued, n) : null;
    }

    private static int count(int[] byLength, int from, int to) {
        int c = 0;
        for (int i = Math.max(0, from); i <= Math.min(255, to); i++) {
            c += byLength[i];
        }
        return c;
    }

    /** A word's end touching the next column's capital, with no space: "butThe", "authorities.Foreign". */
    private static boolean gluedAtSeam(String line, int w) {
        for (int p = Math.max(1, w - 18); p < Math.min(line.length() - 1, w + 12); p++) {
            char a = line.charAt(p - 1);
            char b = line.charAt(p);
            if (Character.isUpperCase(b) && (Character.isLowerCase(a) || ".,;:!?”’)".indexOf(a) >= 0)) {
                return true;
            }
        }
        return false;
    }
}
