package org.demarche.nlp.steps;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.demarche.model.ActorKind;
import org.demarche.model.Extraction;
import org.demarche.model.StatementKind;
import org.demarche.nlp.NameKeys;
import org.demarche.nlp.Steps;

/** Interviews: the interviewee's turns ("Name: answer") are their statements. */
public final class InterviewTurns implements DocumentStep {

    private static final Pattern TURN = Pattern.compile("(?m)(?:^|(?<=[.?!…”\"] ))([A-Z][A-Za-z.’'-]{1,25}(?: [A-Z][A-Za-z.’'-]{1,25})?):\\s");

    @Override
    public String name() {
        return "interview-turns";
    }

    @Override
    public Set<Key> requires() {
        return Set.of(Key.ACTORS);
    }

    @Override
    public Set<Key> adds() {
        return Set.of(Key.QUOTES);
    }

    /**
     * Interviews: "EIR: question" and "Mizin: answer" turns. The label whose turns mostly ask is the
     * interviewer; the other turns are the interviewee's statements.
     */
    @Override
    public void apply(ExtractionContext c) {
        Matcher m = TURN.matcher(c.text);
        List<int[]> turns = new ArrayList<>(); // label start, label end, text start
        Map<String, Integer> counts = new HashMap<>();
        while (m.find()) {
            turns.add(new int[] {m.start(1), m.end(1), m.end()});
            counts.merge(m.group(1), 1, Integer::sum);
        }
        counts.values().removeIf(n -> n < 2);
        if (counts.size() < 2) {
            return;
        }
        turns.removeIf(t -> !counts.containsKey(c.text.substring(t[0], t[1])));
        Map<String, int[]> asks = new HashMap<>(); // label -> {questions, turns}
        for (int i = 0; i < turns.size(); i++) {
            String label = c.text.substring(turns.get(i)[0], turns.get(i)[1]);
            int end = i + 1 < turns.size() ? turns.get(i + 1)[0] : c.text.length();
            String body = c.text.substring(turns.get(i)[2], end);
            int[] a = asks.computeIfAbsent(label, k -> new int[2]);
            a[0] += body.contains("?") ? 1 : 0;
            a[1]++;
        }
        for (int i = 0; i < turns.size(); i++) {
            String label = c.text.substring(turns.get(i)[0], turns.get(i)[1]);
            int[] a = asks.get(label);
            if (a[0] * 2 > a[1]) {
                continue; // the interviewer's questions
            }
            int speaker = labelActor(c, label);
            if (speaker < 0) {
                continue;
            }
            int start = turns.get(i)[2];
            int end = i + 1 < turns.size() ? turns.get(i + 1)[0] : c.text.length();
            while (end > start && Character.isWhitespace(c.text.charAt(end - 1))) {
                end--;
            }
            if (end - start > 2) {
                c.statements.add(c.said(speaker, StatementKind.DIRECT, start, end, c.published, null, Steps.INTERVIEW_TURN));
            }
        }
    }

    /** "Mizin" names the document's Viktor Mizin; an unknown label becomes a person of its own. */
    private int labelActor(ExtractionContext c, String label) {
        String key = NameKeys.surnameKey(label);
        for (Extraction.LocalActor a : c.actors) {
            if (a.kind() == ActorKind.PERSON && NameKeys.surnameKey(a.name()).equals(key)) {
                LocalActors.addForm(c, a.index(), label);
                return a.index();
            }
        }
        return label.length() > 3 && !label.equals(label.toUpperCase())
                ? LocalActors.actor(c, "p:" + key, label, ActorKind.PERSON) : -1;
    }
}
