package org.demarche.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.demarche.server.Checks;
import org.demarche.store.KnowledgeBase;
import org.demarche.store.Questions;
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
            KnowledgeBase.ActorRow a = Answers.actor(ws, String.join(" ", name), spec);
            if (a == null) {
                return 2;
            }
            Map<Long, String> names = new LinkedHashMap<>();
            ws.kb().forEachActor(x -> names.put(x.id(), x.name()));
            List<KnowledgeBase.RoleRow> roles = ws.kb().roles().getOrDefault(a.id(), List.of());
            List<Questions.Said> said = ws.questions().statements(a.id(), null, null, null, limit);
            List<Questions.Position> positions = ws.questions().positions(a.id(), null);
            Map<String, List<Questions.Position>> byIssue = new TreeMap<>();
            positions.forEach(p -> byIssue.computeIfAbsent(p.issue(), k -> new ArrayList<>()).add(p));
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("actor", a);
                m.put("roles", roles.stream().map(r -> Map.of("title", r.title(), "of", r.ofActorId() == null ? "" : names.get(r.ofActorId()),
                        "date", r.date() == null ? "" : r.date(), "doc", "d" + r.documentId(), "start", r.start(), "end", r.end())).toList());
                m.put("statements", said);
                m.put("positions", byIssue);
                Answers.json(out, m);
                return 0;
            }
            out.printf("a%d  %s (%s), %d mentions%n", a.id(), a.name(), a.kind(), a.mentions());
            if (a.aliases().size() > 1) {
                out.println("also: " + String.join("; ", a.aliases()));
            }
            out.println();
            out.println("Roles over time:");
            if (roles.isEmpty()) {
                out.println("  none found");
            }
            for (KnowledgeBase.RoleRow r : roles) {
                out.printf("  %s  %s%s  (d%d [%d-%d]: \"%s\")%n", r.date() == null ? "undated   " : r.date(), r.title(),
                        r.ofActorId() == null ? "" : " of " + names.get(r.ofActorId()), r.documentId(), r.start(), r.end(),
                        r.text() == null ? "" : r.text().replaceAll("\\s+", " "));
            }
            out.println();
            out.println("Positions by issue:");
            if (byIssue.isEmpty()) {
                out.println("  none found");
            }
            byIssue.forEach((issue, list) -> {
                StringBuilder sb = new StringBuilder("  " + issue + ":");
                for (Questions.Position p : list) {
                    sb.append(' ').append(p.date() == null ? "undated" : p.date()).append(' ').append(p.polarity())
                            .append(" (").append(p.file()).append(')').append(';');
                }
                out.println(sb.substring(0, sb.length() - 1));
            });
            out.println();
            out.println("Statements in time order (" + said.size() + (said.size() == limit ? ", --limit for more" : "") + "):");
            for (Questions.Said s : said) {
                Answers.statement(out, s, 200);
            }
        }
        return 0;
    }
}
