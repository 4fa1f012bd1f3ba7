package org.demarche.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.demarche.stance.StanceTimeline.Cell;
import org.demarche.stance.StanceTimeline.CellKind;
import org.demarche.stance.StanceTimeline.Matrix;
import org.demarche.model.RecordId;
import org.demarche.questions.Checks;
import org.demarche.questions.IssueQuestion;
import org.demarche.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code demarche stances --issue ID}: who stands where on an issue, year by year. */
@Command(name = "stances", mixinStandardHelpOptions = true,
        description = {"The actor × year matrix of positions on one issue: S support, O oppose, N neutral, "
                + "M mixed (both sides in one period), with the number of documents."})
final class StancesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Mixin
    IssueOptions options;

    @Option(names = "--kind", paramLabel = "KIND", description = "Only actors of this kind: person, state, organization.")
    String kind;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "40", description = "At most this many actors, most documented first (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print JSON instead of the grid.")
    boolean json;

    @Option(names = "--svg", paramLabel = "FILE", description = "Also draw the matrix as an SVG picture.")
    Path svg;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (workspace.missing(spec)) {
            return 2;
        }
        try (Workspace ws = workspace.openForReading(spec)) {
            Checks.oneOf("--kind", kind, Checks.ACTOR_KINDS);
            Checks.range("--limit", limit, 1, Checks.MAX_MATRIX_ROWS);
            IssueQuestion q = options.load(ws, spec);
            if (q == null) {
                return 2;
            }
            Matrix m = q.matrix(options.years, kind);
            Map<RecordId, Map<String, Cell>> rows = new LinkedHashMap<>();
            m.rows().entrySet().stream().limit(Math.max(1, limit)).forEach(e -> rows.put(e.getKey(), e.getValue()));
            if (json) {
                Answers.json(out, q.matrixJson(options.years, kind, limit));
            } else {
                printGrid(out, q, m, rows);
            }
            if (svg != null) {
                Files.writeString(svg, MatrixPicture.svg(q.label + " (" + options.issue + ")", m.periods(), rows, q::name),
                        StandardCharsets.UTF_8);
                spec.commandLine().getErr().println("stances: drawn to " + svg);
            }
        }
        return 0;
    }

    private void printGrid(PrintWriter out, IssueQuestion q, Matrix m, Map<RecordId, Map<String, Cell>> rows) {
        boolean color = "1".equals(System.getenv("DEMARCHE_TTY"));
        out.println(q.label + " (" + q.issue + "): " + q.points.size() + " stances, " + m.rows().size() + " actors");
        if (rows.isEmpty()) {
            out.println("no stances on this issue yet");
            return;
        }
        int nameWidth = Math.min(32, rows.keySet().stream().mapToInt(a -> q.name(a).length()).max().orElse(10));
        int cellWidth = Math.max(5, m.periods().stream().mapToInt(String::length).max().orElse(4) + 1);
        StringBuilder header = new StringBuilder(pad("", nameWidth));
        for (String p : m.periods()) {
            header.append(padLeft(p, cellWidth));
        }
        out.println(header);
        rows.forEach((actor, cells) -> {
            StringBuilder line = new StringBuilder(pad(q.name(actor), nameWidth));
            for (String p : m.periods()) {
                Cell c = cells.get(p);
                String text = c == null ? "·" : letter(c.kind()) + total(c);
                String padded = padLeft(text, cellWidth);
                line.append(color && c != null ? ansi(c.kind()) + padded + "\033[0m" : padded);
            }
            out.println(line);
        });
        out.println("S support  O oppose  N neutral  M mixed (both in one period); the number counts documents");
    }

    static String letter(CellKind k) {
        return switch (k) {
            case SUPPORT -> "S";
            case OPPOSE -> "O";
            case NEUTRAL -> "N";
            case MIXED -> "M";
        };
    }

    private static int total(Cell c) {
        return c.counts().values().stream().mapToInt(Integer::intValue).sum();
    }

    private static String ansi(CellKind k) {
        return switch (k) {
            case SUPPORT -> "\033[34m";
            case OPPOSE -> "\033[31m";
            case NEUTRAL -> "\033[90m";
            case MIXED -> "\033[35m";
        };
    }

    static String pad(String s, int w) {
        String t = s.length() > w ? s.substring(0, w - 1) + "…" : s;
        return t + " ".repeat(Math.max(0, w - t.length())) + " ";
    }

    static String padLeft(String s, int w) {
        return " ".repeat(Math.max(0, w - s.length())) + s;
    }
}
