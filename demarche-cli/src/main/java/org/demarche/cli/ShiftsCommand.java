package org.demarche.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.demarche.model.Stance;
import org.demarche.questions.IssueQuestion;
import org.demarche.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code demarche shifts --issue ID}: who changed their mind on an issue, with their words on each side. */
@Command(name = "shifts", mixinStandardHelpOptions = true,
        description = "Actors whose position on an issue changed between periods, with the strongest evidence on each side.")
final class ShiftsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Mixin
    IssueOptions options;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (workspace.missing(spec)) {
            return 2;
        }
        try (Workspace ws = workspace.openForReading(spec)) {
            IssueQuestion q = options.load(ws, spec);
            if (q == null) {
                return 2;
            }
            List<Map<String, Object>> records = q.shiftsJson(ws, options.years);
            if (json) {
                Answers.json(out, Map.of("issue", options.issue, "label", q.label, "shifts", records));
                return 0;
            }
            out.println(q.label + " (" + options.issue + "): " + records.size() + (records.size() == 1 ? " shift" : " shifts")
                    + " among " + q.points.stream().map(Stance::actor).distinct().count() + " actors");
            for (Map<String, Object> r : records) {
                @SuppressWarnings("unchecked") Map<String, Object> from = (Map<String, Object>) r.get("from");
                @SuppressWarnings("unchecked") Map<String, Object> to = (Map<String, Object>) r.get("to");
                out.printf("%n%s: %s in %s -> %s in %s%n", r.get("name"), from.get("position"), from.get("period"),
                        to.get("position"), to.get("period"));
                printSide(out, "before", r.get("before"));
                printSide(out, "after ", r.get("after"));
            }
        }
        return 0;
    }

    private static void printSide(PrintWriter out, String label, Object o) {
        @SuppressWarnings("unchecked") Map<String, Object> m = (Map<String, Object>) o;
        out.printf("  %s %s, %s (confidence %.2f)%n", label, m.get("polarity"), m.get("date"), (Double) m.get("confidence"));
        if (m.containsKey("statement")) {
            String text = String.valueOf(m.get("text")).replaceAll("\\s+", " ");
            out.printf("         %s, %s [%s-%s]: deciding words \"%s\"%n", m.get("file"), m.get("speaker_name"), m.get("start"),
                    m.get("end"), m.get("cue"));
            out.printf("         \"%s\"%n", text.length() > 220 ? text.substring(0, 219) + "…" : text);
        }
    }
}
