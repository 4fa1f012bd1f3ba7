package org.demarche.nlp.steps;

import java.util.Set;
import org.demarche.model.Extraction;
import org.demarche.model.StatementKind;

/**
 * The statements in text order, without terms in quotes and without the same words found twice for one speaker
 * (whole, or a piece of reported words inside the whole).
 */
public final class Tidy implements DocumentStep {

    @Override
    public String name() {
        return "tidy";
    }

    @Override
    public Set<Key> requires() {
        return Set.of(Key.QUOTES, Key.REPORTED);
    }

    @Override
    public Set<Key> adds() {
        return Set.of(Key.STATEMENTS);
    }

    @Override
    public void apply(ExtractionContext c) {
        // three words or fewer inside a sentence are a term, a title or a scare quote ("the “Remain” camp")
        c.statements.removeIf(x -> x.kind() == StatementKind.DIRECT && x.cue() != null && Tokens.wordCount(x.text()) < 4
                && !c.opensSentence(x.start()));
        c.statements.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                : Integer.compare(a.end(), b.end()));
        for (int i = c.statements.size() - 1; i > 0; i--) {
            Extraction.SaidText x = c.statements.get(i);
            Extraction.SaidText y = c.statements.get(i - 1);
            if (x.start() == y.start() && x.end() == y.end() && x.speaker() == y.speaker()) {
                c.statements.remove(i);
            }
        }
        // "said it had rules … and that it removed the videos": a piece of a speaker's reported words found again
        // alone ("and that it removed …") is the same statement
        c.statements.removeIf(x -> x.kind() == StatementKind.INDIRECT && c.statements.stream().anyMatch(y -> y != x
                && y.kind() == StatementKind.INDIRECT && y.speaker() == x.speaker() && y.start() <= x.start()
                && y.end() >= x.end() && (y.start() < x.start() || y.end() > x.end())));
    }
}
