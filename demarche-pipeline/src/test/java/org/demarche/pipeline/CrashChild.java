package org.demarche.pipeline;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.demarche.ingest.DocumentIngester;
import org.demarche.ingest.Manifest;
import org.demarche.store.Workspace;

/** Run in a child JVM by {@link CrashSafetyTest}: ingests, printing each commit, until it is killed. */
public final class CrashChild {
    public static void main(String[] args) {
        Path ws = Path.of(args[0]);
        List<Path> files = Arrays.stream(args).skip(1).map(Path::of).toList();
        try (Workspace w = Workspace.open(ws)) {
            IngestRunner runner = new IngestRunner(w, new DocumentIngester(),
                    IngestRunner.Options.defaults().withThreads(2).withBatch(8, 50));
            runner.run(files, Manifest.none(), new IngestListener() {
                @Override
                public void committed(int documentsThisRun) {
                    System.out.println("committed " + documentsThisRun);
                    System.out.flush();
                }
            });
        }
        System.out.println("finished");
    }
}
