package org.demarche.nlp;

import org.demarche.model.Document;
import org.demarche.model.Extraction;

/** A stage after ingest that reads a document and finds actors, statements, roles and events in it. */
public interface Extractor {
    Extraction extract(Document document);

    /** Part of every document's fingerprint: a new version redoes the documents. */
    String version();
}
