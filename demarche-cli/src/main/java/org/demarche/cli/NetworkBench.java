package org.demarche.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.demarche.export.JsonlExporter;
import org.demarche.export.TidyExporter;
import org.demarche.network.Coding;
import org.demarche.network.DiscourseNetwork;
import org.demarche.network.Network;
import org.demarche.network.NetworkOptions;
import org.demarche.network.NetworkWriter;
import org.demarche.questions.NetworkQuestion;
import org.demarche.store.Workspace;

/**
 * {@code demarche bench network} and {@code bench export} over an ingested workspace: how long a discourse
 * network of all issues takes (read, build, write each format), and how long the exports of the whole workspace take.
 */
final class NetworkBench {

    private NetworkBench() {}

    static int network(Path wsDir, String window) throws Exception {
        Path out = Files.createTempDirectory("demarche-bench-network");
        try (Workspace ws = Workspace.openForReading(wsDir)) {
            System.out.printf("bench network: %s, %d documents, all issues, window %s, max heap %d MB%n", wsDir,
                    ws.documentCount(), window, Runtime.getRuntime().maxMemory() >> 20);
            for (int run = 1; run <= 2; run++) { // the second run shows the figure once the JIT has compiled
                long t0 = System.nanoTime();
                List<Coding> codings = NetworkQuestion.codings(ws, null);
                long t1 = System.nanoTime();
                for (NetworkOptions.Type type : NetworkOptions.Type.values()) {
                    long b0 = System.nanoTime();
                    List<Network> networks = DiscourseNetwork.build(codings, new NetworkOptions(type,
                            NetworkOptions.Normalization.NONE, NetworkOptions.Level.ACTOR, null, null, null, window, 0.5));
                    long b1 = System.nanoTime();
                    long edges = networks.stream().mapToLong(n -> n.graph().edgeSet().size()).sum();
                    StringBuilder writes = new StringBuilder();
                    for (NetworkWriter.Format f : NetworkWriter.Format.values()) {
                        long w0 = System.nanoTime();
                        Path target = out.resolve(type.id() + "." + f.id());
                        NetworkWriter.write(networks, f, f == NetworkWriter.Format.GRAPHML
                                ? Files.createDirectories(out.resolve(type.id() + "-graphml")).resolve("n.graphml") : target);
                        writes.append(String.format(", %s %.2f s", f.id(), (System.nanoTime() - w0) / 1e9));
                    }
                    System.out.printf("run %d %-11s %4d windows, %,9d edges: read %.2f s, build %.2f s (total %.2f s)%s%n",
                            run, type.id(), networks.size(), edges, (t1 - t0) / 1e9, (b1 - b0) / 1e9,
                            (b1 - t0) / 1e9, writes);
                    t0 = System.nanoTime();
                    t1 = t0; // later types reuse the codings read once
                }
                System.out.printf("run %d: %,d stances read%n", run, codings.size());
            }
        } finally {
            deleteTree(out);
        }
        return 0;
    }

    static int export(Path wsDir) throws Exception {
        Path out = Files.createTempDirectory("demarche-bench-export");
        try (Workspace ws = Workspace.openForReading(wsDir)) {
            System.out.printf("bench export: %s, %d documents%n", wsDir, ws.documentCount());
            long t0 = System.nanoTime();
            Path jsonl = out.resolve("kb.jsonl");
            long records;
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(jsonl), 1 << 16)) {
                records = new JsonlExporter(false).export(ws, os);
            }
            long t1 = System.nanoTime();
            System.out.printf("jsonl:   %,d records, %,d MB in %.1f s%n", records, Files.size(jsonl) >> 20, (t1 - t0) / 1e9);
            for (TidyExporter.Format f : TidyExporter.Format.values()) {
                long s0 = System.nanoTime();
                var rows = TidyExporter.write(jsonl, f, out.resolve(f.id()));
                System.out.printf("%-8s %d tables, %,d rows in %.1f s (and %.1f s for the export they are made from)%n",
                        f.id() + ":", rows.size(), rows.values().stream().mapToLong(Long::longValue).sum(),
                        (System.nanoTime() - s0) / 1e9, (t1 - t0) / 1e9);
            }
        } finally {
            deleteTree(out);
        }
        return 0;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
