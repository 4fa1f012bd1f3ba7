package org.demarche.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.demarche.export.JsonlExporter;
import org.demarche.export.TidyExporter;
import org.demarche.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code demarche export}: the knowledge base as JSON Lines (spec/CONTRACT.md section 4), or as tidy tables (CSV or
 * Parquet, one table per record type) made from that same export.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the knowledge base as JSON Lines, or as tidy CSV or Parquet tables (one per record type).")
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--format", defaultValue = "jsonl", description = "jsonl (default), csv or parquet (these two need --out DIR).")
    String format;

    @Option(names = "--out", paramLabel = "FILE|DIR", description = "Write here instead of standard output (a folder for csv and parquet).")
    Path out;

    @Option(names = "--include-text", description = "Also write each document's cleaned text.")
    boolean includeText;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("jsonl") && !format.equals("csv") && !format.equals("parquet")) {
            spec.commandLine().getErr().println("demarche: unknown --format " + format + " (jsonl, csv or parquet)");
            return 2;
        }
        if (!format.equals("jsonl") && out == null) {
            spec.commandLine().getErr().println("demarche: --format " + format + " needs --out DIR");
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
            Path abs = out.toAbsolutePath();
            if (!format.equals("jsonl")) {
                return tables(ws, exporter, abs);
            }
            // write beside the target, then move: a failed export never leaves half a file behind
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

    /** The tidy tables, made from a JSON Lines export written to a scratch file beside them. */
    private int tables(Workspace ws, JsonlExporter exporter, Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            spec.commandLine().getErr().println("demarche: --out " + dir + " is a file; csv and parquet write a folder");
            return 2;
        }
        Files.createDirectories(dir);
        Path jsonl = Files.createTempFile(dir, ".export-", ".jsonl");
        try {
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(jsonl), 1 << 16)) {
                exporter.export(ws, os);
            }
            var rows = TidyExporter.write(jsonl, TidyExporter.Format.valueOf(format.toUpperCase(java.util.Locale.ROOT)), dir);
            spec.commandLine().getErr().println("export: " + rows.size() + " " + format + " tables to " + dir + " ("
                    + String.join(", ", rows.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()) + ")");
        } finally {
            Files.deleteIfExists(jsonl);
        }
        return 0;
    }
}
