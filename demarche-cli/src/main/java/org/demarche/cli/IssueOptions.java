package org.demarche.cli;

import org.demarche.questions.Checks;
import org.demarche.questions.IssueQuestion;
import org.demarche.store.Workspace;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The options the stance questions share: which issue, how long a period, how sure. */
final class IssueOptions {
    @Option(names = "--issue", required = true, paramLabel = "ID", description = "The issue's id in the codebook.")
    String issue;

    @Option(names = "--years", paramLabel = "N", defaultValue = "1", description = "Years per period (default: ${DEFAULT-VALUE}).")
    int years;

    @Option(names = "--min-confidence", paramLabel = "X", defaultValue = "0.5",
            description = "Leave out stances less sure than this (0 to 1; default: ${DEFAULT-VALUE}, the confident ones, "
                    + "as the page and the network show them; 0 shows every stance).")
    double minConfidence;

    @Option(names = "--from", paramLabel = "DATE", description = "Only stances from this date (2007, 2007-07, 2007-07-18).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Only stances up to this date, inclusive.")
    String to;

    /** The issue's stances, or null after saying why not (an issue the codebook does not have). */
    IssueQuestion load(Workspace ws, CommandSpec spec) {
        Checks.range("--years", years, 1, Checks.MAX_YEARS);
        Checks.fraction("--min-confidence", minConfidence);
        Checks.dates("--from", from, "--to", to);
        try {
            return IssueQuestion.load(ws, issue, minConfidence, from, to);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("demarche: " + e.getMessage());
            return null;
        }
    }
}
