package org.demarche.questions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.demarche.stance.Codebook;
import org.demarche.stance.CodebookException;
import org.demarche.store.Workspace;

/** Which codebook a workspace uses: the one last given with --codebook, else the built-in one. */
public final class Codebooks {

    public static Codebook active(Workspace ws) {
        String stored = ws.setting("codebook").orElse(null);
        if (stored == null) {
            return Codebook.builtIn();
        }
        try {
            return Codebook.parse(ws.setting("codebook_file").orElse("stored codebook"), stored);
        } catch (CodebookException e) {
            throw new IllegalStateException("the workspace's codebook no longer reads: " + e.getMessage(), e);
        }
    }

    /** Makes the codebook in this file the workspace's, for every later command (its text is kept, not the path). */
    public static void keep(Workspace ws, Path file) throws IOException {
        ws.setSetting("codebook", Files.readString(file, StandardCharsets.UTF_8));
        ws.setSetting("codebook_file", file.toAbsolutePath().toString());
        ws.commit();
    }

    /**
     * The codebook a run works with: the one read from {@code file} (checked already), now kept in the workspace for
     * every later command; or, when none was given (null), the one the workspace uses.
     */
    public static Codebook use(Workspace ws, Path file, Codebook read) throws IOException {
        if (file == null) {
            return active(ws);
        }
        keep(ws, file);
        return read;
    }

    private Codebooks() {}
}
