package org.demarche.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.demarche.model.Document;
import org.demarche.model.RecordId;
import org.demarche.model.StoredDocument;
import org.demarche.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code demarche text DOC}: the text demarche read in a document (cleaned, its columns rejoined),
 * which statement offsets point into; with {@code --original}, the text as it came.
 */
@Command(name = "text", mixinStandardHelpOptions = true,
        description = "Print the text later stages read in a document (cleaned; interleaved columns rejoined), "
                + "or with --original the text as extracted from the file; its warnings go to stderr.")
final class TextCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Parameters(paramLabel = "DOC", description = "A document id (d3), or its file name as ingested.")
    String doc;

    @Option(names = "--original", description = "The text as extracted from the file, before cleaning and repair.")
    boolean original;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (workspace.missing(spec)) {
            return 2;
        }
        try (Workspace ws = workspace.openForReading(spec)) {
            List<StoredDocument> found = new ArrayList<>();
            if (RecordId.is(RecordId.Type.DOCUMENT, doc)) {
                ws.document(RecordId.parse(doc).number()).ifPresent(found::add);
            } else {
                ws.forEachDocument(sd -> {
                    if (sd.document().file().equals(doc)) {
                        found.add(sd);
                    }
                });
            }
            if (found.size() != 1) {
                err.println("demarche: " + (found.isEmpty() ? "no document " : "more than one document is ") + doc
                        + (found.isEmpty() ? " in the workspace" : ": name it by id (d3)"));
                return 2;
            }
            Document d = found.get(0).document();
            d.warnings().forEach(w -> err.println("demarche: " + found.get(0).id() + " " + d.file() + ": " + w));
            out.print(original ? d.originalText() : d.cleanText());
            out.flush();
            return 0;
        }
    }
}
