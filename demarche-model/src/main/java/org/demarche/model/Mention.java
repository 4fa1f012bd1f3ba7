package org.demarche.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A stretch of a document naming an actor (actor, or null), a place, a title or a date. */
@JsonPropertyOrder({"kind", "start", "end", "actor", "text"})
public record Mention(String kind, int start, int end, RecordId actor, String text) {}
