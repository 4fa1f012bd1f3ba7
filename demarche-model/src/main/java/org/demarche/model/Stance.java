package org.demarche.model;

import java.util.List;

/** An actor's position on an issue as one document shows it, with the statements that decide it. */
public record Stance(long id, long actorId, String issue, Polarity polarity, long documentId, String date,
                     List<Long> evidenceStatements, double confidence) {}
