package org.demarche.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One real-world actor across all documents (spec/CONTRACT.md section 4, actor): every surface form merged into
 * it, the roles it held, and how often it is mentioned.
 */
@JsonPropertyOrder({"type", "id", "name", "kind", "aliases", "roles", "mentions"})
public record Actor(RecordId id, String name, ActorKind kind, List<String> aliases, List<Role> roles, int mentions) {

    public Actor {
        aliases = List.copyOf(aliases);
        roles = roles == null ? List.of() : roles;
    }

    @JsonProperty("type")
    public String type() {
        return "actor";
    }

    /** The same actor with these roles. */
    public Actor withRoles(List<Role> held) {
        return new Actor(id, name, kind, aliases, held, mentions);
    }
}
