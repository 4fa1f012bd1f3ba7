package org.demarche.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.demarche.pipeline.Corrector;
import org.demarche.pipeline.IngestRunner;
import org.demarche.questions.Codebooks;
import org.demarche.store.Corrections;
import org.demarche.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code demarche correct ACTION …}: a person corrects what the machine found. The correction goes into the
 * workspace's log, anchored by content, and is applied at once and again after every rebuild ({@link Corrector}).
 */
@Command(name = "correct", mixinStandardHelpOptions = true,
        description = {"Correct the knowledge base. STATEMENT, STANCE and DOCUMENT are ids of the current export (s5, t3, "
                + "d2); ACTOR an id or any of the actor's names.",
                "  reject STATEMENT | confirm STATEMENT | speaker STATEMENT ACTOR | kind STATEMENT direct|indirect | "
                + "date STATEMENT DATE",
                "  add DOCUMENT WORDS SPEAKER | add DOCUMENT START END SPEAKER  (a statement the machine missed)",
                "  stance STANCE support|oppose|neutral|none|confirm",
                "  merge ACTOR ACTOR | split ACTOR FORM | rename ACTOR NAME | kind ACTOR person|state|organization|other",
                "  role ACTOR TITLE STATEMENT | role ACTOR TITLE DOCUMENT WORDS  (--date: since when) | "
                + "end-role ACTOR TITLE DATE"})
final class CorrectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Parameters(index = "0", paramLabel = "ACTION", description = "reject, confirm, speaker, kind, date, add, stance, "
            + "merge, split, rename, role or end-role")
    String action;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "What the action takes (see above).")
    List<String> args = List.of();

    @Option(names = "--coder", paramLabel = "NAME", description = "Who corrects (default: the login name).")
    String coder = System.getProperty("user.name", "unknown");

    @Option(names = "--note", paramLabel = "TEXT", description = "Why.")
    String note;

    @Option(names = "--date", paramLabel = "DATE", description = "add: the statement's date; role: since when.")
    String date;

    @Option(names = "--kind", paramLabel = "KIND", description = "add: direct (default) or indirect.")
    String kind;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (action.equalsIgnoreCase("undo")) {
            err.println("demarche: correct: undo is demarche corrections --undo N");
            return 2;
        }
        Corrector.Request request;
        try {
            request = new Corrector.Request(action, args, date, kind, note);
        } catch (IllegalArgumentException e) {
            err.println("demarche: correct: " + e.getMessage());
            return 2;
        }
        if (workspace.missing(spec)) {
            return 2;
        }
        try (Workspace ws = Workspace.open(workspace.dir)) {
            ws.lockForWriting(why -> err.println("demarche: " + why));
            try {
                Corrections.Entry done = Corrector.correct(ws, Codebooks.active(ws), IngestRunner.Options.defaults().threads(),
                        coder, request);
                spec.commandLine().getOut().println("correction " + done.id() + " (" + done.action() + ", by " + coder + "): "
                        + done.status() + (done.detail() == null ? "" : ": " + done.detail()));
                return done.status().equals("orphaned") ? 1 : 0;
            } finally {
                ws.unlockForWriting();
            }
        } catch (IllegalArgumentException e) {
            err.println("demarche: correct " + action + ": " + e.getMessage());
            return 2;
        }
    }
}
