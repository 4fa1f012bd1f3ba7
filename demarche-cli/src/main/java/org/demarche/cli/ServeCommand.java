package org.demarche.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.demarche.server.ApiServer;
import org.demarche.questions.Checks;
import org.demarche.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code demarche serve}: the HTTP JSON API and the web page, on loopback unless told otherwise. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the web page and the JSON API (described at /api/openapi.json) until stopped.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--port", paramLabel = "N", defaultValue = "7777", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to bind (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Request threads (default: one per core, at least 2; more requests wait their turn).")
    int threads;

    @Option(names = "--allow-host", paramLabel = "NAME",
            description = "Also answer requests that name the server so (a proxy's name); others get 421.")
    java.util.List<String> allowedHosts = new java.util.ArrayList<>();

    @Option(names = "--allow-corrections", description = "Take corrections from the page (POST /api/corrections, "
            + "with the page's session token), by the coder given with --coder. Without it the server writes nothing.")
    boolean allowCorrections;

    @Option(names = "--coder", paramLabel = "NAME", description = "Who corrects through this server (default: the login name).")
    String coder = System.getProperty("user.name", "unknown");

    @Override
    public Integer call() throws Exception {
        Checks.range("--port", port, 0, 65_535);
        Checks.range("--threads", threads, 0, 256);
        if (workspace.missing(spec)) {
            return 2;
        }
        try (Workspace ws = workspace.openForReading(spec); ApiServer server = new ApiServer(ws, host, port, threads, allowedHosts)) {
            if (allowCorrections) {
                if (coder == null || coder.isBlank()) {
                    spec.commandLine().getErr().println("demarche: serve: --coder must name who corrects");
                    return 2;
                }
                server.takeCorrections(coder.strip());
            }
            server.start();
            System.err.printf("serve: http://%s:%d/ (API: /api/openapi.json)%s; Ctrl-C stops%n", host, server.port(),
                    allowCorrections ? "; taking corrections by " + coder.strip() : "");
            CountDownLatch stop = new CountDownLatch(1);
            // Ctrl-C and kill stop the server here, not by shutting the JVM down: H2 closes its databases in a
            // shutdown hook, and an ingest in another process may be writing through this one; the workspace's
            // close waits for it to finish first (sun.misc.Signal: the JDK's only way to take the signal)
            for (String signal : new String[] {"INT", "TERM"}) {
                sun.misc.Signal.handle(new sun.misc.Signal(signal), s -> stop.countDown());
            }
            stop.await();
            System.err.println("serve: stopping");
            server.close();
            ws.close();
        }
        return 0;
    }
}
