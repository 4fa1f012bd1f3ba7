package org.demarche.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.demarche.questions.Checks;
import org.demarche.model.Actor;
import org.demarche.model.Role;
import org.demarche.questions.Questions;
import org.demarche.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code demarche actors}: every actor with aliases, roles and mention counts, most mentioned first. */
@Command(name = "actors", mixinStandardHelpOptions = true, description = "List the actors: aliases, roles, mentions.")
final class ActorsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--kind", paramLabel = "KIND", description = "person, state, organization or other.")
    String kind;

    @Option(names = "--name", paramLabel = "TEXT", description = "Only actors whose name or an alias contains this.")
    String name;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N actors (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (workspace.missing(spec)) {
            return 2;
        }
        Checks.oneOf("--kind", kind, Checks.ACTOR_KINDS);
        Checks.range("--limit", limit, 1, Checks.MAX_ACTORS);
        try (Workspace ws = workspace.openForReading(spec)) {
            Questions.ActorList found = Questions.actors(ws, kind, name, limit);
            if (json) {
                Answers.json(out, found);
                return 0;
            }
            out.printf("%d actors%s%n", found.total(), found.total() > found.actors().size()
                    ? " (the " + found.actors().size() + " most mentioned)" : "");
            for (Actor a : found.actors()) {
                out.printf("%n%s  %s (%s), %s mentions%n", a.id(), a.name(), a.kind().label(), a.mentions());
                if (a.aliases().size() > 1) {
                    out.println("  also: " + String.join("; ", a.aliases().stream().filter(x -> !x.equals(a.name())).toList()));
                }
                for (Role r : a.roles()) {
                    out.printf("  %s%s, %s (%s [%s-%s])%n", r.title(), r.of() == null ? "" : " of " + r.ofName(),
                            r.from() == null ? "undated" : r.from(), r.doc(), r.start(), r.end());
                }
            }
        }
        return 0;
    }
}
