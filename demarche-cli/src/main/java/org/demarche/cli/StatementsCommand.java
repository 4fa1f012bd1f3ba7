package org.demarche.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.demarche.questions.Checks;
import org.demarche.model.Actor;
import org.demarche.model.RecordId;
import org.demarche.model.Statement;
import org.demarche.questions.Questions;
import org.demarche.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code demarche statements}: who said what, filtered by speaker, issue and dates, in time order. */
@Command(name = "statements", mixinStandardHelpOptions = true,
        description = "Statements in time order, by speaker, issue and date range, each with its source and offsets.")
final class StatementsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--actor", paramLabel = "NAME", description = "Said by this actor (a name, an alias or an id).")
    String actor;

    @Option(names = "--issue", paramLabel = "ID", description = "On this issue.")
    String issue;

    @Option(names = "--from", paramLabel = "DATE", description = "From this date (2007, 2007-07, 2007-07-18).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "To this date, inclusive.")
    String to;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most N (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (workspace.missing(spec)) {
            return 2;
        }
        Checks.dates("--from", from, "--to", to);
        Checks.range("--limit", limit, 1, Checks.MAX_STATEMENTS);
        try (Workspace ws = workspace.openForReading(spec)) {
            Checks.issue("--issue", ws, issue);
            RecordId actorId = null;
            if (actor != null) {
                Actor a = Answers.actor(ws, actor, spec);
                if (a == null) {
                    return 2;
                }
                actorId = a.id();
            }
            List<Statement> said = Questions.statements(ws, actorId, issue, from, to, limit);
            if (json) {
                Answers.json(out, Map.of("statements", said));
                return 0;
            }
            out.println(said.size() + (said.size() == 1 ? " statement" : " statements"));
            for (Statement s : said) {
                out.println();
                Answers.statement(out, s, 400);
            }
        }
        return 0;
    }
}
