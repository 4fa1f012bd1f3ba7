package org.demarche.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.demarche.questions.Checks;
import org.demarche.model.Actor;
import org.demarche.model.Role;
import org.demarche.model.Stance;
import org.demarche.model.Statement;
import org.demarche.questions.Questions;
import org.demarche.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code demarche actor NAME}: one actor's roles over time, statements in time order and positions by issue. */
@Command(name = "actor", mixinStandardHelpOptions = true,
        description = "One actor: roles over time, statements in time order, positions by issue.")
final class ActorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Parameters(arity = "1..*", paramLabel = "NAME", description = "A name, an alias or an id (a12).")
    List<String> name;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N statements (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (workspace.missing(spec)) {
            return 2;
        }
        Checks.range("--limit", limit, 1, Checks.MAX_ACTOR_STATEMENTS);
        try (Workspace ws = workspace.openForReading(spec)) {
            Actor found = Answers.actor(ws, String.join(" ", name), spec);
            if (found == null) {
                return 2;
            }
            Questions.ActorAnswer page = Questions.actorPage(ws, found.id(), limit).orElseThrow();
            if (json) {
                Answers.json(out, page);
                return 0;
            }
            Actor a = page.actor();
            List<Statement> said = page.statements();
            Map<String, List<Stance>> byIssue = new TreeMap<>();
            page.positions().forEach(p -> byIssue.computeIfAbsent(p.issue(), k -> new ArrayList<>()).add(p));
            out.printf("%s  %s (%s), %d mentions%n", a.id(), a.name(), a.kind().label(), a.mentions());
            if (a.aliases().size() > 1) {
                out.println("also: " + String.join("; ", a.aliases()));
            }
            out.println();
            out.println("Roles over time:");
            if (a.roles().isEmpty()) {
                out.println("  none found");
            }
            for (Role r : a.roles()) {
                out.printf("  %s  %s%s  (%s [%d-%d]: \"%s\")%n", r.from() == null ? "undated   " : r.from(), r.title(),
                        r.of() == null ? "" : " of " + r.ofName(), r.doc(), r.start(), r.end(),
                        r.text() == null ? "" : r.text().replaceAll("\\s+", " "));
            }
            out.println();
            out.println("Positions by issue:");
            if (byIssue.isEmpty()) {
                out.println("  none found");
            }
            byIssue.forEach((issue, list) -> {
                StringBuilder sb = new StringBuilder("  " + issue + ":");
                for (Stance p : list) {
                    sb.append(' ').append(p.date() == null ? "undated" : p.date()).append(' ').append(p.polarity().id())
                            .append(" (").append(p.file()).append(')').append(';');
                }
                out.println(sb.substring(0, sb.length() - 1));
            });
            out.println();
            out.println("Statements in time order (" + said.size() + (said.size() == limit ? ", --limit for more" : "") + "):");
            for (Statement s : said) {
                Answers.statement(out, s, 200);
            }
        }
        return 0;
    }
}
