package org.demarche.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** Something that happened (spec/CONTRACT.md section 4, event): who took part, to whom, where, when, in which words. */
@JsonPropertyOrder({"type", "id", "kind", "actors", "target", "place", "date", "doc", "text", "start", "end"})
public record Event(RecordId id, EventKind kind, List<RecordId> actors, RecordId target, String place, String date,
                    RecordId doc, String text, int start, int end) {

    public Event {
        actors = List.copyOf(actors);
    }

    @JsonProperty("type")
    public String type() {
        return "event";
    }
}
