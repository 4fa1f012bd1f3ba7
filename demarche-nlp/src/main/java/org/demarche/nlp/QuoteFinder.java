package org.demarche.nlp;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds quotations in text: curly and straight double quotes and guillemets, single quotes
 * when a paragraph uses them as its outer marks, nested quotes kept inside their outer quote,
 * a quote running on over paragraphs (the next paragraph reopens it), and an unbalanced
 * quote closed at its paragraph's end, and two apostrophes ('' … '') as one double mark. Whether a quote is a statement or a scare quote is for
 * the caller to decide (it needs a speaker and a cue).
 */
public final class QuoteFinder {

    /** The quoted words (without marks) from start to end; continued when the previous paragraph's quote runs on here. */
    public record Quote(int start, int end, boolean continued, boolean unbalanced) {
        public String text(String doc) {
            return doc.substring(start, end);
        }
    }

    private QuoteFinder() {}

    public static List<Quote> find(String text) {
        List<Quote> out = new ArrayList<>();
        boolean runsOn = false;
        int pos = 0;
        while (pos < text.length()) {
            int end = text.indexOf("\n\n", pos);
            end = end < 0 ? text.length() : end;
            runsOn = paragraph(text, pos, end, runsOn, out);
            pos = end + 2;
        }
        return out;
    }

    /** Quotes of one paragraph [from, to); returns true when an open quote runs on past its end. */
    private static boolean paragraph(String text, int from, int to, boolean continuing, List<Quote> out) {
        boolean doubles = false;
        for (int i = from; i < to && !doubles; i++) {
            doubles = "\"“”«»„".indexOf(text.charAt(i)) >= 0 || twoApostrophes(text, i, to);
        }
        int openAt = -1;
        int openWidth = 1;
        int depth = 0;
        int firstWord = firstNonSpace(text, from);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            int width = 1;
            int role;
            if (doubles && twoApostrophes(text, i, to)) {
                width = 2;
                role = straightRole(text, i, width, from, to);
            } else {
                role = doubles ? doubleRole(text, i, from, to) : singleRole(text, i, from, to);
            }
            if (role == 0) {
                continue;
            }
            boolean straight = c == '"' || c == '\'';
            if (depth > 0 && straight) {
                role = -1; // straight marks do not nest: inside a quote, one closes it
            }
            if (role > 0) {
                if (depth++ == 0) {
                    openAt = i + width;
                    openWidth = width;
                }
            } else if (depth > 0 && --depth == 0) {
                add(out, text, openAt, i, continuing && openAt - openWidth == firstWord, false);
                openAt = -1;
            }
            i += width - 1;
        }
        if (depth > 0 && openAt >= 0) {
            // unclosed: runs on if the next paragraph reopens a quote (news convention), else ends here
            int next = to + 2;
            boolean reopens = next < text.length() && isOpening(text, firstNonSpace(text, next));
            add(out, text, openAt, trimEnd(text, openAt, to), continuing && openAt - openWidth == firstWord, !reopens);
            return reopens;
        }
        return false;
    }

    /**
     * '' at i: two apostrophes written as one double mark (the New York Times' style, text from LaTeX).
     * Of three ("country,'''"), the first is a single mark closing inside and the last two the double.
     */
    private static boolean twoApostrophes(String text, int i, int to) {
        if (i + 1 >= to || text.charAt(i) != '\'' || text.charAt(i + 1) != '\'') {
            return false;
        }
        return i + 2 >= to || text.charAt(i + 2) != '\'';
    }

    /** A straight mark of the given width: opening after a space, closing before one, else by its neighbours. */
    private static int straightRole(String text, int i, int width, int from, int to) {
        boolean before = i == from || isSpaceOrOpenPunct(text.charAt(i - 1));
        boolean after = i + width >= to || isSpaceOrClosePunct(text.charAt(i + width));
        return before && !after ? 1 : (!before && after ? -1 : (before ? 1 : -1));
    }

    private static int firstNonSpace(String text, int i) {
        while (i < text.length() - 1 && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return Math.min(i, text.length() - 1);
    }

    private static boolean isOpening(String text, int i) {
        char c = text.charAt(i);
        return c == '"' || c == '“' || c == '«' || c == '„' || c == '‘' || twoApostrophes(text, i, text.length());
    }

    private static int trimEnd(String text, int start, int end) {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static void add(List<Quote> out, String text, int start, int end, boolean continued, boolean unbalanced) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        end = trimEnd(text, start, end);
        if (end > start) {
            out.add(new Quote(start, end, continued, unbalanced));
        }
    }

    /** +1 opening, -1 closing, 0 not a quote mark; straight and mis-typed marks judged by their neighbours. */
    private static int doubleRole(String text, int i, int from, int to) {
        char c = text.charAt(i);
        boolean before = i == from || isSpaceOrOpenPunct(text.charAt(i - 1));
        boolean after = i + 1 >= to || isSpaceOrClosePunct(text.charAt(i + 1));
        return switch (c) {
            case '“', '«', '„' -> before || !after ? 1 : -1; // an opening mark before a space or comma closes
            case '”', '»' -> after || !before ? -1 : 1;
            case '"' -> before && !after ? 1 : (!before && after ? -1 : (before ? 1 : -1));
            default -> 0;
        };
    }

    private static int singleRole(String text, int i, int from, int to) {
        char c = text.charAt(i);
        if (c != '\'' && c != '‘' && c != '’') {
            return 0;
        }
        boolean before = i == from || isSpaceOrOpenPunct(text.charAt(i - 1));
        boolean after = i + 1 >= to || isSpaceOrClosePunct(text.charAt(i + 1));
        boolean letterBefore = i > from && Character.isLetterOrDigit(text.charAt(i - 1));
        boolean letterAfter = i + 1 < to && Character.isLetterOrDigit(text.charAt(i + 1));
        if (letterBefore && letterAfter) {
            return 0; // an apostrophe: don't, Russia's
        }
        if (before && letterAfter) {
            return 1;
        }
        if (after && (letterBefore || i > from && ".,!?".indexOf(text.charAt(i - 1)) >= 0)) {
            return text.charAt(i - 1) == 's' ? 0 : -1; // Albanians' (possessive) is no closing mark
        }
        return 0;
    }

    private static boolean isSpaceOrOpenPunct(char c) {
        return Character.isWhitespace(c) || "([{—–-/:".indexOf(c) >= 0;
    }

    private static boolean isSpaceOrClosePunct(char c) {
        return Character.isWhitespace(c) || ".,;:!?)]}—–-…".indexOf(c) >= 0;
    }
}
