package org.demarche.model;

import java.util.List;

/** One real-world actor across the whole workspace, with every surface form that names it. */
public record Actor(long id, String name, ActorKind kind, List<String> aliases, List<Role> roles, int mentions) {

    /** A title held in (or for) a state or organization over a period, with its evidence. */
    public record Role(String title, Long ofActor, String from, String to, List<Long> evidenceStatements) {}
}
