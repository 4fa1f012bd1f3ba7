package org.demarche.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.util.stream.Collectors;
import org.demarche.model.Actor;
import org.demarche.model.Json;
import org.demarche.model.Statement;
import org.demarche.questions.Questions;
import org.demarche.store.Workspace;
import picocli.CommandLine.Model.CommandSpec;

/** How the question commands print: indented JSON, or readable lines with the source of every fact. */
final class Answers {

    /** Prints an answer as indented JSON, through the one mapping the API and the export use. */
    static void json(PrintWriter out, Object value) {
        try {
            out.println(Json.PRETTY.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The actor a name, alias or id stands for, or null after saying there is none. */
    static Actor actor(Workspace ws, String name, CommandSpec spec) {
        return Questions.actor(ws, name).orElseGet(() -> {
            spec.commandLine().getErr().println("demarche: no actor named '" + name
                    + "' (demarche actors --name TEXT lists them)");
            return null;
        });
    }

    /** One statement: date, speaker, kind, where it is, its issues, its words. */
    static void statement(PrintWriter out, Statement s, int maxChars) {
        String issues = s.issues().stream().map(i -> i.issue() + " " + i.polarity().id()).collect(Collectors.joining(", "));
        out.printf("%s  %s (%s)  %s [%d-%d]  %s%s%n", s.date() == null ? "undated" : s.date(),
                s.speakerName() == null ? "?" : s.speakerName(), s.kind().id(), s.file(), s.start(), s.end(), s.id(),
                issues.isEmpty() ? "" : "  " + issues);
        String text = s.text().replaceAll("\\s+", " ");
        out.println("  \"" + (text.length() > maxChars ? text.substring(0, maxChars - 1) + "…" : text) + "\"");
        for (Statement.Issue i : s.issues()) {
            if (i.cue() != null) {
                out.println("  " + i.issue() + ": " + i.polarity().id() + " (" + String.format("%.2f", i.confidence())
                        + "), deciding words \"" + i.cue() + "\"");
            }
        }
    }

    private Answers() {}
}
