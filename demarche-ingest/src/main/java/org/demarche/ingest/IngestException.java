package org.demarche.ingest;

/** A document cannot be ingested; the message is the one-line reason shown to the user. */
public class IngestException extends Exception {
    public IngestException(String reason) {
        super(reason);
    }

    public IngestException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
