package org.demarche.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.demarche.network.DiscourseNetwork;
import org.demarche.network.Network;
import org.demarche.network.NetworkOptions;
import org.demarche.network.NetworkWriter;
import org.demarche.questions.NetworkQuestion;
import org.demarche.store.Workspace;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code demarche network}: who sides with whom, as a discourse network, in the formats analysts open. */
@Command(name = "network", mixinStandardHelpOptions = true,
        description = "A discourse network from the stances: actors and issues (affiliation), or actors who agree "
                + "(congruence), disagree (conflict) or both (subtract), per time window.")
final class NetworkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    static final class Scope {
        @Option(names = "--issue", paramLabel = "ID", description = "One issue of the codebook.")
        String issue;

        @Option(names = "--all", description = "All issues.")
        boolean all;
    }

    @ArgGroup(multiplicity = "1")
    Scope scope;

    @Option(names = "--type", defaultValue = "congruence", paramLabel = "TYPE",
            description = "affiliation|congruence|conflict|subtract (default: ${DEFAULT-VALUE}).")
    String type;

    @Option(names = "--normalize", defaultValue = "none", paramLabel = "N",
            description = "none|average|jaccard|cosine (default: ${DEFAULT-VALUE}).")
    String normalize;

    @Option(names = "--window", defaultValue = "all", paramLabel = "SPEC",
            description = "all, a period (1y, 6m) or a sliding window LENGTH/STEP (3y/1y) (default: ${DEFAULT-VALUE}).")
    String window;

    @Option(names = "--level", defaultValue = "actor", paramLabel = "LEVEL",
            description = "actor, or state: persons folded into the state they speak for (default: ${DEFAULT-VALUE}).")
    String level;

    @Option(names = "--from", paramLabel = "DATE", description = "Stances dated on or after (ISO: 2008, 2008-02, 2008-02-17).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Stances dated on or before.")
    String to;

    @Option(names = "--min-confidence", paramLabel = "X", defaultValue = "0.5",
            description = "Leave out stances less sure than this (0 to 1; default: ${DEFAULT-VALUE}, the confident ones).")
    double minConfidence;

    @Option(names = "--format", defaultValue = "json", paramLabel = "FORMAT",
            description = "graphml|gexf|csv|json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here (a folder for csv); without it JSON goes to standard output.")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        NetworkOptions options;
        NetworkWriter.Format f;
        try {
            options = NetworkOptions.of("--", type, normalize, level, scope.issue, from, to, window, minConfidence);
            f = NetworkOptions.parse(NetworkWriter.Format.class, "--format", format);
            if (out == null && f != NetworkWriter.Format.JSON) {
                throw new IllegalArgumentException("--format " + f.id() + " needs --out FILE");
            }
        } catch (IllegalArgumentException e) {
            err.println("demarche: " + e.getMessage());
            return 2;
        }
        if (workspace.missing(spec)) {
            return 2;
        }
        List<Network> networks;
        try (Workspace ws = workspace.openForReading(spec)) {
            networks = DiscourseNetwork.build(NetworkQuestion.codings(ws, scope.issue), options);
        } catch (IllegalArgumentException e) {
            err.println("demarche: " + e.getMessage());
            return 2;
        }
        if (out == null) {
            spec.commandLine().getOut().println(new com.fasterxml.jackson.databind.ObjectMapper()
                    .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(NetworkWriter.json(networks)));
            return 0;
        }
        List<Path> files = NetworkWriter.write(networks, f, out);
        long edges = networks.stream().mapToLong(n -> n.graph().edgeSet().size()).sum();
        err.println("network: " + networks.size() + (networks.size() == 1 ? " window, " : " windows, ") + edges
                + " edges, to " + String.join(", ", files.stream().map(Path::toString).toList()));
        return 0;
    }
}
