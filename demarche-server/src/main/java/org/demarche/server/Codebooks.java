package org.demarche.server;

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

    private Codebooks() {}
}
