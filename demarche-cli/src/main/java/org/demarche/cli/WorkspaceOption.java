package org.demarche.cli;

import java.nio.file.Path;
import org.demarche.pipeline.KnowledgeBaseWriter;
import org.demarche.questions.Codebooks;
import org.demarche.store.Workspace;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The --workspace option every command that reads or writes a workspace shares. */
final class WorkspaceOption {
    @Option(names = "--workspace", paramLabel = "DIR", defaultValue = ".demarche",
            description = "The workspace folder (default: ${DEFAULT-VALUE}); created on first ingest.")
    Path dir;

    /**
     * Opens the workspace for a question or an export: a merge of actors that a killed ingest left pending
     * is finished first; one an ingest running now will do at its end is said (its documents' actors are
     * left out until then, never pointed at before they exist).
     */
    Workspace openForReading(CommandSpec spec) {
        Workspace ws = Workspace.openForReading(dir);
        if (ws.setting(Workspace.MERGE_PENDING).isPresent() && !ws.isReadOnly()) {
            ws.endRead();
            boolean finished;
            try (Workspace writer = Workspace.open(dir)) {
                finished = KnowledgeBaseWriter.finishPendingMerge(writer, Codebooks.active(writer));
            }
            ws.endRead();
            if (finished) {
                spec.commandLine().getErr().println("demarche: finished the actor merge that an interrupted ingest left "
                        + "pending in " + dir);
            }
        }
        if (ws.setting(Workspace.MERGE_PENDING).isPresent()) {
            spec.commandLine().getErr().println("demarche: an ingest is writing to " + dir + ": the actors of the documents "
                    + "it has stored are merged when it ends; until then their statements and events have no actors");
        }
        return ws;
    }

    /** For commands that read a workspace: true (and says so) if there is none to read. */
    boolean missing(CommandSpec spec) {
        if (Workspace.exists(dir)) {
            return false;
        }
        spec.commandLine().getErr().println("demarche: no workspace at " + dir + " (run demarche ingest first)");
        return true;
    }
}
