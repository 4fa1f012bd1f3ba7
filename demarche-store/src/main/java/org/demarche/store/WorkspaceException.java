package org.demarche.store;

/** The workspace cannot be opened or written; the message is meant for the user. */
public class WorkspaceException extends RuntimeException {
    public WorkspaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
