package org.demarche.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A title an actor held, of a state or organisation ({@code of}, or null), from a date, as shown by the words
 * at [start, end) of a document; evidence: what the actor said in that document.
 *
 * @param ofName the name of the actor it is of, in answers that show it (never exported)
 */
@JsonPropertyOrder({"title", "of", "from", "to", "evidence", "doc", "text", "start", "end", "of_name"})
public record Role(String title, RecordId of, String from, String to, List<RecordId> evidence, RecordId doc, String text,
                   int start, int end, @JsonInclude(JsonInclude.Include.NON_NULL) String ofName) {

    public Role {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** The same role with the name of the actor it is of. */
    public Role named(String name) {
        return new Role(title, of, from, to, evidence, doc, text, start, end, name);
    }
}
