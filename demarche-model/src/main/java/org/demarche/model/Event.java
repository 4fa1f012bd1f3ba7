package org.demarche.model;

import java.util.List;

/** Something that happened (a visit, a veto, a recognition), as a document reports it. */
public record Event(long id, long documentId, String kind, List<Long> actorIds, Long targetId, String place,
                    String date, String text, int start, int end) {}
