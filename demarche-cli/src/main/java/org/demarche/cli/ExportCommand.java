package org.demarche.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.demarche.export.JsonlExporter;
import org.demarche.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code demarche export}: the knowledge base as JSON Lines (spec/CONTRACT.md section 4). */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Write the knowledge base as JSON Lines.")
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--format", defaultValue = "jsonl", description = "Output format; only jsonl (default).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output.")
    Path out;

    @Option(names = "--include-text", description = "Also write each document's cleaned text.")
    boolean includeText;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("jsonl")) {
            spec.commandLine().getErr().println("demarche: unknown --format " + format + " (only jsonl)");
            return 2;
        }
        if (!Workspace.exists(workspace.dir)) {
            spec.commandLine().getErr().println("demarche: no workspace in " + workspace.dir.toAbsolutePath()
                    + " (run demarche ingest first)");
            return 2;
        }
        JsonlExporter exporter = new JsonlExporter(includeText);
        try (Workspace ws = workspace.openForReading(spec)) {
            if (out == null) {
                exporter.export(ws, System.out);
                return 0;
            }
            // write beside the target, then move: a failed export never leaves half a file behind
            Path abs = out.toAbsolutePath();
            Path tmp = Files.createTempFile(abs.getParent(), ".export-", ".tmp");
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                long n = exporter.export(ws, os);
                spec.commandLine().getErr().println("export: " + n + " records to " + abs);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return 0;
    }
}
