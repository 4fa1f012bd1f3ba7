package org.demarche.store;

import org.demarche.model.Document;

/** A document as the workspace holds it, with its database id. */
public record StoredDocument(long id, Document document) {}
