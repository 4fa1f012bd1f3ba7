package org.demarche.cli;

import org.demarche.questions.Checks;
import org.demarche.store.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The demarche command line: one class per command. */
@Command(name = "demarche",
        mixinStandardHelpOptions = true,
        version = "demarche 0.1.0",
        description = "Who said what, when, in which role, and where they stand: a source-linked record built from documents.",
        subcommands = {IngestCommand.class, ExportCommand.class, SearchCommand.class, ActorsCommand.class, ActorCommand.class, StatementsCommand.class, TimelineCommand.class, ImportCommand.class, StancesCommand.class, ShiftsCommand.class, NetworkCommand.class, CorrectCommand.class, CorrectionsCommand.class, AgreementCommand.class, ServeCommand.class, BenchCommand.class, TextCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit status (0 done, 1 the run failed, 2 usage error). */
    public static int run(String... args) {
        return run(null, null, args);
    }

    /** Runs a command line with its output and errors sent to these writers (null: stdout, stderr). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        boolean[] again = {false};
        int status = run(out, err, true, again, args);
        // a question read through another process (an ingest) that ended meanwhile: asked once more, it
        // reaches the workspace where it is now (nothing was printed: the questions print once they have read)
        return again[0] ? run(out, err, false, again, args) : status;
    }

    private static final java.util.Set<String> QUESTIONS = java.util.Set.of("search", "actors", "actor", "statements",
            "timeline", "stances", "shifts", "network", "text");

    private static int run(java.io.PrintWriter out, java.io.PrintWriter err, boolean mayRetry, boolean[] again,
                           String... args) {
        again[0] = false;
        CommandLine cl = new CommandLine(new Main());
        if (out != null) {
            cl.setOut(out);
        }
        if (err != null) {
            cl.setErr(err);
        }
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (Workspace.lostConnection(e)) {
                CommandLine.ParseResult sub = parseResult.subcommand();
                String name = sub == null ? "" : sub.commandSpec().name();
                boolean retryable = QUESTIONS.contains(name) || name.equals("export") && sub.hasMatchedOption("--out");
                if (mayRetry && retryable) {
                    again[0] = true;
                    return 1;
                }
                commandLine.getErr().println("demarche: the process that held the workspace for this one (an ingest, "
                        + "a server) ended while it was " + (name.equals("export") ? "exporting; the output is incomplete"
                        : "reading") + ": run it again");
                return 1;
            }
            commandLine.getErr().println("demarche: " + oneLine(e));
            // an option's value checked against the workspace (an issue, an actor, a bound): a usage error
            return e instanceof Checks.Refused ? 2 : 1;
        });
        return cl.execute(args);
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return m.lines().findFirst().orElse(m);
    }
}
