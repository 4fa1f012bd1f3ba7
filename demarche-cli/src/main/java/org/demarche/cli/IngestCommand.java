package org.demarche.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.demarche.ingest.DocumentIngester;
import org.demarche.ingest.Manifest;
import org.demarche.ingest.ManifestException;
import org.demarche.pipeline.IngestRunner;
import org.demarche.pipeline.IngestSummary;
import org.demarche.nlp.NlpExtractor;
import org.demarche.questions.Checks;
import org.demarche.stance.Codebook;
import org.demarche.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code demarche ingest}: reads files and folders into the workspace (spec/CONTRACT.md section 1). */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Read files and folders (recursively) into the workspace.")
final class IngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--manifest", paramLabel = "FILE", description = "CSV or JSON Lines facts about the documents.")
    Path manifestFile;

    @Mixin
    CodebookOption codebook;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per core).")
    Integer threads;

    @Option(names = "--max-file-size", paramLabel = "MB", defaultValue = "64",
            description = "Refuse files larger than this many megabytes (default: ${DEFAULT-VALUE}).")
    long maxFileMb;

    @Option(names = "--all-files", description = "With a manifest: also read files in the folders that it does not list.")
    boolean allFiles;

    @Option(names = "--no-extract", description = "Only read, clean and store the documents; find no actors or statements.")
    boolean noExtract;

    @Option(names = "--extraction-timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "Stop extracting a document after this long and keep it without (default: ${DEFAULT-VALUE}).")
    long extractionTimeout;

    @Option(names = "--redo-stances", description = "Compute every document's stances again (after a change to the cue lexicon).")
    boolean redoStances;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or folders to read.")
    List<Path> paths;

    /** CoreNLP's models take a while to load: say so, on stderr. */
    static NlpExtractor loadExtractor() {
        long t0 = System.nanoTime();
        System.err.print("demarche: loading the language models... ");
        NlpExtractor x = new NlpExtractor();
        System.err.printf("%.0f s%n", (System.nanoTime() - t0) / 1e9);
        return x;
    }

    @Override
    public Integer call() throws IOException {
        if (threads != null) {
            Checks.range("--threads", threads, 1, 256);
        }
        Checks.range("--max-file-size", (int) Math.min(maxFileMb, Integer.MAX_VALUE), 1, 4096);
        Checks.range("--extraction-timeout", (int) Math.min(extractionTimeout, Integer.MAX_VALUE), 1, 86_400);
        Manifest manifest = Manifest.none();
        if (manifestFile != null) {
            try {
                manifest = Manifest.read(manifestFile);
            } catch (ManifestException e) {
                spec.commandLine().getErr().println("demarche: " + ProgressReporter.printable(e.getMessage()));
                return 2;
            }
            manifest.warnings().forEach(w -> spec.commandLine().getErr().println("demarche: " + ProgressReporter.printable(w)));
        }
        if (!codebook.check(spec)) {
            return 2;
        }
        IngestRunner.Options options = IngestRunner.Options.defaults()
                .withMaxFileBytes(maxFileMb << 20).withAllFiles(allFiles);
        if (threads != null) {
            options = options.withThreads(threads);
        }
        try (Workspace ws = Workspace.open(workspace.dir)) {
            // one writer at a time: a second one waits, and says so; readers never wait
            ws.lockForWriting(why -> spec.commandLine().getErr().println("demarche: " + why));
            Codebook issues = codebook.use(ws);
            if (redoStances) {
                ws.stances().forgetFingerprints();
                ws.commit();
            }
            ProgressReporter progress = ProgressReporter.forStderr("ingest");
            IngestSummary summary;
            try {
                IngestRunner runner = noExtract ? new IngestRunner(ws, new DocumentIngester(), options)
                        : new IngestRunner(ws, new DocumentIngester(), options, loadExtractor(), extractionTimeout * 1000)
                        .withStances(issues);
                summary = runner.run(paths, manifest, progress);
            } finally {
                progress.close();
            }
            System.out.println("ingest: " + summary.describe() + "; workspace " + ws.dir() + " holds "
                    + ws.documentCount() + " documents");
        }
        return 0;
    }
}
