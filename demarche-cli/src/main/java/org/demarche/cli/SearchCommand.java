package org.demarche.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.demarche.search.SearchIndex;
import org.demarche.questions.Checks;
import org.demarche.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code demarche search QUERY}: full-text search over documents and statements, with facets. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search documents and statements. The query uses Lucene's syntax: words (all must match), "
                + "\"a phrase\", OR, -excluded, wild*. Filters narrow it by facet; the facet counts are printed after the hits."})
final class SearchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Parameters(arity = "0..*", paramLabel = "QUERY", description = "What to look for (empty: everything the filters let through).")
    List<String> query = new ArrayList<>();

    @Option(names = "--actor", paramLabel = "NAME", description = "Said by (statements) or naming (documents) this actor.")
    List<String> actors = new ArrayList<>();

    @Option(names = "--issue", paramLabel = "ID", description = "Statements on this issue.")
    List<String> issues = new ArrayList<>();

    @Option(names = "--stance", paramLabel = "POLARITY", description = "support, oppose or neutral.")
    List<String> stances = new ArrayList<>();

    @Option(names = "--kind", paramLabel = "KIND", description = "direct or indirect (statements).")
    List<String> kinds = new ArrayList<>();

    @Option(names = "--type", paramLabel = "TYPE", description = "statement or document.")
    List<String> types = new ArrayList<>();

    @Option(names = "--year", paramLabel = "YYYY", description = "Said or published in this year.")
    List<String> years = new ArrayList<>();

    @Option(names = "--publisher", paramLabel = "NAME", description = "Published by.")
    List<String> publishers = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Hits to show, 1 to 200 (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "Hits to skip (paging), 0 to 10,000.")
    int offset;

    @Option(names = "--from", paramLabel = "DATE", description = "Said or published on or after (ISO: 2008, 2008-02, 2008-02-17).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Said or published on or before.")
    String to;

    @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "relevance", description = "relevance (default) or date.")
    String sort;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (workspace.missing(spec)) {
            return 2;
        }
        stances.forEach(p -> Checks.oneOf("--stance", p, Checks.POLARITIES));
        kinds.forEach(k -> Checks.oneOf("--kind", k, Checks.STATEMENT_KINDS));
        types.forEach(t -> Checks.oneOf("--type", t, Checks.TYPES));
        years.forEach(y -> Checks.year("--year", y));
        Checks.range("--limit", limit, 1, SearchIndex.MAX_LIMIT);
        Checks.range("--offset", offset, 0, SearchIndex.MAX_OFFSET);
        Checks.dates("--from", from, "--to", to);
        Checks.oneOf("--sort", sort, List.of("relevance", "date"));
        SearchIndex.Result r;
        try (Workspace ws = workspace.openForReading(spec)) {
            issues.forEach(i -> Checks.issue("--issue", ws, i));
            // an actor by any name or alias, resolved as statements resolves it, searched under its name
            List<String> actorNames = actors.stream().map(a -> Checks.actor(ws, a).name()).toList();
            r = search(ws, actorNames);
        } catch (Checks.Refused e) {
            throw e;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("demarche: " + e.getMessage());
            return 2;
        }
        return print(out, r);
    }

    private SearchIndex.Result search(Workspace ws, List<String> actorNames) throws IOException {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        put(filters, "actor", actorNames);
        if (!issues.isEmpty() && !stances.isEmpty()) {
            // "on this issue, that way": the stance is tied to the issue
            List<String> positions = new ArrayList<>();
            issues.forEach(i -> stances.forEach(p -> positions.add(i + ":" + p)));
            put(filters, "position", positions);
        } else {
            put(filters, "issue", issues);
            put(filters, "stance", stances);
        }
        put(filters, "kind", kinds);
        put(filters, "type", types);
        put(filters, "year", years);
        put(filters, "publisher", publishers);
        try (SearchIndex index = SearchIndex.open(ws)) {
            return index.search(new SearchIndex.Request(String.join(" ", query), filters, limit, offset,
                    Checks.date("--from", from), Checks.date("--to", to), sort.equals("date")));
        }
    }

    private int print(PrintWriter out, SearchIndex.Result r) throws IOException {
        if (json) {
            Answers.json(out, r);
            return 0;
        }
        boolean tty = "1".equals(System.getenv("DEMARCHE_TTY"));
        String range = r.hits().isEmpty() ? (offset > 0 && r.total() > 0 ? " (none past the first " + offset + ")" : "")
                : r.total() > r.hits().size() ? " (showing " + (offset + 1) + "–" + (offset + r.hits().size()) + ")" : "";
        out.printf("%,d hits%s%n", r.total(), range);
        for (SearchIndex.Hit h : r.hits()) {
            out.println();
            String who = h.speakerName() != null ? h.speakerName() + " (" + h.kind() + ")" : "document";
            out.printf("%s  %s  %s  %s%s%n", h.id(), h.date() == null ? "undated" : h.date(), who, h.file(),
                    h.type().equals("statement") ? " [" + h.start() + "-" + h.end() + "]" : "");
            out.println("  " + (tty ? h.snippet().marked("\033[1m", "\033[0m") : h.snippet().marked("[", "]")));
        }
        out.println();
        if (r.facetsEstimated()) {
            out.println("facet counts estimated from a random sample of the hits:");
        }
        r.facets().forEach((dim, counts) -> {
            if (!counts.isEmpty()) {
                StringBuilder sb = new StringBuilder(dim + ": ");
                counts.stream().limit(8).forEach(c -> sb.append(c.value()).append(" (").append(r.facetsEstimated() ? "≈" : "")
                        .append(c.count()).append(")  "));
                out.println(sb.toString().stripTrailing());
            }
        });
        return 0;
    }

    private static void put(Map<String, List<String>> filters, String dim, List<String> values) {
        if (!values.isEmpty()) {
            filters.put(dim, values);
        }
    }
}
