package org.demarche.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.demarche.pipeline.IngestListener;

/**
 * Shows an ingest's progress on stderr: a live bar (done/total, rate, time left) on a terminal,
 * a plain line every ten seconds otherwise (logs, CI). Failures always get one line each,
 * naming the file and the reason.
 */
final class ProgressReporter implements IngestListener, AutoCloseable {

    private static final long PLAIN_INTERVAL_NANOS = 10_000_000_000L;

    private final String task;
    private final PrintStream err;
    private final boolean terminal;
    private ProgressBar bar;
    private int total;
    private int done;
    private long bytes;
    private long totalBytes;
    private long start;
    private long lastLine;

    private ProgressReporter(String task, PrintStream err, boolean terminal) {
        this.task = task;
        this.err = err;
        this.terminal = terminal;
    }

    /** The launcher sets DEMARCHE_TTY=1 when stderr is a terminal (Java 17 cannot tell by itself). */
    static ProgressReporter forStderr(String task) {
        return new ProgressReporter(task, System.err, "1".equals(System.getenv("DEMARCHE_TTY")));
    }

    @Override
    public void started(int files, long bytes) {
        this.total = files;
        this.totalBytes = bytes;
        this.start = System.nanoTime();
        this.lastLine = start;
        if (terminal && files > 0) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(files)
                    .setStyle(ProgressBarStyle.UNICODE_BLOCK).setUpdateIntervalMillis(200)
                    .setConsumer(new ConsoleProgressBarConsumer(err)).setUnit(" files", 1).showSpeed()
                    .build();
        } else {
            err.printf("%s: %d files, %.1f MB%n", task, files, bytes / 1e6);
        }
    }

    @Override
    public void fileDone(Path file, Outcome outcome, long size) {
        done++;
        bytes += size;
        if (bar != null) {
            bar.step();
            return;
        }
        long now = System.nanoTime();
        if (now - lastLine >= PLAIN_INTERVAL_NANOS) {
            lastLine = now;
            double secs = (now - start) / 1e9;
            double rate = done / secs;
            long left = rate > 0 ? Math.round((total - done) / rate) : 0;
            err.printf("%s: %d/%d files (%d%%), %.1f files/s, %.1f MB/s, about %s left%n", task, done, total,
                    total == 0 ? 100 : done * 100 / total, rate, bytes / 1e6 / secs, duration(left));
        }
    }

    @Override
    public void fileFailed(Path file, String reason) {
        String line = "demarche: " + (file == null ? "" : printable(file.toString()) + ": ")
                + printable(reason.replaceAll("\\s*\\R\\s*", " "));
        if (bar != null) {
            err.print("\r\033[K"); // clear the bar's line; it redraws itself below
        }
        err.println(line);
    }

    /**
     * The text with its control characters escaped (a newline as \\n, others as \\u0007): a file named
     * with a newline cannot split its error line, nor forge another. A few lines: the JDK has no such escape.
     */
    static String printable(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029'
                    || c == '\u202E' || c == '\u202D';
            if (control && sb == null) {
                sb = new StringBuilder(s.substring(0, i));
            }
            if (sb != null) {
                if (!control) {
                    sb.append(c);
                } else if (c == '\n') {
                    sb.append("\\n");
                } else if (c == '\r') {
                    sb.append("\\r");
                } else if (c == '\t') {
                    sb.append("\\t");
                } else {
                    sb.append(String.format("\\u%04x", (int) c));
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    private String stage;
    private int stageTotal;
    private long stageStart;

    @Override
    public void stageStarted(String name, int documents) {
        close(); // the files' bar is finished
        stage = name;
        stageTotal = documents;
        stageStart = System.nanoTime();
        lastLine = stageStart;
        if (terminal) {
            bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(documents)
                    .setStyle(ProgressBarStyle.UNICODE_BLOCK).setUpdateIntervalMillis(200)
                    .setConsumer(new ConsoleProgressBarConsumer(err)).setUnit(" docs", 1).showSpeed().build();
        } else {
            err.printf("%s: %d documents%n", name, documents);
        }
    }

    @Override
    public void stageProgress(String name, int doneSoFar) {
        if (bar != null) {
            bar.stepTo(doneSoFar);
            return;
        }
        long now = System.nanoTime();
        if (now - lastLine >= PLAIN_INTERVAL_NANOS || doneSoFar == stageTotal) {
            lastLine = now;
            err.printf("%s: %d/%d documents in %.1f s%n", name, doneSoFar, stageTotal, (now - stageStart) / 1e9);
        }
    }

    @Override
    public void indexed(int units, long millis) {
        close();
        err.printf("index: %,d documents and statements searchable (%.1f s)%n", units, millis / 1000.0);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    static String duration(long seconds) {
        return seconds >= 3600 ? String.format("%dh%02dm", seconds / 3600, seconds % 3600 / 60)
                : seconds >= 60 ? String.format("%dm%02ds", seconds / 60, seconds % 60) : seconds + " s";
    }
}
