package org.demarche.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The --workspace option every command that reads or writes a workspace shares. */
final class WorkspaceOption {
    @Option(names = "--workspace", paramLabel = "DIR", defaultValue = ".demarche",
            description = "The workspace folder (default: ${DEFAULT-VALUE}); created on first ingest.")
    Path dir;
}
