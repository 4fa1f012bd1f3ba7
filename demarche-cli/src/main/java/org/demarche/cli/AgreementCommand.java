package org.demarche.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.demarche.questions.Agreement;
import org.demarche.store.Corrections;
import org.demarche.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code demarche agreement}: how often the machine agreed with the persons who corrected or confirmed its
 * output, and how often the coders of the log (their own entries, or logs imported with
 * {@code corrections --import}) agreed with each other: per field, share, Cohen's kappa, Krippendorff's alpha.
 */
@Command(name = "agreement", mixinStandardHelpOptions = true,
        description = "Agreement per field (statement or not, speaker, kind, polarity, date) over the items a person "
                + "corrected or confirmed: machine and persons, and every pair of coders; share, Cohen's kappa, "
                + "Krippendorff's alpha (nominal).")
final class AgreementCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--json", description = "Write the reports as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (workspace.missing(spec)) {
            return 2;
        }
        List<Corrections.Entry> log;
        try (Workspace ws = workspace.openForReading(spec)) {
            log = ws.corrections().list();
        }
        List<Agreement.Report> reports = new ArrayList<>();
        reports.add(Agreement.machineAndPersons(log));
        reports.addAll(Agreement.betweenCoders(log));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Answers.json(out, Map.of("reports", reports));
            return 0;
        }
        out.println(log.size() + (log.size() == 1 ? " entry" : " entries") + " in the log");
        for (Agreement.Report r : reports) {
            out.println();
            out.println(r.coders().get(0) + " and " + r.coders().get(1));
            out.printf("  %-10s %6s %7s %8s %7s %7s%n", "field", "items", "agreed", "percent", "kappa", "alpha");
            for (Agreement.Figures f : r.fields()) {
                out.printf("  %-10s %6d %7d %8s %7s %7s%n", f.field(), f.items(), f.agreed(),
                        f.percent() == null ? "-" : String.format("%.1f", 100 * f.percent()), figure(f.kappa()),
                        figure(f.alpha()));
            }
        }
        return 0;
    }

    private static String figure(Double v) {
        return v == null ? "-" : String.format("%.3f", v);
    }
}
