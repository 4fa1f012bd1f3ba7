package org.demarche.cli;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.demarche.model.Json;
import org.demarche.pipeline.CorrectionStage;
import org.demarche.pipeline.IngestRunner;
import org.demarche.questions.Codebooks;
import org.demarche.store.Corrections;
import org.demarche.store.Workspace;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code demarche corrections}: the log of corrections, with what each did the last time it was applied;
 * {@code --export}/{@code --import} as JSON Lines, so that two analysts can code one corpus and merge or compare
 * their work; {@code --undo N} takes an entry back (by a new entry: the log is only ever appended to).
 */
@Command(name = "corrections", mixinStandardHelpOptions = true,
        description = "List the corrections (who, when, what, why, applied or orphaned); export, import or undo them.")
final class CorrectionsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    static final class What {
        @Option(names = "--export", paramLabel = "FILE", description = "Write the log as JSON Lines.")
        Path export;

        @Option(names = "--import", paramLabel = "FILE", description = "Add the entries of a log exported elsewhere.")
        Path importFile;

        @Option(names = "--undo", paramLabel = "N", description = "Take back entry N.")
        Long undo;
    }

    @ArgGroup(exclusive = true)
    What what = new What();

    @Option(names = "--coder", paramLabel = "NAME", description = "Who undoes or imports (default: the login name).")
    String coder = System.getProperty("user.name", "unknown");

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (workspace.missing(spec)) {
            return 2;
        }
        if (what.export == null && what.importFile == null && what.undo == null) {
            try (Workspace ws = workspace.openForReading(spec)) {
                List<Corrections.Entry> all = ws.corrections().list();
                out.println(all.size() + (all.size() == 1 ? " correction" : " corrections"));
                for (Corrections.Entry e : all) {
                    out.printf("%d  %s  %s  %s%s%s%s  [%s%s]%s%n", e.id(), e.madeAt(), e.coder(), e.action(),
                            e.actor() == null ? "" : " " + e.actor(), e.value() == null ? "" : " -> " + e.value(),
                            e.date() == null ? "" : " (" + e.date() + ")",
                            e.status() == null ? "not applied yet" : e.status(), e.detail() == null ? "" : ": " + e.detail(),
                            e.exact() == null ? "" : "\n    \"" + abbreviate(e.exact()) + "\" in " + e.docFile());
                }
            }
            return 0;
        }
        if (what.export != null) {
            try (Workspace ws = workspace.openForReading(spec);
                 BufferedWriter w = Files.newBufferedWriter(what.export, StandardCharsets.UTF_8)) {
                List<Corrections.Entry> all = ws.corrections().list();
                for (Corrections.Entry e : all) {
                    w.write(Json.MAPPER.writeValueAsString(e));
                    w.newLine();
                }
                err.println("corrections: " + all.size() + " entries to " + what.export);
            }
            return 0;
        }
        List<Corrections.Entry> incoming = List.of();
        if (what.importFile != null) {
            try {
                incoming = Files.readAllLines(what.importFile, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                        .map(CorrectionsCommand::read).toList();
            } catch (IllegalArgumentException e) {
                err.println("demarche: corrections --import " + what.importFile + ": " + e.getMessage());
                return 2;
            }
        }
        try (Workspace ws = Workspace.open(workspace.dir)) {
            ws.lockForWriting(why -> err.println("demarche: " + why));
            try {
                Corrections c = ws.corrections();
                if (what.undo != null) {
                    long n = what.undo;
                    if (c.list().stream().noneMatch(e -> e.id() == n && !e.action().equals("undo"))) {
                        err.println("demarche: corrections --undo " + n + ": no such correction");
                        return 2;
                    }
                    c.undo(n, coder).ifPresent(file -> err.println("corrections: entry " + n + " taken back; what it "
                            + "removed comes back when demarche ingest next reads " + file + " (it is read again then)"));
                } else {
                    // an imported log's undos point at its own numbers: renumbered to the entries they land as
                    java.util.Map<Long, Long> renumbered = new java.util.HashMap<>();
                    for (Corrections.Entry e : incoming) {
                        Corrections.Entry fresh = e.imported();
                        if (fresh.undoes() != null) {
                            Long to = renumbered.get(fresh.undoes());
                            if (to == null) {
                                continue; // it takes back an entry the file does not hold
                            }
                            fresh = fresh.undoing(to);
                        }
                        long id = c.append(fresh);
                        if (e.id() != null) {
                            renumbered.put(e.id(), id);
                        }
                    }
                    err.println("corrections: " + renumbered.size() + " entries from " + what.importFile);
                }
                ws.commit();
                CorrectionStage.runAndIndex(ws, Codebooks.active(ws), IngestRunner.Options.defaults().threads());
            } finally {
                ws.unlockForWriting();
            }
        }
        return 0;
    }

    private static Corrections.Entry read(String line) {
        try {
            return Json.MAPPER.readValue(line, Corrections.Entry.class);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a correction: " + Main.oneLine(e));
        }
    }

    private static String abbreviate(String s) {
        String t = s.replaceAll("\\s+", " ");
        return t.length() > 100 ? t.substring(0, 99) + "…" : t;
    }
}
