package org.demarche.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.demarche.server.Checks;
import org.demarche.store.KnowledgeBase;
import org.demarche.store.Questions;
import org.demarche.store.StanceTables;
import org.demarche.store.Workspace;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code demarche timeline --actor NAME | --issue ID}: positions in time order, each with its strongest words. */
@Command(name = "timeline", mixinStandardHelpOptions = true,
        description = "Positions in time order, for an actor (on every issue) or an issue (by every actor).")
final class TimelineCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    static final class Subject {
        @Option(names = "--actor", paramLabel = "NAME", required = true) String actor;
        @Option(names = "--issue", paramLabel = "ID", required = true) String issue;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Subject subject;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (workspace.missing(spec)) {
            return 2;
        }
        try (Workspace ws = workspace.openForReading(spec)) {
            Checks.issue("--issue", ws, subject.issue);
            Long actorId = null;
            if (subject.actor != null) {
                KnowledgeBase.ActorRow a = Answers.actor(ws, subject.actor, spec);
                if (a == null) {
                    return 2;
                }
                actorId = a.id();
            }
            List<Questions.Position> positions = ws.questions().positions(actorId, subject.issue);
            // each position's strongest statement, read in one query per issue rather than one per position
            Map<String, List<Long>> firstByIssue = new LinkedHashMap<>();
            positions.forEach(p -> {
                if (!p.evidence().isEmpty()) {
                    firstByIssue.computeIfAbsent(p.issue(), k -> new ArrayList<>()).add(p.evidence().get(0));
                }
            });
            Map<String, Map<Long, StanceTables.Evidence>> evidence = new LinkedHashMap<>();
            firstByIssue.forEach((issue, ids) -> evidence.put(issue, ws.stances().evidence(ids, issue)));
            Map<String, Object> doc = new LinkedHashMap<>();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Questions.Position p : positions) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("date", p.date());
                r.put("actor", p.actor());
                r.put("issue", p.issue());
                r.put("polarity", p.polarity());
                r.put("confidence", p.confidence());
                r.put("doc", p.file());
                if (!p.evidence().isEmpty()) {
                    StanceTables.Evidence e = evidence.get(p.issue()).get(p.evidence().get(0));
                    if (e != null) {
                        r.put("statement", "s" + e.statementId());
                        r.put("start", e.start());
                        r.put("end", e.end());
                        r.put("cue", e.cue());
                    }
                }
                rows.add(r);
            }
            doc.put("timeline", rows);
            if (json) {
                Answers.json(out, doc);
                return 0;
            }
            out.println(rows.size() + " positions" + (subject.actor != null ? " of " + subject.actor : " on " + subject.issue));
            for (Map<String, Object> r : rows) {
                out.printf("%-10s  %-24s  %-28s  %-7s  %s%s%n", r.get("date") == null ? "undated" : r.get("date"),
                        StancesCommand.pad(String.valueOf(r.get("actor")), 23).strip(), r.get("issue"), r.get("polarity"),
                        r.get("doc"), r.containsKey("cue") && r.get("cue") != null ? "  \"" + r.get("cue") + "\"" : "");
            }
        }
        return 0;
    }
}
