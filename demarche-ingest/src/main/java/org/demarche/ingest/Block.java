package org.demarche.ingest;

import java.util.List;

/**
 * A unit of layout (paragraph, heading, list item, table cell) as a reader found it.
 * Its text is a sequence of pieces, each either a copy of the original text at a known
 * offset or a separator the reader inserted (origStart &lt; 0), so cleaning can keep
 * offsets mappable back to the original.
 *
 * @param linkChars       how many of its characters are link text (HTML, Markdown)
 * @param structuralChrome the document's structure marks it as page chrome (nav, footer, share widget…)
 */
public record Block(List<Piece> pieces, Kind kind, int linkChars, boolean structuralChrome) {

    public enum Kind { HEADING, PARAGRAPH, LIST_ITEM, TABLE_CELL, PREFORMATTED }

    /** Text copied from the original at origStart, or an inserted separator when origStart &lt; 0. */
    public record Piece(int origStart, String text) {}

    public Block {
        pieces = List.copyOf(pieces);
    }

    public String text() {
        if (pieces.size() == 1) {
            return pieces.get(0).text();
        }
        StringBuilder sb = new StringBuilder();
        for (Piece p : pieces) {
            sb.append(p.text());
        }
        return sb.toString();
    }

    /** A block that is one contiguous stretch of the original text. */
    public static Block span(String original, int start, int end, Kind kind) {
        return new Block(List.of(new Piece(start, original.substring(start, end))), kind, 0, false);
    }
}
