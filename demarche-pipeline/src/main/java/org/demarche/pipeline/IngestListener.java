package org.demarche.pipeline;

import java.nio.file.Path;

/** What an ingest run tells the person waiting for it. Called from the run's writer thread. */
public interface IngestListener {

    /** The files to look at are known. */
    default void started(int files, long bytes) {}

    /** One file is done, whatever became of it. */
    default void fileDone(Path file, Outcome outcome, long bytes) {}

    /** A file could not be ingested; the reason is one line. */
    default void fileFailed(Path file, String reason) {}

    /** A batch reached the workspace for good: this many documents are stored in all so far this run. */
    default void committed(int documentsThisRun) {}

    /** A later stage (e.g. "stances") starts on this many documents. */
    default void stageStarted(String stage, int documents) {}

    /** A later stage has done this many documents. */
    default void stageProgress(String stage, int done) {}

    /** The search index was rebuilt: this many documents and statements, in this many milliseconds. */
    default void indexed(int units, long millis) {}

    /** What became of a file. */
    enum Outcome { NEW, REPLACED, UNCHANGED, DUPLICATE, FAILED }
}
