package org.demarche.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Where an actor stands on an issue in one document (spec/CONTRACT.md section 4, stance), with the statements
 * that show it, strongest first, and the weights for and against summed from them.
 *
 * @param actor     the workspace actor (a3); as the stance stage makes it, the document's own actor (l7)
 * @param file      the document's file, in answers that show it (never exported)
 * @param actorName the actor's name, in answers that show it (never exported)
 */
@JsonPropertyOrder({"type", "id", "actor", "issue", "polarity", "doc", "date", "evidence", "confidence", "unclear",
        "support_weight", "oppose_weight", "file", "actor_name"})
public record Stance(RecordId id, RecordId actor, String issue, Polarity polarity, RecordId doc, String date,
                     List<RecordId> evidence, double confidence, double supportWeight, double opposeWeight,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String file,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String actorName) {

    /** Below this confidence (the stance model's threshold) the polarity is a guess, not a reading. */
    public static final double UNCLEAR_BELOW = 0.5;

    public Stance {
        evidence = List.copyOf(evidence);
    }

    /** A stance as the stance stage finds it: not stored yet, so without id, document or names. */
    public Stance(RecordId actor, String issue, Polarity polarity, String date, List<RecordId> evidence, double confidence,
                  double supportWeight, double opposeWeight) {
        this(null, actor, issue, polarity, null, date, evidence, confidence, supportWeight, opposeWeight, null, null);
    }

    @JsonProperty("type")
    public String type() {
        return "stance";
    }

    @JsonProperty("unclear")
    public boolean unclear() {
        return confidence < UNCLEAR_BELOW;
    }

    /** The same stance with the names answers show. */
    public Stance named(String fileName, String name) {
        return new Stance(id, actor, issue, polarity, doc, date, evidence, confidence, supportWeight, opposeWeight,
                fileName, name);
    }
}
