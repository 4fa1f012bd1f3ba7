package org.demarche.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.demarche.server.Checks;
import org.demarche.store.KnowledgeBase;
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
            List<KnowledgeBase.ActorRow> actors = ws.questions().actors(kind, name);
            Map<Long, List<KnowledgeBase.RoleRow>> roles = ws.kb().roles();
            Map<Long, String> names = new LinkedHashMap<>();
            ws.kb().forEachActor(a -> names.put(a.id(), a.name()));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (KnowledgeBase.ActorRow a : actors.subList(0, Math.min(actors.size(), Math.max(1, limit)))) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", "a" + a.id());
                m.put("name", a.name());
                m.put("kind", a.kind());
                m.put("mentions", a.mentions());
                m.put("aliases", a.aliases());
                List<Map<String, Object>> rs = new ArrayList<>();
                for (KnowledgeBase.RoleRow r : roles.getOrDefault(a.id(), List.of())) {
                    Map<String, Object> role = new LinkedHashMap<>();
                    role.put("title", r.title());
                    role.put("of", r.ofActorId() == null ? null : names.get(r.ofActorId()));
                    role.put("date", r.date());
                    role.put("doc", "d" + r.documentId());
                    role.put("start", r.start());
                    role.put("end", r.end());
                    rs.add(role);
                }
                m.put("roles", rs);
                rows.add(m);
            }
            if (json) {
                Answers.json(out, Map.of("total", actors.size(), "actors", rows));
                return 0;
            }
            out.printf("%d actors%s%n", actors.size(), actors.size() > rows.size() ? " (the " + rows.size() + " most mentioned)" : "");
            for (Map<String, Object> m : rows) {
                out.printf("%n%s  %s (%s), %s mentions%n", m.get("id"), m.get("name"), m.get("kind"), m.get("mentions"));
                @SuppressWarnings("unchecked") List<String> aliases = (List<String>) m.get("aliases");
                if (aliases.size() > 1) {
                    out.println("  also: " + String.join("; ", aliases.stream().filter(x -> !x.equals(m.get("name"))).toList()));
                }
                @SuppressWarnings("unchecked") List<Map<String, Object>> rs = (List<Map<String, Object>>) m.get("roles");
                for (Map<String, Object> r : rs) {
                    out.printf("  %s%s, %s (%s [%s-%s])%n", r.get("title"), r.get("of") == null ? "" : " of " + r.get("of"),
                            r.get("date") == null ? "undated" : r.get("date"), r.get("doc"), r.get("start"), r.get("end"));
                }
            }
        }
        return 0;
    }
}
