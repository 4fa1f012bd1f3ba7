package org.demarche.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * A passage of a hit's text with the matched words marked as spans into it, not as markup:
 * the terminal bolds them, the web page wraps them in escaped elements, and no ingested text
 * is ever treated as HTML.
 */
public record Snippet(String text, List<int[]> marks) {

    /** The first words of a text, when nothing was matched (a filter-only search). */
    static Snippet head(String text, int max) {
        String t = text == null ? "" : text.strip();
        return new Snippet(t.length() > max ? t.substring(0, max) + "…" : t, List.of());
    }

    /** Collects Lucene's best passages into one Snippet, passages joined by " … ". */
    static final class Formatter extends PassageFormatter {
        @Override
        public Object format(Passage[] passages, String content) {
            StringBuilder sb = new StringBuilder();
            List<int[]> marks = new ArrayList<>();
            for (Passage p : passages) {
                if (sb.length() > 0) {
                    sb.append(" … ");
                }
                int base = sb.length() - p.getStartOffset();
                sb.append(content, p.getStartOffset(), p.getEndOffset());
                for (int i = 0; i < p.getNumMatches(); i++) {
                    int s = p.getMatchStarts()[i] + base;
                    int e = p.getMatchEnds()[i] + base;
                    if (!marks.isEmpty() && marks.get(marks.size() - 1)[1] >= s) {
                        marks.get(marks.size() - 1)[1] = Math.max(marks.get(marks.size() - 1)[1], e); // a phrase: one span
                    } else {
                        marks.add(new int[] {s, e});
                    }
                }
            }
            return new Snippet(sb.toString().replaceAll("\\s", " "), marks);
        }
    }

    /** The snippet with marks shown by the given delimiters (e.g. ANSI bold on a terminal). */
    public String marked(String open, String close) {
        StringBuilder sb = new StringBuilder();
        int at = 0;
        for (int[] m : marks) {
            sb.append(text, at, m[0]).append(open).append(text, m[0], m[1]).append(close);
            at = m[1];
        }
        return sb.append(text.substring(at)).toString();
    }
}
