package org.demarche.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.demarche.questions.Codebooks;
import org.demarche.stance.Codebook;
import org.demarche.stance.CodebookException;
import org.demarche.store.Workspace;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The codebook option ingest and import share: read and checked before any work, then kept in the workspace. */
final class CodebookOption {
    @Option(names = "--codebook", paramLabel = "FILE", description = "YAML codebook of the issues whose stances are tracked.")
    Path file;

    private Codebook read;

    /** Reads the file, if one was given; false after saying why it cannot be used (a bad codebook, with its line). */
    boolean check(CommandSpec spec) {
        if (file == null) {
            return true;
        }
        try {
            read = Codebook.read(file);
            return true;
        } catch (CodebookException e) {
            spec.commandLine().getErr().println("demarche: " + e.getMessage());
            return false;
        }
    }

    /** The codebook to work with: the file given, now kept in the workspace, or the one the workspace already uses. */
    Codebook use(Workspace ws) throws IOException {
        return Codebooks.use(ws, file, read);
    }
}
