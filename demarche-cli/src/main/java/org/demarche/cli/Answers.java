package org.demarche.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.stream.Collectors;
import org.demarche.store.KnowledgeBase;
import org.demarche.store.Questions;
import org.demarche.store.StanceTables;
import org.demarche.store.Workspace;
import picocli.CommandLine.Model.CommandSpec;

/** How the question commands print: indented JSON, or readable lines with the source of every fact. */
final class Answers {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static void json(PrintWriter out, Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The actor a name, alias or id stands for, or null after saying there is none. */
    static KnowledgeBase.ActorRow actor(Workspace ws, String name, CommandSpec spec) {
        return ws.questions().actor(name).orElseGet(() -> {
            spec.commandLine().getErr().println("demarche: no actor named '" + name
                    + "' (demarche actors --name TEXT lists them)");
            return null;
        });
    }

    /** One statement: date, speaker, kind, where it is, its issues, its words. */
    static void statement(PrintWriter out, Questions.Said s, int maxChars) {
        String issues = s.issues().stream().map(i -> i.issue() + " " + i.polarity()).collect(Collectors.joining(", "));
        out.printf("%s  %s (%s)  %s [%d-%d]  s%d%s%n", s.date() == null ? "undated" : s.date(),
                s.speaker() == null ? "?" : s.speaker(), s.kind(), s.file(), s.start(), s.end(), s.id(),
                issues.isEmpty() ? "" : "  " + issues);
        String text = s.text().replaceAll("\\s+", " ");
        out.println("  \"" + (text.length() > maxChars ? text.substring(0, maxChars - 1) + "…" : text) + "\"");
        for (StanceTables.IssueRow i : s.issues()) {
            if (i.cue() != null) {
                out.println("  " + i.issue() + ": " + i.polarity() + " (" + String.format("%.2f", i.confidence())
                        + "), deciding words \"" + i.cue() + "\"");
            }
        }
    }

    private Answers() {}
}
