package org.demarche.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.demarche.model.RecordId;
import org.demarche.pipeline.CorrectionStage;
import org.demarche.pipeline.IngestRunner;
import org.demarche.questions.Checks;
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
 * workspace's log, anchored by content, and is applied at once and again after every rebuild.
 */
@Command(name = "correct", mixinStandardHelpOptions = true,
        description = "Correct the knowledge base: reject STATEMENT | speaker STATEMENT ACTOR | stance STANCE POLARITY "
                + "(support, oppose, neutral, confirm) | merge ACTOR ACTOR | split ACTOR FORM | rename ACTOR NAME | "
                + "kind ACTOR KIND. STATEMENT and STANCE are ids of the current export (s5, t3); ACTOR an id or any name.")
final class CorrectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Parameters(index = "0", paramLabel = "ACTION", description = "reject, speaker, stance, merge, split, rename or kind")
    String action;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "What the action takes (see above).")
    List<String> args = List.of();

    @Option(names = "--coder", paramLabel = "NAME", description = "Who corrects (default: the login name).")
    String coder = System.getProperty("user.name", "unknown");

    @Option(names = "--note", paramLabel = "TEXT", description = "Why.")
    String note;

    private static final List<String> ARITY_ONE = List.of("reject");

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String a = action.toLowerCase(Locale.ROOT);
        if (!Corrections.ACTIONS.contains(a) || a.equals("undo")) {
            err.println("demarche: correct: no action '" + action + "' (reject, speaker, stance, merge, split, rename, kind;"
                    + " undo is demarche corrections --undo N)");
            return 2;
        }
        int wanted = ARITY_ONE.contains(a) ? 1 : 2;
        if (args.size() != wanted) {
            err.println("demarche: correct " + a + " takes " + wanted + (wanted == 1 ? " argument" : " arguments")
                    + ", not " + args.size());
            return 2;
        }
        if (workspace.missing(spec)) {
            return 2;
        }
        try (Workspace ws = Workspace.open(workspace.dir)) {
            ws.lockForWriting(why -> err.println("demarche: " + why));
            try {
                Corrections c = ws.corrections();
                Corrections.Entry e = entry(c, a);
                long id = c.append(e);
                ws.commit();
                CorrectionStage.runAndIndex(ws, Codebooks.active(ws), IngestRunner.Options.defaults().threads());
                Corrections.Entry done = c.list().stream().filter(x -> x.id() == id).findFirst().orElseThrow();
                spec.commandLine().getOut().println("correction " + id + " (" + a + ", by " + coder + "): " + done.status()
                        + (done.detail() == null ? "" : ": " + done.detail()));
                return done.status().equals("orphaned") ? 1 : 0;
            } finally {
                ws.unlockForWriting();
            }
        } catch (IllegalArgumentException e) {
            err.println("demarche: correct " + a + ": " + e.getMessage());
            return 2;
        }
    }

    /** The entry, its targets found in the current knowledge base and anchored by content. */
    private Corrections.Entry entry(Corrections c, String a) {
        String first = args.get(0);
        String second = args.size() > 1 ? args.get(1) : null;
        switch (a) {
            case "reject", "speaker" -> {
                RecordId s = id(first, RecordId.Type.STATEMENT);
                Corrections.Entry at = c.statementAnchor(s).orElseThrow(() -> new IllegalArgumentException("no statement " + s));
                if (a.equals("speaker")) {
                    c.actor(second).orElseThrow(() -> new IllegalArgumentException("no actor named " + second));
                }
                return with(at, a, null, null, second);
            }
            case "stance" -> {
                RecordId t = id(first, RecordId.Type.STANCE);
                Checks.oneOf("POLARITY", second, List.of("support", "oppose", "neutral", "confirm"));
                Corrections.Entry at = c.stanceAnchor(t).orElseThrow(() -> new IllegalArgumentException("no stance " + t));
                return with(at, a, at.actor(), at.issue(), second);
            }
            case "kind" -> {
                Checks.oneOf("KIND", second, List.of("person", "state", "organization", "other"));
                return with(null, a, actorName(c, first), null, second);
            }
            default -> {
                // merge, split, rename: the actor by its name now, so that the entry finds it after a rebuild
                String other = a.equals("merge") ? actorName(c, second) : second;
                return with(null, a, actorName(c, first), null, other);
            }
        }
    }

    private static String actorName(Corrections c, String nameOrId) {
        long id = c.actor(nameOrId).orElseThrow(() -> new IllegalArgumentException("no actor named " + nameOrId));
        return c.actorName(id);
    }

    private Corrections.Entry with(Corrections.Entry at, String a, String actor, String issue, String value) {
        return new Corrections.Entry(null, null, coder, a, at == null ? null : at.docHash(), at == null ? null : at.docFile(),
                at == null ? null : at.exact(), at == null ? null : at.prefix(), at == null ? null : at.suffix(),
                at == null ? null : at.start(), at == null ? null : at.end(), actor, issue, value, note, null, null, null);
    }

    private static RecordId id(String value, RecordId.Type type) {
        if (!RecordId.is(type, value)) {
            throw new IllegalArgumentException("'" + value + "' is not a " + type.name().toLowerCase(Locale.ROOT)
                    + " id (" + type.letter() + "5)");
        }
        return RecordId.parse(value);
    }
}
