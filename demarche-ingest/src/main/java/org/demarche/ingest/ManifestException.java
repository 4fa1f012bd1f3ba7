package org.demarche.ingest;

/** The manifest cannot be used; the message names the file and the line. */
public class ManifestException extends Exception {
    public ManifestException(String message) {
        super(message);
    }
}
