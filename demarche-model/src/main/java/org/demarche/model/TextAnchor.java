package org.demarche.model;

/**
 * Where a stretch of a document's text is, said two ways, as the W3C Web Annotation model does: by its words and
 * a little of what stands around them ({@code TextQuoteSelector}: exact, prefix, suffix) and by its offsets in the
 * cleaned text ({@code TextPositionSelector}: start, end). The words find the stretch again after the text has
 * changed (a re-ingested file, a new cleaning), where offsets alone would point at other words.
 *
 * <p>Written here because no maintained Java library anchors W3C selectors; the rule is the one annotation tools
 * use: the offsets if they still hold the exact words, else the occurrence of the words whose context matches
 * best, nearest the old place; none, and the anchor is orphaned (never moved onto other words).
 */
public record TextAnchor(String exact, String prefix, String suffix, int start, int end) {

    /** How much context each side keeps: enough to tell apart repeated words, short enough to survive edits. */
    public static final int CONTEXT = 32;

    /** The anchor of text[start, end). */
    public static TextAnchor of(String text, int start, int end) {
        int s = Math.max(0, Math.min(start, text.length()));
        int e = Math.max(s, Math.min(end, text.length()));
        return new TextAnchor(text.substring(s, e), text.substring(Math.max(0, s - CONTEXT), s),
                text.substring(e, Math.min(text.length(), e + CONTEXT)), s, e);
    }

    /**
     * Where this anchor's words are in {@code text}: the same anchor with the offsets they have there, or null
     * when the words are gone (the anchor is orphaned).
     */
    public TextAnchor locate(String text) {
        if (exact.isEmpty()) {
            return null;
        }
        if (end <= text.length() && start >= 0 && text.startsWith(exact, start)) {
            return of(text, start, end);
        }
        int best = -1;
        int bestScore = -1;
        long bestDistance = Long.MAX_VALUE;
        for (int at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
            int score = commonSuffix(prefix, text.substring(Math.max(0, at - prefix.length()), at))
                    + commonPrefix(suffix, text.substring(at + exact.length(),
                    Math.min(text.length(), at + exact.length() + suffix.length())));
            long distance = Math.abs((long) at - start);
            if (score > bestScore || (score == bestScore && distance < bestDistance)) {
                best = at;
                bestScore = score;
                bestDistance = distance;
            }
        }
        return best < 0 ? null : of(text, best, best + exact.length());
    }

    private static int commonSuffix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(a.length() - 1 - n) == b.charAt(b.length() - 1 - n)) {
            n++;
        }
        return n;
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }
}
