package org.demarche.cli;

import java.nio.file.Path;
import org.demarche.store.Workspace;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The --workspace option every command that reads or writes a workspace shares. */
final class WorkspaceOption {
    @Option(names = "--workspace", paramLabel = "DIR", defaultValue = ".demarche",
            description = "The workspace folder (default: ${DEFAULT-VALUE}); created on first ingest.")
    Path dir;

    /** For commands that read a workspace: true (and says so) if there is none to read. */
    boolean missing(CommandSpec spec) {
        if (Workspace.exists(dir)) {
            return false;
        }
        spec.commandLine().getErr().println("demarche: no workspace at " + dir + " (run demarche ingest first)");
        return true;
    }
}
