package org.demarche.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A document as the workspace holds it, with its id (spec/CONTRACT.md section 4, document). */
@JsonPropertyOrder({"type", "id"})
public record StoredDocument(RecordId id, @JsonUnwrapped Document document) {

    public StoredDocument(long id, Document document) {
        this(RecordId.document(id), document);
    }

    @JsonProperty("type")
    public String type() {
        return "document";
    }
}
