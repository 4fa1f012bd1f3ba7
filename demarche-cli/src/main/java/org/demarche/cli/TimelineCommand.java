package org.demarche.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.demarche.questions.Checks;
import org.demarche.model.Actor;
import org.demarche.model.RecordId;
import org.demarche.model.Stance;
import org.demarche.model.Statement;
import org.demarche.questions.Questions;
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
            RecordId actorId = null;
            if (subject.actor != null) {
                Actor a = Answers.actor(ws, subject.actor, spec);
                if (a == null) {
                    return 2;
                }
                actorId = a.id();
            }
            Questions.TimelineAnswer timeline = Questions.timeline(ws, actorId, subject.issue);
            if (json) {
                Answers.json(out, timeline);
                return 0;
            }
            List<Stance> positions = timeline.positions();
            // each position's strongest statement, read in one query per issue rather than one per position
            Map<String, List<Long>> firstByIssue = new LinkedHashMap<>();
            positions.forEach(p -> {
                if (!p.evidence().isEmpty()) {
                    firstByIssue.computeIfAbsent(p.issue(), k -> new ArrayList<>()).add(p.evidence().get(0).number());
                }
            });
            Map<String, Map<Long, Statement>> evidence = new LinkedHashMap<>();
            firstByIssue.forEach((issue, ids) -> evidence.put(issue, ws.stances().evidence(ids, issue)));
            out.println(positions.size() + " positions" + (subject.actor != null ? " of " + subject.actor : " on " + subject.issue));
            for (Stance p : positions) {
                Statement e = p.evidence().isEmpty() ? null : evidence.get(p.issue()).get(p.evidence().get(0).number());
                String cue = e == null || e.issues().isEmpty() ? null : e.issues().get(0).cue();
                out.printf("%-10s  %-24s  %-28s  %-7s  %s%s%n", p.date() == null ? "undated" : p.date(),
                        StancesCommand.pad(String.valueOf(p.actorName()), 23).strip(), p.issue(), p.polarity().id(),
                        p.file(), cue != null ? "  \"" + cue + "\"" : "");
            }
        }
        return 0;
    }
}
