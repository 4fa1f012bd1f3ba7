package org.demarche.cli;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.demarche.model.RecordId;
import org.demarche.model.Polarity;
import org.demarche.stance.StanceTimeline.Cell;
import org.demarche.stance.StanceTimeline.CellKind;

/**
 * Draws a stance matrix as a standalone SVG picture: one coloured square per actor and period,
 * the count inside, the counts by polarity as its tooltip. Hand-written because it is a few
 * rectangles; every name is XML-escaped, so a hostile actor name stays text.
 */
final class MatrixPicture {

    private static final int CELL = 34;
    private static final int NAME_WIDTH = 220;
    private static final int HEADER = 70;

    static String svg(String title, List<String> periods, Map<RecordId, Map<String, Cell>> rows,
                      Function<RecordId, String> names) {
        int width = NAME_WIDTH + periods.size() * CELL + 20;
        int height = HEADER + rows.size() * CELL + 60;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        sb.append("<text x=\"8\" y=\"18\" font-size=\"14\" font-weight=\"bold\">").append(escape(title)).append("</text>\n");
        for (int i = 0; i < periods.size(); i++) {
            int x = NAME_WIDTH + i * CELL + CELL / 2;
            sb.append("<text transform=\"translate(").append(x).append(',').append(HEADER - 6)
                    .append(") rotate(-60)\" font-size=\"11\">").append(escape(periods.get(i))).append("</text>\n");
        }
        int r = 0;
        for (Map.Entry<RecordId, Map<String, Cell>> row : rows.entrySet()) {
            int y = HEADER + r * CELL;
            String name = names.apply(row.getKey());
            sb.append("<text x=\"").append(NAME_WIDTH - 8).append("\" y=\"").append(y + CELL / 2 + 4)
                    .append("\" text-anchor=\"end\">").append(escape(name.length() > 30 ? name.substring(0, 29) + "…" : name))
                    .append("</text>\n");
            for (int i = 0; i < periods.size(); i++) {
                Cell c = row.getValue().get(periods.get(i));
                int x = NAME_WIDTH + i * CELL;
                if (c == null) {
                    sb.append("<rect x=\"").append(x + 2).append("\" y=\"").append(y + 2).append("\" width=\"")
                            .append(CELL - 4).append("\" height=\"").append(CELL - 4).append("\" fill=\"#f3f3f3\"/>\n");
                    continue;
                }
                int n = c.counts().values().stream().mapToInt(Integer::intValue).sum();
                sb.append("<g><title>").append(escape(name + ", " + c.period() + ": " + c.kind().id() + " — "
                        + c.count(Polarity.SUPPORT) + " support, " + c.count(Polarity.OPPOSE) + " oppose, "
                        + c.count(Polarity.NEUTRAL) + " neutral")).append("</title>");
                sb.append("<rect x=\"").append(x + 2).append("\" y=\"").append(y + 2).append("\" width=\"").append(CELL - 4)
                        .append("\" height=\"").append(CELL - 4).append("\" rx=\"3\" fill=\"").append(colour(c.kind()))
                        .append("\"/>");
                sb.append("<text x=\"").append(x + CELL / 2).append("\" y=\"").append(y + CELL / 2 + 4)
                        .append("\" text-anchor=\"middle\" fill=\"").append(c.kind() == CellKind.NEUTRAL ? "#222" : "white")
                        .append("\">").append(StancesCommand.letter(c.kind())).append(n > 1 ? n : "").append("</text></g>\n");
            }
            r++;
        }
        int ly = HEADER + rows.size() * CELL + 24;
        int lx = 8;
        for (CellKind k : CellKind.values()) {
            sb.append("<rect x=\"").append(lx).append("\" y=\"").append(ly - 11).append("\" width=\"14\" height=\"14\" fill=\"")
                    .append(colour(k)).append("\"/><text x=\"").append(lx + 18).append("\" y=\"").append(ly).append("\">")
                    .append(k.id()).append("</text>\n");
            lx += 90;
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    /** Colour-blind-safe diverging colours: blue for support, orange-red for oppose. */
    static String colour(CellKind k) {
        return switch (k) {
            case SUPPORT -> "#2166ac";
            case OPPOSE -> "#b2182b";
            case NEUTRAL -> "#d9d9d9";
            case MIXED -> "#9970ab";
        };
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c < 0x20 && c != '\t' && c != '\n' ? ' ' : c);
            }
        }
        return sb.toString();
    }

    private MatrixPicture() {}
}
