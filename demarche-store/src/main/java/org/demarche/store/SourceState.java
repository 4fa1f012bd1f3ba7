package org.demarche.store;

/**
 * What the workspace remembers about a path it read: enough to recognise an unchanged file
 * without reading it (size and modification time), or after reading it (hash), and to tell
 * whether the facts that shaped its records changed (fingerprint).
 */
public record SourceState(String path, long documentId, String hash, String fingerprint, long size, long modified) {}
