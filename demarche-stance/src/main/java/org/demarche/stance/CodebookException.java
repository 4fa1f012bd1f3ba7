package org.demarche.stance;

/** The codebook cannot be used; the message names the file and the line. */
public class CodebookException extends Exception {
    public CodebookException(String message) {
        super(message);
    }
}
