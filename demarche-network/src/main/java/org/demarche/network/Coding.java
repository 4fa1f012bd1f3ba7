package org.demarche.network;

import java.util.List;
import org.demarche.model.ActorKind;
import org.demarche.model.Polarity;

/**
 * One coded position, the unit a discourse network is made of (in Leifeld's Discourse Network Analyzer: a
 * statement's actor, concept and agreement): an actor's stance on an issue in one document, with the statements
 * behind it so that every link of the network goes back to the words.
 *
 * @param actor      the actor's id ({@code a3})
 * @param speaksFor  the state or organisation the actor speaks for ({@code a7}), or null
 * @param date       ISO 8601, possibly partial ({@code 2008}, {@code 2008-02}), or null when unknown
 * @param document   the document's id ({@code d12})
 * @param statements the ids of the statements behind the stance ({@code s5})
 */
public record Coding(String actor, String actorName, ActorKind actorKind, String speaksFor, String speaksForName,
                     ActorKind speaksForKind, String issue, String issueLabel, Polarity polarity, String date,
                     String document, List<String> statements, double confidence) {

    public Coding {
        statements = List.copyOf(statements);
    }

    /** The same coding with another actor in its place (a person folded into the state it speaks for). */
    Coding as(String id, String name, ActorKind kind) {
        return new Coding(id, name, kind, null, null, null, issue, issueLabel, polarity, date, document, statements,
                confidence);
    }
}
