package org.demarche.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What someone said (spec/CONTRACT.md section 4, statement): who, what kind, the exact words with their offsets
 * into the document's cleaned text, when, the cue that introduced them, the extraction step that found them with
 * its measured precision, and what they say on the codebook's issues.
 *
 * @param speaker     the workspace actor (a3); in the stance stage's input, the document's own actor (l7)
 * @param date        when it was said; in answers to questions, the document's date where the statement has none
 * @param confidence  the finding step's precision (0 to 1), null where unknown
 * @param file        the document's file, in answers that show it (never exported)
 * @param speakerName the speaker's name, in answers that show it (never exported)
 */
@JsonPropertyOrder({"type", "id", "doc", "speaker", "kind", "text", "start", "end", "date", "cue", "found_by", "confidence",
        "issues", "file", "speaker_name"})
public record Statement(RecordId id, RecordId doc, RecordId speaker, StatementKind kind, String text, int start, int end,
                        String date, String cue, String foundBy, Double confidence, List<Issue> issues,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String file,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String speakerName) {

    public Statement {
        issues = issues == null ? List.of() : issues;
    }

    /**
     * A statement known only by where it is and who said it (what the stance stage needs to read it): its id,
     * its speaker, its words at [start, end) of the document's text, its date and the verb that introduced it.
     */
    public static Statement at(RecordId id, RecordId speaker, int start, int end, String date, String cue) {
        return new Statement(id, null, speaker, null, null, start, end, date, cue, null, null, List.of(), null, null);
    }

    @JsonProperty("type")
    public String type() {
        return "statement";
    }

    /**
     * True when a reporting verb introduced the words (someone else's account of them), false for the speaker's
     * own text (a speech, a statement in their name).
     */
    @JsonIgnore
    public boolean reported() {
        return cue != null;
    }

    /** The same statement with what it says on the issues. */
    public Statement withIssues(List<Issue> found) {
        return new Statement(id, doc, speaker, kind, text, start, end, date, cue, foundBy, confidence, found, file,
                speakerName);
    }

    /**
     * What a statement says on one issue: which way, how sure, the words that decided it; and the weights for and
     * against that the stance stage summed (kept in the store, shown on the stances).
     */
    @JsonPropertyOrder({"issue", "polarity", "confidence", "cue"})
    public record Issue(String issue, Polarity polarity, double confidence, String cue,
                        @JsonIgnore double support, @JsonIgnore double oppose) {}
}
