package org.demarche.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.demarche.pipeline.IngestRunner;
import org.demarche.pipeline.IngestSummary;
import org.demarche.pipeline.ParquetImport;
import org.demarche.stance.Codebook;
import org.demarche.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code demarche import}: the knowledge base the Spark job wrote (Parquet tables) into a workspace. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Load the Parquet tables written by the Spark job (demarche-spark) into the workspace, then merge "
                + "actors, find stances and index, as ingest does.")
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Mixin
    CodebookOption codebook;

    @Parameters(paramLabel = "DIR", arity = "1", description = "The Spark job's output folder (its --out).")
    Path tables;

    @Override
    public Integer call() throws IOException {
        if (!codebook.check(spec)) {
            return 2;
        }
        if (!Files.isDirectory(tables)) {
            spec.commandLine().getErr().println("demarche: " + tables + ": no such folder");
            return 2;
        }
        try (Workspace ws = Workspace.open(workspace.dir)) {
            // one writer at a time: a second one waits, and says so; readers never wait
            ws.lockForWriting(why -> spec.commandLine().getErr().println("demarche: " + why));
            Codebook issues = codebook.use(ws);
            ProgressReporter progress = ProgressReporter.forStderr("import");
            IngestSummary summary;
            try {
                summary = ParquetImport.run(ws, tables, issues, IngestRunner.Options.defaults(), progress);
            } catch (IOException e) {
                spec.commandLine().getErr().println("demarche: " + e.getMessage());
                return 2;
            } finally {
                progress.close();
            }
            System.out.println("import: " + summary.describe() + "; workspace " + ws.dir() + " holds "
                    + ws.documentCount() + " documents");
        }
        return 0;
    }
}
