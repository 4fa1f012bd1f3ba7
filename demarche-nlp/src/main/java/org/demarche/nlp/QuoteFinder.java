package org.demarche.nlp;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds quotations in text: curly and straight double quotes and guillemets, single quotes
 * when a paragraph uses them as its outer marks, nested quotes kept inside their outer quote,
 * a quote running on over paragraphs (the next paragraph reopens it), and an unbalanced
 * quote closed at its paragraph's end. Whether a quote is a statement or a scare quote is for
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
            doubles = "\"“”«»„".indexOf(text.charAt(i)) >= 0;
        }
        int openAt = -1;
        int depth = 0;
        int firstWord = firstNonSpace(text, from);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            int role = doubles ? doubleRole(text, i, from, to) : singleRole(text, i, from, to);
            if (role == 0) {
                continue;
            }
            boolean straight = c == '"' || c == '\'';
            if (depth > 0 && straight) {
                role = -1; // straight marks do not nest: inside a quote, one closes it
            }
            if (role > 0) {
                if (depth++ == 0) {
                    openAt = i + 1;
                }
            } else if (depth > 0 && --depth == 0) {
                add(out, text, openAt, i, continuing && openAt - 1 == firstWord, false);
                openAt = -1;
            }
        }
        if (depth > 0 && openAt >= 0) {
            // unclosed: runs on if the next paragraph reopens a quote (news convention), else ends here
            int next = to + 2;
            boolean reopens = next < text.length() && isOpening(text.charAt(firstNonSpace(text, next)));
            add(out, text, openAt, trimEnd(text, openAt, to), continuing && openAt - 1 == firstWord, !reopens);
            return reopens;
        }
        return false;
    }

    private static int firstNonSpace(String text, int i) {
        while (i < text.length() - 1 && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return Math.min(i, text.length() - 1);
    }

    private static boolean isOpening(char c) {
        return c == '"' || c == '“' || c == '«' || c == '„' || c == '‘';
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
