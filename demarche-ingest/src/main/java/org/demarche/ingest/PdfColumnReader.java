package org.demarche.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads a PDF's text column by column, from the glyphs' positions (PDFBox), so that a page set
 * in two or more columns comes out in reading order even when its content stream draws the
 * columns' lines across the page, one row at a time: text extractors that follow the stream,
 * or sort by position, then glue each line of one column to a line of the other.
 *
 * <p>On each page, glyphs are grouped into rows by baseline; a gutter is a vertical band, at
 * least two characters wide, that no row's text crosses while text lies on both sides of it.
 * Rows that cross every gutter (a title over both columns) are read where they stand; between
 * them, each column is read top to bottom before the next. A wider gap between rows than the
 * usual line pitch is a paragraph break. Written by hand: PDFBox gives the positions but reads
 * either in stream order or row by row across the page, and Tika only exposes those two.
 */
final class PdfColumnReader {

    /** The text in reading order, and how many pages were set in columns. */
    record Result(String text, int columnPages) {}

    private record Row(float y, float height, List<TextPosition> glyphs) {}

    private PdfColumnReader() {}

    static Result read(byte[] bytes) throws IOException {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            Collector collector = new Collector();
            collector.setSortByPosition(true);
            StringBuilder out = new StringBuilder();
            int columnPages = 0;
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                collector.glyphs.clear();
                collector.setStartPage(p);
                collector.setEndPage(p);
                collector.getText(doc); // fills collector.glyphs; its own text output is not used
                if (page(collector.glyphs, out)) {
                    columnPages++;
                }
                out.append("\n\n");
            }
            return new Result(out.toString().strip() + "\n", columnPages);
        }
    }

    /** Collects the page's glyphs with their positions instead of writing text. */
    private static final class Collector extends PDFTextStripper {
        final List<TextPosition> glyphs = new ArrayList<>();

        @Override
        protected void processTextPosition(TextPosition t) {
            if (!t.getUnicode().isBlank()) {
                glyphs.add(t);
            }
        }
    }

    /** Appends one page's text in reading order; true if it was set in columns. */
    private static boolean page(List<TextPosition> glyphs, StringBuilder out) {
        if (glyphs.isEmpty()) {
            return false;
        }
        List<Row> rows = rows(glyphs);
        float charWidth = medianCharWidth(glyphs);
        List<float[]> gutters = gutters(rows, charWidth);
        float pitch = medianPitch(rows);
        int i = 0;
        while (i < rows.size()) {
            if (gutters.isEmpty() || crossesAll(rows.get(i), gutters)) {
                appendRow(out, rows, i - 1, i, rows.get(i).glyphs, charWidth, pitch);
                i++;
                continue;
            }
            int end = i;
            while (end < rows.size() && !crossesAll(rows.get(end), gutters)) {
                end++;
            }
            // a block of rows in columns: each column top to bottom, then the next one
            for (int c = 0; c <= gutters.size(); c++) {
                // split at the gutters' middles: a long line may reach into a gutter without crossing it
                float from = c == 0 ? -Float.MAX_VALUE : (gutters.get(c - 1)[0] + gutters.get(c - 1)[1]) / 2;
                float to = c == gutters.size() ? Float.MAX_VALUE : (gutters.get(c)[0] + gutters.get(c)[1]) / 2;
                List<Integer> in = new ArrayList<>();
                List<List<TextPosition>> parts = new ArrayList<>();
                for (int r = i; r < end; r++) {
                    List<TextPosition> part = new ArrayList<>();
                    for (TextPosition t : rows.get(r).glyphs) {
                        float mid = t.getXDirAdj() + t.getWidthDirAdj() / 2;
                        if (mid >= from && mid < to) {
                            part.add(t);
                        }
                    }
                    if (!part.isEmpty()) {
                        in.add(r);
                        parts.add(part);
                    }
                }
                // the column's own line pitch: columns set with different leading drift against each other
                float[] gaps = new float[Math.max(0, in.size() - 1)];
                for (int k = 1; k < in.size(); k++) {
                    gaps[k - 1] = rows.get(in.get(k)).y - rows.get(in.get(k - 1)).y;
                }
                Arrays.sort(gaps);
                float columnPitch = gaps.length == 0 ? pitch : gaps[gaps.length / 2];
                for (int k = 0; k < in.size(); k++) {
                    appendRow(out, rows, k == 0 ? -1 : in.get(k - 1), in.get(k), parts.get(k), charWidth, columnPitch);
                }
            }
            i = end;
        }
        return !gutters.isEmpty();
    }

    /** A row's text, after a line break, or a blank line if the gap from the row above is a paragraph's. */
    private static void appendRow(StringBuilder out, List<Row> rows, int previous, int r, List<TextPosition> glyphs,
                                       float charWidth, float pitch) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            boolean paragraph = previous >= 0 && pitch > 0 && rows.get(r).y - rows.get(previous).y > 1.6f * pitch;
            out.append(paragraph ? "\n\n" : "\n");
        }
        TextPosition last = null;
        for (TextPosition t : glyphs) {
            if (last != null) {
                float gap = t.getXDirAdj() - (last.getXDirAdj() + last.getWidthDirAdj());
                float space = last.getWidthOfSpace() > 0 ? last.getWidthOfSpace() : charWidth / 2;
                if (gap > 0.3f * space) {
                    out.append(' ');
                }
            }
            out.append(t.getUnicode());
            last = t;
        }
    }

    /** Glyphs grouped by baseline, top to bottom, each row left to right. */
    private static List<Row> rows(List<TextPosition> glyphs) {
        List<TextPosition> sorted = new ArrayList<>(glyphs);
        sorted.sort(Comparator.comparingDouble(TextPosition::getYDirAdj).thenComparingDouble(TextPosition::getXDirAdj));
        List<Row> rows = new ArrayList<>();
        List<TextPosition> current = new ArrayList<>();
        float y = Float.NaN;
        float height = 0;
        for (TextPosition t : sorted) {
            float tolerance = 0.3f * Math.max(1f, Math.max(height, t.getHeightDir()));
            if (!current.isEmpty() && Math.abs(t.getYDirAdj() - y) > tolerance) {
                rows.add(row(y, height, current));
                current = new ArrayList<>();
            }
            if (current.isEmpty()) {
                y = t.getYDirAdj();
                height = t.getHeightDir();
            }
            current.add(t);
        }
        if (!current.isEmpty()) {
            rows.add(row(y, height, current));
        }
        return rows;
    }

    private static Row row(float y, float height, List<TextPosition> glyphs) {
        glyphs.sort(Comparator.comparingDouble(TextPosition::getXDirAdj));
        return new Row(y, height, glyphs);
    }

    /**
     * The page's gutters as [from, to] x ranges, left to right: bands at least two characters wide
     * that no row's text crosses (word gaps filled), with text on both sides in most rows' block.
     */
    private static List<float[]> gutters(List<Row> rows, float charWidth) {
        List<float[]> out = new ArrayList<>();
        if (rows.size() < 6) {
            return out;
        }
        float minX = Float.MAX_VALUE;
        float maxX = -Float.MAX_VALUE;
        for (Row r : rows) {
            for (TextPosition t : r.glyphs) {
                minX = Math.min(minX, t.getXDirAdj());
                maxX = Math.max(maxX, t.getXDirAdj() + t.getWidthDirAdj());
            }
        }
        int bins = (int) Math.ceil(maxX - minX) + 1;
        if (bins < 10) {
            return out;
        }
        int[] covered = new int[bins];
        int[] leftOf = new int[bins];
        int[] rightOf = new int[bins];
        for (Row r : rows) {
            boolean[] mark = new boolean[bins];
            TextPosition last = null;
            for (TextPosition t : r.glyphs) {
                float from = t.getXDirAdj();
                // a gap narrower than two characters is a word space inside the same column
                if (last != null && from - (last.getXDirAdj() + last.getWidthDirAdj()) < 2 * charWidth) {
                    from = last.getXDirAdj();
                }
                for (int b = (int) (from - minX); b <= (int) (t.getXDirAdj() + t.getWidthDirAdj() - minX) && b < bins; b++) {
                    mark[Math.max(0, b)] = true;
                }
                last = t;
            }
            int first = (int) (r.glyphs.get(0).getXDirAdj() - minX);
            TextPosition end = r.glyphs.get(r.glyphs.size() - 1);
            int lastBin = Math.min(bins - 1, (int) (end.getXDirAdj() + end.getWidthDirAdj() - minX));
            for (int b = 0; b < bins; b++) {
                if (mark[b]) {
                    covered[b]++;
                }
                if (first < b) {
                    leftOf[b]++;
                }
                if (lastBin > b) {
                    rightOf[b]++;
                }
            }
        }
        int n = rows.size();
        int b = 0;
        while (b < bins) {
            if (covered[b] <= n / 20 && leftOf[b] >= n / 3 && rightOf[b] >= n / 3) {
                int start = b;
                while (b < bins && covered[b] <= n / 20) {
                    b++;
                }
                if (b - start >= 2 * charWidth && b < bins) {
                    out.add(new float[] {start + minX, b + minX});
                }
            } else {
                b++;
            }
        }
        return out;
    }

    /**
     * A row whose text runs across every gutter, over the columns (a title, a full-width line): text
     * in the gutter, and on both sides of it. A long line reaching into a gutter does not cross it.
     */
    private static boolean crossesAll(Row row, List<float[]> gutters) {
        for (float[] g : gutters) {
            boolean inside = false;
            boolean left = false;
            boolean right = false;
            for (TextPosition t : row.glyphs) {
                float x0 = t.getXDirAdj();
                float x1 = x0 + t.getWidthDirAdj();
                inside |= x0 < g[1] && x1 > g[0];
                left |= x1 <= g[0];
                right |= x0 >= g[1];
            }
            if (!(inside && left && right)) {
                return false;
            }
        }
        return true;
    }

    private static float medianCharWidth(List<TextPosition> glyphs) {
        float[] w = new float[glyphs.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = glyphs.get(i).getWidthDirAdj();
        }
        Arrays.sort(w);
        return Math.max(1f, w[w.length / 2]);
    }

    private static float medianPitch(List<Row> rows) {
        if (rows.size() < 2) {
            return 0;
        }
        float[] d = new float[rows.size() - 1];
        for (int i = 1; i < rows.size(); i++) {
            d[i - 1] = rows.get(i).y - rows.get(i - 1).y;
        }
        Arrays.sort(d);
        return d[d.length / 2];
    }
}
