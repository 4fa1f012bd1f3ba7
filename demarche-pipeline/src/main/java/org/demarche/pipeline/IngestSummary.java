package org.demarche.pipeline;

import java.time.Duration;

/** The counts an ingest run ends with. */
public record IngestSummary(int files, int added, int replaced, int unchanged, int duplicates, int failed,
                            int notInManifest, long bytesRead, Duration elapsed) {

    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(files).append(files == 1 ? " file: " : " files: ")
                .append(added).append(" new, ")
                .append(replaced).append(" replaced, ")
                .append(unchanged).append(" unchanged, ");
        if (duplicates > 0) {
            sb.append(duplicates).append(" same content as another file, ");
        }
        sb.append(failed).append(" failed");
        if (notInManifest > 0) {
            sb.append("; ").append(notInManifest).append(" not in the manifest and left out (--all-files takes them)");
        }
        sb.append(String.format(" in %.1f s", elapsed.toMillis() / 1000.0));
        return sb.toString();
    }
}
